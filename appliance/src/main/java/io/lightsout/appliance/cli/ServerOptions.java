package io.lightsout.appliance.cli;

import io.lightsout.appliance.config.ApplianceConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options of commands that run on the appliance itself: the data directory and the configuration. */
public final class ServerOptions {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory (database, keystore, logs).")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (properties; docs/configuration.md).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Set one configuration key (repeatable).")
    List<String> sets = new ArrayList<>();

    /** Binds the configuration, with {@code defaults} applied below the file and {@code --set}. */
    ApplianceConfig load(Map<String, String> defaults) {
        Map<String, String> all = new java.util.LinkedHashMap<>(defaults);
        all.putAll(ApplianceConfig.parseOverrides(sets));
        return ApplianceConfig.load(data, config, all);
    }
}
