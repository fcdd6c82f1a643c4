package io.lightsout.appliance.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * One typed configuration key: its name, how a text value is parsed and checked, its default and its documentation.
 *
 * @param name      the key as written in the configuration file and in {@code --set name=value}
 * @param parser    turns the text into a value; throws {@link IllegalArgumentException} with a readable reason
 * @param defaults  the default, computed from the data directory (some defaults live inside it)
 * @param doc       one sentence for docs/configuration.md
 * @param secret    true when the value must never be shown (support bundle, logs)
 * @param <T>       the value type
 */
public record Key<T>(String name, Function<String, T> parser, Function<Path, T> defaults, String doc, boolean secret) {
    public Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(doc, "doc");
    }
}
