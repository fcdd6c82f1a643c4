package io.lightsout.appliance.bmc;

import java.util.Map;

/**
 * The result of {@link BmcCommand.GetInventory}: flat, driver-neutral facts (model, serial, BIOS version, MACs...)
 * keyed by dotted names such as {@code system.model} or {@code nic.1.mac}; drivers document their keys.
 */
public record Inventory(Map<String, String> facts) {

    public Inventory {
        facts = Map.copyOf(facts);
    }
}
