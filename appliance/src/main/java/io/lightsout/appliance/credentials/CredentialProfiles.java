package io.lightsout.appliance.credentials;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.error.ApplianceException.FieldError;
import io.lightsout.appliance.security.vault.Vault;
import io.lightsout.appliance.store.Jdbc;
import io.lightsout.appliance.store.StoreException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Credential profiles: validated, stored with the password in the vault, audited without secrets. */
public final class CredentialProfiles {
    public static final Set<String> TYPES = Set.of("device", "windows", "proxy");
    private static final String COLUMNS = "id, name, type, username, domain, url, secret_id, created_at, updated_at";
    private final Jdbc jdbc;
    private final Vault vault;
    private final AuditLog audit;
    private final Clock clock;

    public CredentialProfiles(Jdbc jdbc, Vault vault, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a caller sends to create or change a profile; a null password on change keeps the stored one. */
    public record Input(String name, String type, String username, String password, String domain, String url) {
    }

    public List<CredentialProfile> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM credential_profiles ORDER BY name", CredentialProfiles::map);
    }

    public CredentialProfile get(String id) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM credential_profiles WHERE id = ?", CredentialProfiles::map,
                id).orElseThrow(() -> new ApplianceException.NotFound("No credential profile " + id));
    }

    /** The stored password, for appliance code that logs in somewhere (never for the API). */
    public Optional<char[]> password(String id) {
        String secret = get(id).secretId();
        if (secret == null) {
            return Optional.empty();
        }
        return vault.get(secret).map(b -> StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(b)).array());
    }

    public CredentialProfile create(Input in, String by, String source) {
        validate(in, true);
        String id = UUID.randomUUID().toString();
        long now = clock.millis();
        unique(() -> vault.transaction(tx -> {
            String secret = in.password() == null ? null : vault.put(tx, in.password().getBytes(StandardCharsets.UTF_8));
            tx.update("INSERT INTO credential_profiles (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", id,
                    in.name().strip(), in.type(), blank(in.username()), blank(in.domain()), blank(in.url()), secret,
                    now, now);
            audit.record(tx, by, "credential-profile.create", in.name().strip(), "success", "type " + in.type(),
                    source);
            return null;
        }), in.name());
        return get(id);
    }

    public CredentialProfile update(String id, Input in, String by, String source) {
        CredentialProfile old = get(id);
        if (in.type() != null && !in.type().equals(old.type())) {
            throw ApplianceException.BadRequest.field("type", "The type of a profile cannot change.");
        }
        Input merged = new Input(in.name(), old.type(), in.username(), in.password(), in.domain(), in.url());
        validate(merged, old.secretId() != null || in.password() != null);
        unique(() -> vault.transaction(tx -> {
            String secret = old.secretId();
            if (in.password() != null && secret != null) {
                vault.replace(tx, secret, in.password().getBytes(StandardCharsets.UTF_8));
            } else if (in.password() != null) {
                secret = vault.put(tx, in.password().getBytes(StandardCharsets.UTF_8));
            }
            tx.update("UPDATE credential_profiles SET name = ?, username = ?, domain = ?, url = ?, secret_id = ?, "
                    + "updated_at = ? WHERE id = ?", merged.name().strip(), blank(merged.username()),
                    blank(merged.domain()), blank(merged.url()), secret, clock.millis(), id);
            audit.record(tx, by, "credential-profile.update", merged.name().strip(), "success",
                    in.password() != null ? "password changed" : null, source);
            return null;
        }), in.name());
        return get(id);
    }

    public void delete(String id, String by, String source) {
        CredentialProfile old = get(id);
        vault.transaction(tx -> {
            tx.update("DELETE FROM credential_profiles WHERE id = ?", id);
            if (old.secretId() != null) {
                vault.delete(tx, old.secretId());
            }
            audit.record(tx, by, "credential-profile.delete", old.name(), "success", null, source);
            return null;
        });
    }

    private static void unique(Runnable r, String name) {
        try {
            r.run();
        } catch (StoreException e) {
            if (e.isDuplicate()) {
                throw new ApplianceException.Conflict("A credential profile named '" + name + "' exists already");
            }
            throw e;
        }
    }

    private static void validate(Input in, boolean hasPassword) {
        List<FieldError> errors = new ArrayList<>();
        if (in.name() == null || in.name().isBlank() || in.name().length() > 128) {
            errors.add(new FieldError("name", "A name of 1 to 128 characters is required."));
        }
        if (in.type() == null || !TYPES.contains(in.type())) {
            errors.add(new FieldError("type", "One of device, windows or proxy."));
        } else {
            boolean proxy = "proxy".equals(in.type());
            if (!proxy && (in.username() == null || in.username().isBlank())) {
                errors.add(new FieldError("username", "A user name is required."));
            }
            if (!proxy && !hasPassword) {
                errors.add(new FieldError("password", "A password is required."));
            }
            if (proxy && !validProxyUrl(in.url())) {
                errors.add(new FieldError("url", "A proxy URL such as http://proxy.example.com:3128 is required."));
            }
            if (!proxy && in.url() != null && !in.url().isBlank()) {
                errors.add(new FieldError("url", "Only proxy profiles have a URL."));
            }
            if (!"windows".equals(in.type()) && in.domain() != null && !in.domain().isBlank()) {
                errors.add(new FieldError("domain", "Only windows profiles have a domain."));
            }
        }
        if (in.password() != null && (in.password().isEmpty() || in.password().length() > 1024)) {
            errors.add(new FieldError("password", "1 to 1024 characters."));
        }
        if (!errors.isEmpty()) {
            throw new ApplianceException.BadRequest("The credential profile is not valid", errors);
        }
    }

    private static boolean validProxyUrl(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI u = new URI(url.strip());
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null
                    && u.getUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static CredentialProfile map(ResultSet rs) throws SQLException {
        return new CredentialProfile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)),
                Instant.ofEpochMilli(rs.getLong(9)));
    }
}
