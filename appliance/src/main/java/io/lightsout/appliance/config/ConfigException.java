package io.lightsout.appliance.config;

/** A configuration value that cannot be used; the message names the key and says what is wrong. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
