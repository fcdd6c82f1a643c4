package io.lightsout.appliance.shares;

import java.time.Instant;
import java.util.List;

/**
 * One export of the NFS share as stored: mounted by clients as {@code /name}, serving
 * {@code DATA/repository/directory}.
 *
 * @param name      the mount name without the slash ({@code iso})
 * @param directory the directory relative to the repository ({@code iso}, {@code vendor/dell})
 * @param clients   CIDRs, addresses and host names allowed to mount; empty = not offered
 * @param createdAt when created (the epoch for the two built-in exports)
 * @param updatedAt when last changed
 */
public record ShareExport(String name, String directory, List<String> clients, Instant createdAt,
                          Instant updatedAt) {

    public ShareExport {
        clients = List.copyOf(clients);
    }

    /** The path clients mount. */
    public String path() {
        return "/" + name;
    }
}
