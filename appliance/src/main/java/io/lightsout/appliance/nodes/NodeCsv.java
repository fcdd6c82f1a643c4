package io.lightsout.appliance.nodes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The node CSV format (RFC 4180: comma separated, optional double quotes, {@code ""} inside quotes, CRLF or LF).
 * The first line names the columns, in any order and case; unknown columns are refused so that a typo does not
 * silently drop data. The lab's {@code --inventory FILE.csv} is this format.
 */
public final class NodeCsv {

    /** The columns, as named in the header. */
    public static final List<String> COLUMNS = List.of("name", "type", "site", "address", "port", "scheme",
            "credentialProfile", "username", "password", "mac", "ip", "prefixLength", "verifyPort", "secureOn",
            "tags", "serviceTag");
    /** The columns an export writes: everything but secrets, which are write-only. */
    public static final List<String> EXPORT_COLUMNS = COLUMNS.stream()
            .filter(c -> !c.equals("password") && !c.equals("secureOn")).toList();
    static final int MAX_ROWS = 100_000;

    private NodeCsv() {
    }

    /** A row that could not be read or validated: 1-based line and column, the column's name, and why. */
    public record RowError(int line, int column, String field, String reason) {
    }

    /** A data row: its line, and its fields as an input. */
    public record Row(int line, NodeInput input) {
    }

    /** The parsed file: good rows and bad rows; a bad row never hides the good ones. */
    public record Parsed(List<Row> rows, List<RowError> errors, Map<String, Integer> columnIndex) {
        /** The 1-based column of a field, or 0 when the file has no such column. */
        public int column(String field) {
            return columnIndex.getOrDefault(field, -1) + 1;
        }
    }

    /**
     * Parses CSV text.
     *
     * @throws IllegalArgumentException for a file that cannot be read at all (no header, unknown column, too big)
     */
    public static Parsed parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        split(text, records, lines, errors);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("The file is empty: the first line must name the columns ("
                    + String.join(",", COLUMNS) + ").");
        }
        Map<String, Integer> index = header(records.getFirst());
        if (records.size() - 1 > MAX_ROWS) {
            throw new IllegalArgumentException("At most " + MAX_ROWS + " rows per file.");
        }
        List<Row> rows = new ArrayList<>();
        int width = records.getFirst().size();
        for (int r = 1; r < records.size(); r++) {
            List<String> f = records.get(r);
            int line = lines.get(r);
            if (f.size() == 1 && f.getFirst().isBlank()) {
                continue;
            }
            if (f.size() != width) {
                errors.add(new RowError(line, Math.min(f.size(), width) + 1, null, "expected " + width
                        + " fields like the header, found " + f.size()));
                continue;
            }
            rows.add(new Row(line, input(f, index)));
        }
        errors.sort(java.util.Comparator.comparingInt(RowError::line));
        return new Parsed(rows, errors, index);
    }

    private static Map<String, Integer> header(List<String> names) {
        Map<String, String> known = new HashMap<>();
        COLUMNS.forEach(c -> known.put(c.toLowerCase(Locale.ROOT), c));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String raw = names.get(i).strip();
            if (i == 0 && raw.startsWith("\uFEFF")) {
                raw = raw.substring(1);
            }
            String name = known.get(raw.toLowerCase(Locale.ROOT));
            if (name == null) {
                throw new IllegalArgumentException("Line 1, column " + (i + 1) + ": unknown column '" + raw
                        + "' (known: " + String.join(", ", COLUMNS) + ").");
            }
            if (index.putIfAbsent(name, i) != null) {
                throw new IllegalArgumentException("Line 1, column " + (i + 1) + ": column '" + name + "' twice.");
            }
        }
        if (!index.containsKey("type")) {
            throw new IllegalArgumentException("Line 1: a 'type' column is required.");
        }
        return index;
    }

    private static NodeInput input(List<String> f, Map<String, Integer> index) {
        java.util.function.Function<String, String> v = c -> index.containsKey(c) ? f.get(index.get(c)) : null;
        return new NodeInput(v.apply("name"), v.apply("type"), v.apply("site"), v.apply("address"), v.apply("port"),
                v.apply("scheme"), v.apply("credentialProfile"), v.apply("username"), v.apply("password"),
                v.apply("mac"), v.apply("ip"), v.apply("prefixLength"), v.apply("verifyPort"), v.apply("secureOn"),
                v.apply("tags"), v.apply("serviceTag"));
    }

    /** Splits into records of fields; a record with an unterminated quote is reported and dropped. */
    private static void split(String text, List<List<String>> records, List<Integer> lines, List<RowError> errors) {
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int startLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean broken = false;
            while (i < n) {
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < n && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty()) {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i < n && text.charAt(i) == '\n') {
                        i++;
                    }
                    line++;
                    break;
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                errors.add(new RowError(startLine, fields.size() + 1, null, "a quoted field is not closed"));
                broken = true;
            }
            fields.add(field.toString());
            if (!broken) {
                records.add(fields);
                lines.add(startLine);
            }
        }
    }

    /** One CSV field, quoted when it needs to be. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
