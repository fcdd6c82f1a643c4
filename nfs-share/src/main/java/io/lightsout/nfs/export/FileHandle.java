package io.lightsout.nfs.export;

/**
 * What an NFS file handle names: a file of an export, by its file id (inode number) and a generation that
 * changes when the file is replaced. Encoded and authenticated by {@link HandleCodec}.
 *
 * @param exportId   {@link Export#id()}
 * @param fileId     the inode number
 * @param generation the file's birth time in nanoseconds (0 for directories)
 */
public record FileHandle(int exportId, long fileId, long generation) {}
