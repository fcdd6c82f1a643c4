package io.lightsout.appliance.audit;

import java.time.Instant;

/** One line of the activity log. {@code outcome} is {@code success}, {@code failure} or {@code denied}. */
public record AuditEntry(long id, Instant time, String user, String action, String target, String outcome,
                         String detail, String sourceAddress) {
}
