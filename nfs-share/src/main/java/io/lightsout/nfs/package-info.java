/** Read-only NFSv3 server (portmap, MOUNT v3, NFS v3) on dCache's oncrpc4j. */
package io.lightsout.nfs;
