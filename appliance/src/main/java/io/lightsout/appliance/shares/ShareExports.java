package io.lightsout.appliance.shares;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.error.ApplianceException.FieldError;
import io.lightsout.appliance.store.Jdbc;
import io.lightsout.appliance.store.StoreException;
import io.lightsout.nfs.export.ClientAcl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The share's exports as the admin manages them: validated, stored, audited, and handed to the running share after
 * every change (so a change needs no restart). Directories are always inside {@code DATA/repository}.
 */
public final class ShareExports {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    private static final int MAX_CLIENTS = 256;
    private static final String COLUMNS = "name, directory, clients, created_at, updated_at";

    private final Jdbc jdbc;
    private final Path repository;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Consumer<List<ShareExport>> onChange = exports -> { };

    public ShareExports(Jdbc jdbc, Path repository, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** What an admin sends; a null directory means "the same as the name", null clients on update keep them. */
    public record Input(String name, String directory, List<String> clients) {
    }

    /** Called with the full list after every change (and once by {@link #applyAll()}). */
    public void onChange(Consumer<List<ShareExport>> listener) {
        this.onChange = listener;
    }

    /** Creates the directories of every stored export (first boot: repository/firmware and repository/iso). */
    public void createDirectories() {
        for (ShareExport e : list()) {
            directory(e.directory());
        }
    }

    public List<ShareExport> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM share_exports ORDER BY name", ShareExports::map);
    }

    public ShareExport get(String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM share_exports WHERE name = ?", ShareExports::map, name)
                .orElseThrow(() -> new ApplianceException.NotFound("No export named '" + name + "'"));
    }

    /** The directory an export serves, created if missing. */
    public Path directory(String relative) {
        Path dir = repository.resolve(relative).normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the export directory " + dir, e);
        }
        return dir;
    }

    public synchronized ShareExport create(Input in, String by, String source) {
        List<FieldError> errors = new ArrayList<>();
        if (in.name() == null || !NAME.matcher(in.name()).matches()) {
            errors.add(new FieldError("name", "1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a "
                    + "letter or digit (clients mount /NAME)."));
        }
        String dir = in.directory() == null || in.directory().isBlank() ? in.name() : in.directory().strip();
        List<String> clients = in.clients() == null ? List.of() : in.clients();
        validate(dir, clients, errors);
        long now = clock.millis();
        try {
            jdbc.transaction(tx -> {
                tx.update("INSERT INTO share_exports (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)", in.name(), dir,
                        String.join("\n", clean(clients)), now, now);
                audit.record(tx, by, "share.create", "/" + in.name(), "success", summary(dir, clients), source);
                return null;
            });
        } catch (StoreException e) {
            if (e.isDuplicate()) {
                throw new ApplianceException.Conflict("An export named '" + in.name() + "' exists already");
            }
            throw e;
        }
        directory(dir);
        applyAll();
        return get(in.name());
    }

    public synchronized ShareExport update(String name, Input in, String by, String source) {
        ShareExport old = get(name);
        List<FieldError> errors = new ArrayList<>();
        if (in.name() != null && !in.name().equals(name)) {
            errors.add(new FieldError("name", "An export cannot be renamed: create a new one and delete this one."));
        }
        String dir = in.directory() == null || in.directory().isBlank() ? old.directory() : in.directory().strip();
        List<String> clients = in.clients() == null ? old.clients() : in.clients();
        validate(dir, clients, errors);
        jdbc.transaction(tx -> {
            tx.update("UPDATE share_exports SET directory = ?, clients = ?, updated_at = ? WHERE name = ?", dir,
                    String.join("\n", clean(clients)), clock.millis(), name);
            audit.record(tx, by, "share.update", old.path(), "success", summary(dir, clients), source);
            return null;
        });
        directory(dir);
        applyAll();
        return get(name);
    }

    /** Removes an export; its files stay in the repository. */
    public synchronized void delete(String name, String by, String source) {
        ShareExport old = get(name);
        jdbc.transaction(tx -> {
            tx.update("DELETE FROM share_exports WHERE name = ?", name);
            audit.record(tx, by, "share.delete", old.path(), "success", null, source);
            return null;
        });
        applyAll();
    }

    /** Hands the stored list to the share. */
    public synchronized void applyAll() {
        onChange.accept(list());
    }

    private static void validate(String dir, List<String> clients, List<FieldError> errors) {
        if (dir == null || dir.length() > 255 || dir.startsWith("/")
                || !Arrays.stream(dir.split("/", -1)).allMatch(s -> SEGMENT.matcher(s).matches())) {
            errors.add(new FieldError("directory", "A path inside the repository such as iso or vendor/dell: "
                    + "letters, digits, '.', '_' and '-', separated by '/', no '..'."));
        }
        if (clients.size() > MAX_CLIENTS) {
            errors.add(new FieldError("clients", "At most " + MAX_CLIENTS + " entries."));
        }
        for (int i = 0; i < clients.size() && i < MAX_CLIENTS; i++) {
            String c = clients.get(i) == null ? "" : clients.get(i).strip();
            String problem = clientProblem(c);
            if (problem != null) {
                errors.add(new FieldError("clients[" + i + "]", problem));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApplianceException.BadRequest("The export is not valid", errors);
        }
    }

    private static String clientProblem(String c) {
        if (c.isEmpty() || c.length() > 253 || c.contains(",") || c.chars().anyMatch(Character::isWhitespace)) {
            return "'" + shorten(c) + "': one CIDR (10.20.0.0/16), address or host name per entry.";
        }
        try {
            ClientAcl.parse(c);
            return null;
        } catch (IllegalArgumentException e) {
            return "'" + c + "' is not a CIDR, an IP address or a host name this appliance can resolve.";
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static List<String> clean(List<String> clients) {
        return clients.stream().map(String::strip).distinct().toList();
    }

    private static String summary(String dir, List<String> clients) {
        String list = String.join(", ", clean(clients));
        return "directory " + dir + "; clients " + (list.isEmpty() ? "none" : list);
    }

    private static ShareExport map(ResultSet rs) throws SQLException {
        String clients = rs.getString(3);
        return new ShareExport(rs.getString(1), rs.getString(2),
                clients.isEmpty() ? List.of() : List.of(clients.split("\n")), Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}
