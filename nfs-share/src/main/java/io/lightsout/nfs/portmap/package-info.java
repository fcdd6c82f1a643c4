/** A read-only portmapper (version 2) announcing the share's MOUNT and NFS ports. */
package io.lightsout.nfs.portmap;
