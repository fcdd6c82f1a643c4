package io.lightsout.appliance.security;

/**
 * Who is calling: a portal session or an API token.
 *
 * @param username  the account name, or {@code token:NAME} for an API token
 * @param role      what the caller may do
 * @param sessionId the portal session id, or null for an API token
 * @param csrfToken the session's CSRF token, or null for an API token
 */
public record Caller(String username, Role role, String sessionId, String csrfToken) {
    public boolean isSession() {
        return sessionId != null;
    }
}
