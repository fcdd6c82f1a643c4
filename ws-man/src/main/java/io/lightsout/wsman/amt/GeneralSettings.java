package io.lightsout.wsman.amt;

/**
 * AMT_GeneralSettings.
 *
 * @param hostName the host name AMT knows
 * @param domainName the domain
 * @param digestRealm the Digest realm ({@code Digest:<32 hex>})
 * @param networkEnabled AMTNetworkEnabled = 1
 * @param pingResponseEnabled PingResponseEnabled
 * @param powerSource 0 AC, 1 DC
 * @param privacyLevel 0 default, 1 enhanced, 2 extreme
 */
public record GeneralSettings(String hostName, String domainName, String digestRealm, boolean networkEnabled,
                              boolean pingResponseEnabled, int powerSource, int privacyLevel) {
}
