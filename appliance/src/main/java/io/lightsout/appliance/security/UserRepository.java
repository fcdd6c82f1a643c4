package io.lightsout.appliance.security;

import io.lightsout.appliance.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts in the {@code users} table. */
public final class UserRepository {
    private static final String COLUMNS = "username, role, password_hash, failed_logins, locked_until, last_login_at";
    private final Sql sql;

    public UserRepository(Sql sql) {
        this.sql = sql;
    }

    public Optional<User> find(String username) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM users WHERE username = ?", UserRepository::map, username);
    }

    public List<User> all() {
        return sql.query("SELECT " + COLUMNS + " FROM users ORDER BY username", UserRepository::map);
    }

    public void create(Sql in, String username, Role role, String hash, Instant now) {
        in.update("INSERT INTO users (username, role, password_hash, created_at) VALUES (?, ?, ?, ?)", username,
                role.id(), hash, now.toEpochMilli());
    }

    public void setPassword(Sql in, String username, String hash) {
        in.update("UPDATE users SET password_hash = ?, failed_logins = 0, locked_until = 0 WHERE username = ?", hash,
                username);
    }

    public void recordFailure(String username, int failures, Instant lockedUntil) {
        sql.update("UPDATE users SET failed_logins = ?, locked_until = ? WHERE username = ?", failures,
                lockedUntil.toEpochMilli(), username);
    }

    public void recordLogin(String username, Instant now) {
        sql.update("UPDATE users SET failed_logins = 0, locked_until = 0, last_login_at = ? WHERE username = ?",
                now.toEpochMilli(), username);
    }

    public boolean delete(String username) {
        return sql.update("DELETE FROM users WHERE username = ?", username) == 1;
    }

    /** True while either built-in account has no password. */
    public boolean setupRequired() {
        return sql.queryLong("SELECT COUNT(*) FROM users WHERE username IN ('admin', 'readonly')"
                + " AND password_hash IS NOT NULL") < 2;
    }

    private static User map(ResultSet rs) throws SQLException {
        long last = rs.getLong(6);
        Instant lastLogin = rs.wasNull() ? null : Instant.ofEpochMilli(last);
        return new User(rs.getString(1), Role.of(rs.getString(2)), rs.getString(3), rs.getInt(4),
                Instant.ofEpochMilli(rs.getLong(5)), lastLogin);
    }
}
