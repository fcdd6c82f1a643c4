package io.lightsout.wsman.auth;

import java.util.Objects;

/**
 * A BMC account. {@link #toString()} never shows the password.
 *
 * @param username the account name
 * @param password the password
 */
public record Credentials(String username, String password) {

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
