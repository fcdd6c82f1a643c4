package io.lightsout.nfs;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * A snapshot of the share's activity.
 *
 * @param bytesRead     file bytes returned by READ since start
 * @param operations    NFS and MOUNT calls answered since start
 * @param errors        of which answered with an error status
 * @param opsPerSecond  calls per second over the last ten seconds
 * @param activeClients addresses with at least one open TCP connection
 * @param recentMounts  the latest MOUNT requests, newest first (at most 50)
 */
public record ShareStats(long bytesRead, long operations, long errors, double opsPerSecond,
        Set<InetAddress> activeClients, List<MountEvent> recentMounts) {}
