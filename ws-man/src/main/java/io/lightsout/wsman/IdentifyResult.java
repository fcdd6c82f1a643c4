package io.lightsout.wsman;

import java.util.List;

/**
 * The {@code wsmid:IdentifyResponse}.
 *
 * @param protocolVersion {@code ProtocolVersion}
 * @param productVendor {@code ProductVendor}
 * @param productVersion {@code ProductVersion}
 * @param securityProfiles DASH {@code SecurityProfiles/SecurityProfileName} values, empty if none
 */
public record IdentifyResult(String protocolVersion, String productVendor, String productVersion,
                             List<String> securityProfiles) {

    public IdentifyResult {
        securityProfiles = List.copyOf(securityProfiles);
    }
}
