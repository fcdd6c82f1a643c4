package io.lightsout.appliance.security;

import java.util.Locale;

/** What an account or token may do. */
public enum Role {
    /** Everything, including settings, accounts and credentials. */
    ADMIN,
    /** Help desk: view, power/boot/remediation actions and jobs; no settings, no credentials. */
    OPERATOR,
    /** View only. */
    READONLY;

    /** The lower-case name used in JSON and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code admin|operator|readonly}; throws {@link IllegalArgumentException} otherwise. */
    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown role '" + id + "' (admin, operator or readonly)");
    }
}
