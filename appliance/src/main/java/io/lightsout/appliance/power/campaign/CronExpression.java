package io.lightsout.appliance.power.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A five-field cron expression ({@code minute hour day-of-month month day-of-week}) as in crontab(5): each field
 * {@code *}, a number, a range {@code a-b}, a step {@code * /n} or {@code a-b/n}, or a comma list of those; months
 * may be {@code JAN}..{@code DEC} and days {@code SUN}..{@code SAT} (0 and 7 are Sunday). As in Vixie cron, when
 * both day fields are restricted a day matches if either does. Times are local times of an explicit zone; a time
 * a DST change skips moves forward by the gap, and a time that occurs twice fires once (at the earlier offset).
 */
public final class CronExpression {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
            "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
    /** Long enough for any satisfiable expression (29 February on a given weekday recurs within 28 years). */
    private static final int SEARCH_DAYS = 366 * 29;

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean domRestricted;
    private final boolean dowRestricted;

    private CronExpression(String text, String[] f) {
        this.text = text;
        this.minutes = field(f[0], "minute", 0, 59, List.of(), 0);
        this.hours = field(f[1], "hour", 0, 23, List.of(), 0);
        this.daysOfMonth = field(f[2], "day of month", 1, 31, List.of(), 0);
        this.months = field(f[3], "month", 1, 12, MONTHS, 1);
        BitSet dow = field(f[4], "day of week", 0, 7, DAYS, 0);
        if (dow.get(7)) {
            dow.set(0);
            dow.clear(7);
        }
        this.daysOfWeek = dow;
        this.domRestricted = !f[2].startsWith("*");
        this.dowRestricted = !f[4].startsWith("*");
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    public static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a cron expression is required");
        }
        String[] f = text.strip().split("\\s+");
        if (f.length != 5) {
            throw new IllegalArgumentException("a cron expression has 5 fields (minute hour day-of-month month"
                    + " day-of-week), this one has " + f.length);
        }
        CronExpression cron = new CronExpression(String.join(" ", f), f);
        if (cron.nextStart(Instant.EPOCH, ZoneId.of("UTC")).isEmpty()) {
            throw new IllegalArgumentException("the cron expression '" + cron.text + "' never matches a date");
        }
        return cron;
    }

    /** The first time strictly after {@code after} that matches, in {@code zone}; empty if none within 29 years. */
    public Optional<Instant> nextStart(Instant after, ZoneId zone) {
        LocalDate day = after.atZone(zone).toLocalDate();
        for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
            if (!matches(day)) {
                continue;
            }
            for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                    Instant at = ZonedDateTime.of(day, LocalTime.of(h, m), zone).toInstant();
                    if (at.isAfter(after)) {
                        return Optional.of(at);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean matches(LocalDate day) {
        if (!months.get(day.getMonthValue())) {
            return false;
        }
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        if (domRestricted && dowRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static BitSet field(String spec, String name, int min, int max, List<String> names, int nameBase) {
        BitSet bits = new BitSet(max + 1);
        for (String part : spec.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), name, 1, max, List.of(), 0);
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max == 7 ? 6 : max;
            } else if (range.contains("-")) {
                String[] ab = range.split("-", -1);
                if (ab.length != 2) {
                    throw bad(name, part, "a range is a-b");
                }
                from = number(ab[0], name, min, max, names, nameBase);
                to = number(ab[1], name, min, max, names, nameBase);
                if (to < from) {
                    throw bad(name, part, "the range goes backwards");
                }
            } else {
                from = number(range, name, min, max, names, nameBase);
                to = slash >= 0 ? (max == 7 ? 6 : max) : from;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    private static int number(String s, String name, int min, int max, List<String> names, int nameBase) {
        int byName = names.indexOf(s.toUpperCase(Locale.ROOT));
        if (byName >= 0) {
            return byName + nameBase;
        }
        if (!s.matches("\\d{1,2}")) {
            throw bad(name, s, "expected a number" + (names.isEmpty() ? "" : " or a name such as " + names.get(1)));
        }
        int v = Integer.parseInt(s);
        if (v < min || v > max) {
            throw bad(name, s, "must be " + min + " to " + max);
        }
        return v;
    }

    private static IllegalArgumentException bad(String field, String value, String why) {
        return new IllegalArgumentException("cron " + field + " field '" + value + "': " + why);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CronExpression c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
