package io.lightsout.appliance.security;

import java.time.Instant;

/**
 * A portal session held in memory (sessions end with the process).
 *
 * @param id         the cookie value (256 random bits)
 * @param username   the account
 * @param role       its role at login
 * @param csrfToken  sent back by the portal in {@code X-CSRF-Token} on every mutating request
 * @param createdAt  login time
 * @param lastSeenAt last request (idle timeout counts from here)
 */
public record Session(String id, String username, Role role, String csrfToken, Instant createdAt,
                      Instant lastSeenAt) {
    Session touched(Instant now) {
        return new Session(id, username, role, csrfToken, createdAt, now);
    }

    public Caller caller() {
        return new Caller(username, role, id, csrfToken);
    }
}
