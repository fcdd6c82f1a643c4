package io.lightsout.appliance.security;

import java.time.Instant;

/** An account as stored; {@code passwordHash} is null until the password is first set. */
public record User(String username, Role role, String passwordHash, int failedLogins, Instant lockedUntil,
                   Instant lastLoginAt) {
}
