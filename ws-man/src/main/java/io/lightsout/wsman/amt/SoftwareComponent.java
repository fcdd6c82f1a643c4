package io.lightsout.wsman.amt;

/**
 * CIM_SoftwareIdentity on AMT: firmware components such as {@code AMT}, {@code Flash}, {@code Sku}.
 *
 * @param instanceId the component name
 * @param version VersionString
 */
public record SoftwareComponent(String instanceId, String version) {
}
