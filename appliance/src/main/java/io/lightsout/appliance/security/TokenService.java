package io.lightsout.appliance.security;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.error.ApplianceException;
import io.lightsout.appliance.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * API tokens for scripts and the CLI ({@code Authorization: Bearer lo_...}). A token is 256 random bits; only its
 * SHA-256 is stored (a slow hash adds nothing for a random 256-bit value and would slow every request).
 */
public final class TokenService {
    private static final String PREFIX = "lo_";
    private final Jdbc jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public TokenService(Jdbc jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new token and the one time its secret value is visible. */
    public record Created(String id, String name, Role role, String token) {
    }

    public Created create(String by, String name, String roleId, String source) {
        if (name == null || name.isBlank() || name.length() > 128) {
            throw ApplianceException.BadRequest.field("name", "A name of 1 to 128 characters is required.");
        }
        Role role;
        try {
            role = Role.of(roleId);
        } catch (IllegalArgumentException e) {
            throw ApplianceException.BadRequest.field("role", e.getMessage());
        }
        byte[] b = new byte[32];
        random.nextBytes(b);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        String id = UUID.randomUUID().toString();
        jdbc.transaction(tx -> {
            tx.update("INSERT INTO api_tokens (id, name, role, token_hash, created_by, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)", id, name.strip(), role.id(), hash(token), by, clock.millis());
            audit.record(tx, by, "token.create", name.strip(), "success", "role " + role.id() + ", id " + id, source);
            return null;
        });
        return new Created(id, name.strip(), role, token);
    }

    public List<ApiToken> list() {
        return jdbc.query("SELECT id, name, role, created_at, last_used_at FROM api_tokens ORDER BY created_at",
                rs -> {
                    long used = rs.getLong(5);
                    Instant lastUsed = rs.wasNull() ? null : Instant.ofEpochMilli(used); // right after column 5
                    return new ApiToken(rs.getString(1), rs.getString(2), Role.of(rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4)), lastUsed);
                });
    }

    public void revoke(String by, String id, String source) {
        if (jdbc.update("DELETE FROM api_tokens WHERE id = ?", id) != 1) {
            throw new ApplianceException.NotFound("No token " + id);
        }
        audit.success(by, "token.revoke", id, null, source);
    }

    /** The caller a bearer token stands for; empty when it is unknown or revoked. */
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String h = hash(token);
        Optional<Caller> caller = jdbc.queryOne("SELECT name, role FROM api_tokens WHERE token_hash = ?",
                rs -> new Caller("token:" + rs.getString(1), Role.of(rs.getString(2)), null, null), h);
        // last use is kept to the minute: one write per token per minute, not one per request
        long now = clock.millis();
        caller.ifPresent(c -> jdbc.update("UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? AND "
                + "(last_used_at IS NULL OR last_used_at < ?)", now, h, now - 60_000));
        return caller;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
