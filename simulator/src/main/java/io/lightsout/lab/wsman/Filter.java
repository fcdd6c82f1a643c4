package io.lightsout.lab.wsman;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of WQL/CQL enumeration filters real clients send to iDRAC:
 * {@code select <props|*> from <Class> [where A = "v" and B != "w" ...]}. Projections are accepted and ignored
 * (the instance is returned whole, which clients tolerate); comparisons are string equality.
 */
public final class Filter {
    private static final Pattern SELECT = Pattern.compile(
            "(?is)\\s*select\\s+.+?\\s+from\\s+(\\w+)\\s*(?:where\\s+(.*))?");
    private static final Pattern TERM = Pattern.compile("(?s)\\s*(\\w+)\\s*(!=|<>|=)\\s*(\"[^\"]*\"|'[^']*'|\\S+)\\s*");

    private final String className;
    private final List<Term> terms;

    private record Term(String property, boolean equal, String value) {
    }

    private Filter(String className, List<Term> terms) {
        this.className = className;
        this.terms = terms;
    }

    /** Parses a filter of a supported dialect; an unknown dialect or unparsable query is a fault. */
    public static Filter parse(String dialect, String query) {
        if (dialect != null && !dialect.isEmpty() && !Ns.WQL.equals(dialect) && !Ns.CQL.equals(dialect)) {
            throw WsmanFault.filterDialect(dialect);
        }
        Matcher m = SELECT.matcher(query == null ? "" : query);
        if (!m.matches()) {
            throw WsmanFault.cannotProcessFilter("Cannot parse filter: " + query);
        }
        List<Term> terms = new ArrayList<>();
        String where = m.group(2);
        if (where != null && !where.isBlank()) {
            for (String part : where.split("(?i)\\s+and\\s+")) {
                Matcher t = TERM.matcher(part);
                if (!t.matches()) {
                    throw WsmanFault.cannotProcessFilter("Cannot parse filter term: " + part.trim());
                }
                String v = t.group(3);
                if (v.length() >= 2 && (v.startsWith("\"") || v.startsWith("'"))) {
                    v = v.substring(1, v.length() - 1);
                }
                terms.add(new Term(t.group(1), t.group(2).equals("="), v));
            }
        }
        return new Filter(m.group(1), terms);
    }

    /** The class named in the FROM clause. */
    public String className() {
        return className;
    }

    /** True if the instance satisfies every term. */
    public boolean matches(CimInstance i) {
        if (!i.className().toLowerCase(Locale.ROOT).equals(className.toLowerCase(Locale.ROOT))) {
            return false;
        }
        for (Term t : terms) {
            String actual = i.get(t.property);
            boolean eq = t.value.equals(actual);
            if (eq != t.equal) {
                return false;
            }
        }
        return true;
    }
}
