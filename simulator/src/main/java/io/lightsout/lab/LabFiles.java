package io.lightsout.lab;

import io.lightsout.lab.model.Firmware;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The lab's files: the inventory (JSON or node-import CSV) and the state file (a properties file). */
final class LabFiles {
    private LabFiles() {
    }

    static void writeInventory(List<SimulatedBmc> bmcs, Path file) throws IOException {
        String text = file.getFileName().toString().endsWith(".csv") ? csv(bmcs) : json(bmcs) + "\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String json(List<SimulatedBmc> bmcs) {
        StringBuilder b = new StringBuilder(bmcs.size() * 180 + 4).append('[');
        for (int i = 0; i < bmcs.size(); i++) {
            SimulatedBmc m = bmcs.get(i);
            b.append(i == 0 ? "\n" : ",\n").append("  {\"address\": ").append(q(m.address()))
                    .append(", \"port\": ").append(m.port())
                    .append(", \"type\": ").append(q(m.type().name()))
                    .append(", \"username\": ").append(q(m.username()))
                    .append(", \"password\": ").append(q(m.password()))
                    .append(", \"mac\": ").append(q(m.mac()))
                    .append(", \"serviceTag\": ").append(q(m.serviceTag()))
                    .append(", \"scheme\": ").append(q(m.tls() ? "https" : "http")).append('}');
        }
        return b.append(bmcs.isEmpty() ? "]" : "\n]").toString();
    }

    /**
     * Node-import CSV (the appliance's node CSV columns): a header line, then one line per BMC. No field needs
     * quoting: addresses, generated passwords, MACs and tags have no comma or quote.
     */
    static String csv(List<SimulatedBmc> bmcs) {
        StringBuilder b = new StringBuilder("address,port,type,username,password,mac,serviceTag,scheme\n");
        for (SimulatedBmc m : bmcs) {
            b.append(m.address()).append(',').append(m.port()).append(',').append(m.type()).append(',')
                    .append(m.username()).append(',').append(m.password()).append(',').append(m.mac()).append(',')
                    .append(m.serviceTag()).append(',').append(m.tls() ? "https" : "http").append('\n');
        }
        return b.toString();
    }

    private static String q(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Reads the state file; a missing file is an empty state. Keys: {@code <address>.power}, {@code .fw.<id>}. */
    static Map<String, Map<String, String>> loadState(Path file) {
        Map<String, Map<String, String>> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lab state " + file, e);
        }
        for (String key : p.stringPropertyNames()) {
            int dot = nthDot(key, 4);
            if (dot < 0) {
                continue;
            }
            out.computeIfAbsent(key.substring(0, dot), k -> new HashMap<>())
                    .put(key.substring(dot + 1), p.getProperty(key));
        }
        return out;
    }

    private static int nthDot(String s, int n) {
        int i = -1;
        for (int k = 0; k < n; k++) {
            i = s.indexOf('.', i + 1);
            if (i < 0) {
                return -1;
            }
        }
        return i;
    }

    static void applyState(SimulatedBmc bmc, Map<String, String> state) {
        if (state == null) {
            return;
        }
        String power = state.get("power");
        if (power != null) {
            bmc.setPowerState(PowerState.valueOf(power));
        }
        for (Map.Entry<String, String> e : state.entrySet()) {
            if (e.getKey().startsWith("fw.")) {
                bmc.firmwareModel().setVersion(e.getKey().substring(3), e.getValue());
            }
        }
    }

    /** Writes every BMC's power and firmware (to a temporary file, then moved into place). */
    static void saveState(List<SimulatedBmc> bmcs, Path file) throws IOException {
        Properties p = new Properties();
        for (SimulatedBmc b : bmcs) {
            p.setProperty(b.address() + ".power", b.powerState().name());
            for (Firmware.Component c : b.firmware()) {
                p.setProperty(b.address() + ".fw." + c.fqdd(), c.version());
            }
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "lightsout lab state: power and firmware per BMC address");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
