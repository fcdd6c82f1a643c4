package io.lightsout.appliance.cli.client;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain text table with columns sized to their content. */
public final class Table {
    private final List<String[]> rows = new ArrayList<>();

    public Table(String... header) {
        rows.add(header);
    }

    public Table row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            r[i] = cells[i] == null || "null".equals(String.valueOf(cells[i])) ? "-" : String.valueOf(cells[i]);
        }
        rows.add(r);
        return this;
    }

    public void print(PrintStream out) {
        int cols = rows.getFirst().length;
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < cols && i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (String[] r : rows) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols && i < r.length; i++) {
                sb.append(i + 1 < cols ? String.format("%-" + w[i] + "s  ", r[i]) : r[i]);
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
