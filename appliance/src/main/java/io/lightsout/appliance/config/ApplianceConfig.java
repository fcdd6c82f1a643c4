package io.lightsout.appliance.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The bound configuration: every {@link Keys key} parsed once at start from defaults, an optional properties file
 * and {@code --set key=value} overrides (in that order of precedence, last wins). Immutable.
 */
public final class ApplianceConfig {
    private final Path dataDir;
    private final Map<Key<?>, Object> values;

    private ApplianceConfig(Path dataDir, Map<Key<?>, Object> values) {
        this.dataDir = dataDir;
        this.values = Map.copyOf(values);
    }

    /**
     * Binds the configuration.
     *
     * @param dataDir   the data directory (some defaults live inside it)
     * @param file      a properties file, or null
     * @param overrides {@code key -> text} from the command line
     * @throws ConfigException naming the key when a key is unknown or a value is bad
     */
    public static ApplianceConfig load(Path dataDir, Path file, Map<String, String> overrides) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (file != null) {
            raw.putAll(readFile(file));
        }
        raw.putAll(overrides);
        Map<String, Key<?>> byName = Keys.ALL.stream().collect(Collectors.toMap(Key::name, k -> k));
        Map<Key<?>, Object> values = new HashMap<>();
        for (Key<?> key : Keys.ALL) {
            values.put(key, key.defaults().apply(dataDir));
        }
        raw.forEach((name, text) -> {
            Key<?> key = byName.get(name);
            if (key == null) {
                throw new ConfigException("Unknown configuration key '" + name + "' (see docs/configuration.md)");
            }
            try {
                values.put(key, key.parser().apply(text));
            } catch (IllegalArgumentException e) {
                String shown = key.secret() ? "(secret)" : "'" + text + "'";
                throw new ConfigException("Configuration key '" + name + "': value " + shown + " " + e.getMessage());
            }
        });
        if ((Integer) values.get(Keys.BMC_LIMIT_PER_SITE) > (Integer) values.get(Keys.BMC_LIMIT_GLOBAL)) {
            throw new ConfigException("Configuration key 'bmc.limit.per-site': value " + values.get(
                    Keys.BMC_LIMIT_PER_SITE) + " must not exceed bmc.limit.global (" + values.get(Keys.BMC_LIMIT_GLOBAL)
                    + ")");
        }
        return new ApplianceConfig(dataDir.toAbsolutePath(), values);
    }

    /** Parses {@code key=value} strings as given to {@code --set}. */
    public static Map<String, String> parseOverrides(Iterable<String> sets) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set expects key=value, got '" + s + "'");
            }
            out.put(s.substring(0, eq).strip(), s.substring(eq + 1));
        }
        return out;
    }

    private static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        p.stringPropertyNames().stream().sorted().forEach(n -> out.put(n, p.getProperty(n)));
        return out;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        return (T) values.get(key);
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Every key with its value as text, secrets replaced by {@code <redacted>} (for the support bundle). */
    public Map<String, String> redacted() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Key<?> key : Keys.ALL) {
            Object v = values.get(key);
            out.put(key.name(), key.secret() ? "<redacted>" : redactUrl(String.valueOf(v)));
        }
        return out;
    }

    /** JDBC URLs may carry a password parameter; it never leaves the appliance. */
    private static String redactUrl(String v) {
        return v.replaceAll("(?i)(password=)[^&;]*", "$1<redacted>");
    }
}
