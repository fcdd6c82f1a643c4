package io.lightsout.nfs.export;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current exports, replaceable at run time: requests in flight keep the view they started with, new requests
 * see the new table. An export whose directory is unchanged keeps its index, so handles stay valid across updates.
 */
public final class ExportTable {
    private final Clock clock;
    private volatile Map<String, ExportFs> byName = Map.of();
    private volatile Map<Integer, ExportFs> byId = Map.of();

    public ExportTable(Clock clock) {
        this.clock = clock;
    }

    /**
     * Replaces the exports.
     *
     * @throws IllegalArgumentException for a duplicate name, a missing directory or (very unlikely) two names
     *         with the same id; the previous table then stays in force
     */
    public synchronized void replace(Collection<Export> exports) {
        Map<String, ExportFs> names = new HashMap<>();
        Map<Integer, ExportFs> ids = new HashMap<>();
        for (Export e : exports) {
            ExportFs old = byName.get(e.name());
            ExportFs fs = old != null && old.sameDirectory(e) ? old.withClients(e.clients()) : new ExportFs(e, clock);
            if (names.put(e.name(), fs) != null) {
                throw new IllegalArgumentException("export " + e.name() + " is listed twice");
            }
            ExportFs clash = ids.put(fs.id(), fs);
            if (clash != null) {
                throw new IllegalArgumentException("exports " + e.name() + " and " + clash.export().name()
                        + " have the same id: rename one");
            }
        }
        byName = Map.copyOf(names);
        byId = Map.copyOf(ids);
    }

    public List<Export> exports() {
        return byName.values().stream().map(ExportFs::export)
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public Optional<ExportFs> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /**
     * The export a MOUNT path names: the longest export name that equals the path or is a parent of it, with
     * the rest of the path below it.
     */
    public Optional<MountTarget> forMountPath(String path) {
        ExportFs best = null;
        for (ExportFs fs : byName.values()) {
            String name = fs.export().name();
            if ((path.equals(name) || path.startsWith(name + "/"))
                    && (best == null || name.length() > best.export().name().length())) {
                best = fs;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new MountTarget(best, path.substring(best.export().name().length())));
    }

    /** Whether {@code client} may use export {@code fs} now. */
    public static boolean allows(ExportFs fs, InetAddress client) {
        return fs.export().clients().allows(client);
    }

    /** An export and the path below its root that a MOUNT asked for. */
    public record MountTarget(ExportFs fs, String subpath) {}
}
