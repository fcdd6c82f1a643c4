package io.lightsout.appliance.audit;

import java.time.Instant;

/**
 * A filter over the activity log; null fields do not filter.
 *
 * @param user   exact user name
 * @param action exact action, or a prefix ending in {@code *} (e.g. {@code login*})
 * @param from   inclusive lower bound
 * @param to     exclusive upper bound
 * @param text   case-insensitive substring of target or detail
 * @param page   zero-based page
 * @param size   page size (1..500)
 */
public record AuditQuery(String user, String action, Instant from, Instant to, String text, int page, int size) {
}
