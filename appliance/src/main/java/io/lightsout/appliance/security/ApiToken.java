package io.lightsout.appliance.security;

import java.time.Instant;

/** An API token as listed (the token itself is shown once, at creation, and stored only as a hash). */
public record ApiToken(String id, String name, Role role, Instant createdAt, Instant lastUsedAt) {
}
