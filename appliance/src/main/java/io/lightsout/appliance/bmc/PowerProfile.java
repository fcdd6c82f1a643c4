package io.lightsout.appliance.bmc;

import java.util.Set;

/**
 * One vendor's power and boot operations over its protocol: the seam where the WS-Man profiles (Dell DCIM for
 * iDRAC, CIM/AMT/IPS for Intel AMT and DASH) plug in as drivers through {@link ProfileDriver}. A profile is the
 * "mapper + transport" half of a driver; the driver half (command dispatch, support checks) is shared.
 * <p>
 * Contract: every method makes at most the protocol calls it needs, each with the transport's own timeout;
 * {@link #readPower} maps the device's value with a pure mapper and returns {@link PowerState#UNKNOWN} for a value
 * it cannot map (with the raw value in the detail) and {@link PowerState#AUTH_FAILED} for rejected credentials;
 * the others throw {@link BmcException} with the protocol's code (WS-Man fault subcode, vendor message id) in
 * {@link BmcException#protocolCode()}. Implementations are thread-safe and never put credentials in messages.
 */
public interface PowerProfile {

    /** The power actions the device accepts (AMT without OS cooperation has no graceful shutdown, for example). */
    Set<PowerAction> powerActions();

    /** The one-time boot targets the device accepts. */
    Set<BootDevice> bootDevices();

    /** Whether {@link #inventory} is implemented. */
    boolean hasInventory();

    /** Reads the current power state. */
    PowerReading readPower(BmcTarget target) throws BmcException, InterruptedException;

    /** Requests a power change; returns when the device accepted it (it may complete later). */
    Accepted changePower(BmcTarget target, PowerAction action) throws BmcException, InterruptedException;

    /** Sets a boot override for the next boot only. */
    Accepted setBootOnce(BmcTarget target, BootDevice device) throws BmcException, InterruptedException;

    /** Reads hardware and firmware facts. */
    Inventory inventory(BmcTarget target) throws BmcException, InterruptedException;
}
