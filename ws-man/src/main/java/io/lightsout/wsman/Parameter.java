package io.lightsout.wsman;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One input parameter of an extrinsic method. Several values make an array (the element is repeated on the wire).
 *
 * @param name the parameter name, as the method's MOF spells it
 * @param values one value for a scalar, several for an array
 */
public record Parameter(String name, List<Value> values) {

    public Parameter {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
    }

    /** A scalar or array of text values. */
    public static Parameter text(String name, String... values) {
        return new Parameter(name, Arrays.stream(values).map(Value::text).toList());
    }

    /** A reference parameter. */
    public static Parameter ref(String name, EndpointReference reference) {
        return new Parameter(name, List.of(Value.ref(reference)));
    }
}
