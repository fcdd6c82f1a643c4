package io.lightsout.wsman.cli;

import io.lightsout.wsman.EndpointReference;
import io.lightsout.wsman.Namespaces;
import io.lightsout.wsman.Parameter;
import io.lightsout.wsman.SelectorSet;
import io.lightsout.wsman.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code name=value} arguments. A value {@code epr:CLASS_OR_URI?Key=Val&Key2=Val2} is a reference, as
 * InstallFromURI's {@code Target} or AMT's {@code ManagedElement} need.
 */
final class Values {

    private Values() {
    }

    static SelectorSet selectors(List<String> args) {
        Map<String, Value> m = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = split(a);
            m.put(kv[0], value(kv[1]));
        }
        return new SelectorSet(m);
    }

    /** Parameters in first-seen order; a repeated name is an array. */
    static List<Parameter> parameters(List<String> args) {
        Map<String, List<Value>> m = new LinkedHashMap<>();
        for (String a : args) {
            String[] kv = split(a);
            m.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(value(kv[1]));
        }
        List<Parameter> out = new ArrayList<>();
        m.forEach((k, v) -> out.add(new Parameter(k, v)));
        return out;
    }

    private static String[] split(String arg) {
        int eq = arg.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected name=value, got: " + arg);
        }
        return new String[] {arg.substring(0, eq), arg.substring(eq + 1)};
    }

    static Value value(String v) {
        if (!v.startsWith("epr:")) {
            return Value.text(v);
        }
        String spec = v.substring(4);
        int q = spec.indexOf('?');
        String uri = Namespaces.resourceUri(q < 0 ? spec : spec.substring(0, q));
        List<String> sel = new ArrayList<>();
        if (q >= 0) {
            for (String pair : spec.substring(q + 1).split("&")) {
                String[] kv = split(pair);
                sel.add(kv[0]);
                sel.add(kv[1]);
            }
        }
        return Value.ref(EndpointReference.of(uri, SelectorSet.of(sel.toArray(String[]::new))));
    }
}
