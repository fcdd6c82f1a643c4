package io.lightsout.wsman;

import java.util.Objects;

/** A selector value or a method parameter value: text, or a reference to another instance (an EPR). */
public sealed interface Value permits Value.Text, Value.Ref {

    /** A scalar value, sent as element text. */
    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A reference (CIM REF) value, sent as {@code wsa:Address} + {@code wsa:ReferenceParameters}. */
    record Ref(EndpointReference reference) implements Value {
        public Ref {
            Objects.requireNonNull(reference, "reference");
        }
    }

    static Value text(String value) {
        return new Text(value);
    }

    static Value ref(EndpointReference reference) {
        return new Ref(reference);
    }
}
