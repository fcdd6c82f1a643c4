package io.lightsout.appliance.credentials;

import java.time.Instant;

/**
 * A named set of credentials. The password lives in the vault ({@code secretId}) and never leaves the appliance.
 *
 * @param type {@code device} (BMC user/password), {@code windows} (share user/password/domain) or {@code proxy}
 *             (URL, optional user/password)
 */
public record CredentialProfile(String id, String name, String type, String username, String domain, String url,
                                String secretId, Instant createdAt, Instant updatedAt) {
    public boolean passwordSet() {
        return secretId != null;
    }
}
