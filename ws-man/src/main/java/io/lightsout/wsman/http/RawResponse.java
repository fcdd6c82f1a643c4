package io.lightsout.wsman.http;

import java.util.List;

/**
 * An HTTP response as the session needs it.
 *
 * @param status the HTTP status
 * @param wwwAuthenticate the {@code WWW-Authenticate} header values
 * @param body the body bytes (at most the configured limit)
 */
public record RawResponse(int status, List<String> wwwAuthenticate, byte[] body) {
}
