package io.lightsout.appliance.security;

import io.lightsout.appliance.error.ApplianceException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Live portal sessions: each login its own, ended by logout or idle timeout, at most {@code max} at once. */
public final class SessionStore {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration idleTimeout;
    private final int max;

    public SessionStore(Clock clock, Duration idleTimeout, int max) {
        if (max < 1 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("session.max must be positive and session.idle-timeout > 0");
        }
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.max = max;
    }

    /** Opens a session, or refuses with 503 when {@code max} live sessions exist. */
    public synchronized Session open(String username, Role role) {
        purgeExpired();
        if (sessions.size() >= max) {
            throw new ApplianceException.Unavailable("Too many sessions (" + max + "); try again later");
        }
        Instant now = clock.instant();
        Session s = new Session(randomToken(), username, role, randomToken(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle time reset; empty when unknown or expired. */
    public Optional<Session> touch(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session s = sessions.computeIfPresent(id, (k, v) -> expired(v, now) ? null : v.touched(now));
        return Optional.ofNullable(s);
    }

    public void close(String id) {
        sessions.remove(id);
    }

    /** Ends every session of an account except {@code keep} (after a password change or deletion). */
    public void closeAllOf(String username, String keep) {
        sessions.values().removeIf(s -> s.username().equals(username) && !s.id().equals(keep));
    }

    public synchronized int count() {
        purgeExpired();
        return sessions.size();
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    private boolean expired(Session s, Instant now) {
        return !s.lastSeenAt().plus(idleTimeout).isAfter(now);
    }

    private String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
