package io.lightsout.appliance.nodes;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What a BMC call needs of a node — the node and its account, password decrypted — as read moments ago. Every call
 * to a BMC needs it, and a campaign makes hundreds a second (a read, then a power-on, then verification reads): read
 * from the database and the vault for each, they queue for the connection pool. So it is kept for {@link #TTL}
 * after it was read, and dropped at once when the registry changes the node (edit, import, delete, re-trust); a pin
 * is applied to it in place.
 * A credential profile edited elsewhere is seen within {@link #TTL}.
 *
 * @param node     the node
 * @param username the account's user name, if any
 * @param password the account's password, if any (never logged: {@link #toString} leaves it out)
 */
public record BmcAccess(Node node, Optional<String> username, Optional<String> password) {

    /** How long a read access is used for further calls. */
    public static final java.time.Duration TTL = java.time.Duration.ofSeconds(5);

    @Override
    public String toString() {
        return "BmcAccess[node=" + node.id() + ", username=" + username.orElse("-") + ", password=***]";
    }

    /** Accesses by node id, each kept {@link #TTL} from when it was read. */
    static final class Cache {
        private record Entry(BmcAccess access, long readAtNanos) {
        }

        private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
        /** Moves on every forget, so that a read that started before a change never caches what it read. */
        private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

        /** The node's access, read with {@code read} when there is none younger than {@link #TTL}. */
        Optional<BmcAccess> get(String nodeId, Function<String, Optional<BmcAccess>> read) {
            Entry e = entries.get(nodeId);
            long now = System.nanoTime();
            if (e != null && now - e.readAtNanos() < TTL.toNanos()) {
                return Optional.of(e.access());
            }
            long before = changes.get();
            Optional<BmcAccess> access = read.apply(nodeId);
            access.ifPresent(a -> entries.put(nodeId, new Entry(a, now)));
            if (access.isEmpty() || changes.get() != before) {
                entries.remove(nodeId); // a change (a pin, an edit) may have landed while this read was under way
            }
            return access;
        }

        /**
         * The node was just pinned to {@code sha256}: its kept access, if any, takes the pin and keeps its age (the
         * rest of it is as read); a read under way is not kept, since it may predate the pin.
         */
        void pinned(String nodeId, String sha256) {
            changes.incrementAndGet();
            entries.computeIfPresent(nodeId, (id, e) -> new Entry(new BmcAccess(e.access().node()
                    .withCertSha256(sha256), e.access().username(), e.access().password()), e.readAtNanos()));
        }

        void forget(String nodeId) {
            changes.incrementAndGet();
            entries.remove(nodeId);
        }

        void forgetAll() {
            changes.incrementAndGet();
            entries.clear();
        }
    }
}
