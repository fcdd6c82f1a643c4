package io.lightsout.lab.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Installed firmware of one BMC's host, by FQDD (iDRAC) or instance id (AMT); versions change on update. */
public final class Firmware {

    /** One installed component. */
    public record Component(String fqdd, String componentId, String name, String type, String version) {
        public Component withVersion(String v) {
            return new Component(fqdd, componentId, name, type, v);
        }
    }

    private final Map<String, Component> byFqdd = new LinkedHashMap<>();

    public synchronized void add(Component c) {
        byFqdd.put(c.fqdd(), c);
    }

    public synchronized List<Component> all() {
        return new ArrayList<>(byFqdd.values());
    }

    public synchronized Component get(String fqdd) {
        return byFqdd.get(fqdd);
    }

    /** Sets a component's version; false if there is no such component. */
    public synchronized boolean setVersion(String fqdd, String version) {
        Component c = byFqdd.get(fqdd);
        if (c == null) {
            return false;
        }
        byFqdd.put(fqdd, c.withVersion(version));
        return true;
    }
}
