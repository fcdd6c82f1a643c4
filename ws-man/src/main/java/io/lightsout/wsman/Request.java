package io.lightsout.wsman;

import java.util.Objects;

/**
 * One WS-Man request before addressing: what {@link Envelopes} turns into an envelope and a session sends.
 *
 * @param action the {@code wsa:Action} URI, or {@code null} for Identify (which has no addressing headers)
 * @param resourceUri the {@code wsman:ResourceURI}, or {@code null} for Identify
 * @param selectors the {@code wsman:SelectorSet}
 * @param body the inner XML of {@code s:Body}, already escaped
 * @param idempotent whether repeating it after a transient failure is harmless
 */
public record Request(String action, String resourceUri, SelectorSet selectors, String body, boolean idempotent) {

    public Request {
        Objects.requireNonNull(selectors, "selectors");
        Objects.requireNonNull(body, "body");
    }

    /** A short name for logs and errors: the action's last segment. */
    public String operation() {
        return action == null ? "Identify" : action.substring(action.lastIndexOf('/') + 1);
    }
}
