package io.lightsout.wsman;

import java.util.Objects;

/**
 * A WS-Addressing endpoint reference to a CIM instance: how WS-Man passes REF parameters and returns jobs.
 *
 * @param address the {@code wsa:Address}; {@link Namespaces#ANONYMOUS} unless a device wants otherwise
 * @param resourceUri the instance's class resource URI
 * @param selectors the instance's keys
 */
public record EndpointReference(String address, String resourceUri, SelectorSet selectors) {

    public EndpointReference {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(resourceUri, "resourceUri");
        Objects.requireNonNull(selectors, "selectors");
    }

    /** A reference with the anonymous address. */
    public static EndpointReference of(String resourceUri, SelectorSet selectors) {
        return new EndpointReference(Namespaces.ANONYMOUS, resourceUri, selectors);
    }
}
