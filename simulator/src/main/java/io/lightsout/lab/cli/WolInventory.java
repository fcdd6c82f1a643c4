package io.lightsout.lab.cli;

import io.lightsout.lab.wol.WolFleet;
import io.lightsout.lab.wol.WolMachine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Adds the wake-on-LAN machines to a node-import CSV inventory: the header gains {@code ip,verifyPort,secureOn,name},
 * BMC rows leave them empty (a BMC node is named after its service tag), each machine is a {@code WOL} row named
 * {@code wol-ADDRESS}, so that lists and reports show a name rather than a MAC. A JSON inventory is left as it is.
 */
final class WolInventory {
    private WolInventory() {
    }

    static void append(Path csv, WolFleet fleet) {
        if (!csv.getFileName().toString().endsWith(".csv")) {
            return;
        }
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder(lines.getFirst()).append(",ip,verifyPort,secureOn,name\n");
            int columns = lines.getFirst().split(",", -1).length;
            int typeColumn = List.of(lines.getFirst().split(",", -1)).indexOf("type");
            int macColumn = List.of(lines.getFirst().split(",", -1)).indexOf("mac");
            lines.stream().skip(1).filter(l -> !l.isBlank()).forEach(l -> out.append(l).append(",,,,\n"));
            for (WolMachine m : fleet.machines()) {
                String[] f = new String[columns];
                java.util.Arrays.fill(f, "");
                f[typeColumn] = "WOL";
                f[macColumn] = m.mac();
                out.append(String.join(",", f)).append(',').append(m.address().getHostAddress()).append(',')
                        .append(fleet.verifyPort()).append(',').append(m.secureOn().orElse("")).append(",wol-")
                        .append(m.address().getHostAddress()).append('\n');
            }
            Files.writeString(csv, out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + csv, e);
        }
    }
}
