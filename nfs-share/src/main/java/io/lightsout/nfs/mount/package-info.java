/** MOUNT protocol version 3: MNT, UMNT, UMNTALL, EXPORT, DUMP. */
package io.lightsout.nfs.mount;
