/** NFS version 3, read-only: one class per procedure. */
package io.lightsout.nfs.v3;
