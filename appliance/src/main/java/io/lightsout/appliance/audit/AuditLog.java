package io.lightsout.appliance.audit;

import io.lightsout.appliance.store.Sql;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The activity log: who did what to which target, when, from where, and how it ended. Never holds secrets. */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger("lightsout.audit");
    private final Sql sql;
    private final Clock clock;

    public AuditLog(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** The page of entries matching a query, newest first, and the total count. */
    public record Page(List<AuditEntry> items, long total) {
    }

    /** Records a successful action. */
    public void success(String user, String action, String target, String detail, String source) {
        record(sql, user, action, target, "success", detail, source);
    }

    /** Records a failed or refused action. */
    public void failure(String user, String action, String target, String detail, String source) {
        record(sql, user, action, target, "failure", detail, source);
    }

    /** Records an entry inside the caller's transaction. */
    public void record(Sql in, String user, String action, String target, String outcome, String detail,
                       String source) {
        in.insert("INSERT INTO audit_log (at, username, action, target, outcome, detail, source_address) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", clock.millis(), user, action, cut(target, 256), outcome,
                cut(detail, 2000), cut(source, 64));
        LOG.info("{} {} {} {}{}", outcome, action, user == null ? "-" : user, target == null ? "-" : target,
                detail == null ? "" : " (" + detail + ")");
    }

    public Page find(AuditQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (q.user() != null) {
            where.append(" AND username = ?");
            args.add(q.user());
        }
        if (q.action() != null && q.action().endsWith("*")) {
            where.append(" AND action LIKE ?");
            args.add(q.action().substring(0, q.action().length() - 1).replace("%", "") + "%");
        } else if (q.action() != null) {
            where.append(" AND action = ?");
            args.add(q.action());
        }
        if (q.from() != null) {
            where.append(" AND at >= ?");
            args.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            where.append(" AND at < ?");
            args.add(q.to().toEpochMilli());
        }
        if (q.text() != null && !q.text().isBlank()) {
            where.append(" AND (LOWER(target) LIKE ? OR LOWER(detail) LIKE ?)");
            String like = "%" + q.text().toLowerCase(Locale.ROOT).replace("%", "") + "%";
            args.add(like);
            args.add(like);
        }
        long total = sql.queryLong("SELECT COUNT(*) FROM audit_log" + where, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(q.size());
        pageArgs.add((long) q.page() * q.size());
        List<AuditEntry> items = sql.query("SELECT id, at, username, action, target, outcome, detail, source_address"
                + " FROM audit_log" + where + " ORDER BY at DESC, id DESC LIMIT ? OFFSET ?", rs -> new AuditEntry(
                rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)), pageArgs.toArray());
        return new Page(items, total);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
