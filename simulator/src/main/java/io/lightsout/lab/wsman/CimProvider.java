package io.lightsout.lab.wsman;

import java.util.List;
import java.util.Map;

/**
 * The vendor-specific half of a simulated WS-Man service: which classes exist, their current instances, their
 * extrinsic methods and writable classes. {@link WsmanDispatcher} does the protocol half (Identify, Get,
 * Enumerate/Pull/Release, Put, Invoke routing, faults).
 */
public interface CimProvider {

    /**
     * Maps a request's ResourceURI to the class namespace the lab answers in, or null if the class is unknown.
     *
     * @param resourceUri the request's wsman:ResourceURI (never null)
     * @return the canonical class namespace (a resource URI), or null for an unknown class
     */
    String classNamespace(String resourceUri);

    /**
     * The current instances of a class, in a stable order; reading may settle time-based state first.
     *
     * @param classNs a namespace returned by {@link #classNamespace}
     * @return the instances (possibly empty, never null)
     */
    List<CimInstance> instances(String classNs);

    /**
     * Runs an extrinsic method.
     *
     * @param classNs   the class namespace
     * @param method    the method name (the last segment of the Action)
     * @param selectors the request's selectors
     * @param input     the {@code <Method>_INPUT} element, or null if the body was empty
     * @return the method's output properties, ReturnValue included
     * @throws WsmanFault for an unknown method ({@code wsa:ActionNotSupported}) or bad parameters
     */
    List<CimInstance.Property> invoke(String classNs, String method, Map<String, String> selectors,
                                      XmlElement input);

    /**
     * Replaces a writable instance (WS-Transfer Put).
     *
     * @param classNs   the class namespace
     * @param selectors the request's selectors
     * @param body      the instance element sent
     * @return the instance as stored
     * @throws WsmanFault if the class is not writable or the representation is invalid
     */
    CimInstance put(String classNs, Map<String, String> selectors, XmlElement body);

    /** Vendor and version for IdentifyResponse. */
    String[] identity();
}
