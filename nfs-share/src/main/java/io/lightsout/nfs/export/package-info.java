/** Exports, client lists, file handles and the path-safe view of an export directory. */
package io.lightsout.nfs.export;
