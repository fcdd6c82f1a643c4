/** Protocol constants: RPC, portmap, MOUNT v3 and NFS v3 numbers from RFC 5531, 1833 and 1813. */
package io.lightsout.nfs.xdr;
