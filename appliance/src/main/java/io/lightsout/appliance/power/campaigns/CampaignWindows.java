package io.lightsout.appliance.power.campaigns;

import io.lightsout.appliance.audit.AuditLog;
import io.lightsout.appliance.power.campaigns.CampaignSelection.Resolution;
import io.lightsout.appliance.store.Jdbc;
import io.lightsout.appliance.store.Sql;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The windows of campaigns that have opened, each with its own target list in {@code wake_campaign_windows} and
 * {@code wake_campaign_window_nodes}. A window's list is resolved from the campaign's selection when the window
 * opens, in the transaction that sets the campaign running, and never again: a window resumed after a crash runs
 * exactly the targets it started with (the engine's guarantee that no node gets a destructive action twice and every
 * target ends with one final status holds only for a fixed list), and its report stays the same forever after.
 */
final class CampaignWindows {
    /** Who the audit log names for what the scheduler does on its own. */
    static final String ACTOR = "campaign-scheduler";

    private final Jdbc jdbc;
    private final AuditLog audit;
    private final Clock clock;

    CampaignWindows(Jdbc jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A window's targets as resolved when it opened.
     *
     * @param selection how the selection read then ({@code group night-shift (dynamic)})
     * @param skipped   listed nodes deleted before it opened, left out
     * @param failure   why it could not run, or null
     */
    record Window(Instant start, Instant openedAt, String selection, List<String> nodeIds, int skipped,
                  String failure) {
        Window {
            nodeIds = List.copyOf(nodeIds);
        }
    }

    /**
     * Opens the campaign's current window, or finds it again when it is resumed: in one transaction, the selection
     * is resolved, the list stored and the campaign set running; or, when its group is gone, the window stored with
     * the reason and the campaign set failed. Both are audited. Empty when the campaign has ended meanwhile.
     */
    Optional<Window> open(CampaignDefinition d) {
        return jdbc.transaction(tx -> {
            String state = tx.queryOne("SELECT state FROM wake_campaigns WHERE id = ?", rs -> rs.getString(1), d.id())
                    .orElse(Campaigns.State.CANCELLED.name());
            if (!state.equals(Campaigns.State.SCHEDULED.name()) && !state.equals(Campaigns.State.RUNNING.name())) {
                return Optional.empty();
            }
            Optional<Window> opened = find(tx, d.id(), d.start());
            if (opened.isPresent()) {
                return opened; // resumed: the list it started with, whatever the selection reads now
            }
            Resolution r = d.selection().resolve(tx);
            Window w = new Window(d.start(), clock.instant(), r.description(), r.nodeIds(), r.skipped(), r.failure());
            insert(tx, d.id(), w);
            if (r.failure() != null) {
                tx.update("UPDATE wake_campaigns SET state = ?, failure = ?, finished_at = ? WHERE id = ?",
                        Campaigns.State.FAILED.name(), r.failure(), clock.millis(), d.id());
                audit.record(tx, ACTOR, "campaign.window", d.name(), "failure", "window of " + d.start() + " not run: "
                        + r.failure(), null);
            } else {
                tx.update("UPDATE wake_campaigns SET state = ? WHERE id = ?", Campaigns.State.RUNNING.name(), d.id());
                audit.record(tx, ACTOR, "campaign.window", d.name(), "success", "window of " + d.start() + " opened: "
                        + r.description() + ", " + r.nodeIds().size() + " nodes" + (r.skipped() == 0 ? ""
                        : ", " + r.skipped() + " listed nodes deleted and skipped"), null);
            }
            return Optional.of(w);
        });
    }

    /** The window of the campaign that opened at {@code start}, if it has. */
    Optional<Window> find(String campaignId, Instant start) {
        return find(jdbc, campaignId, start);
    }

    private static Optional<Window> find(Sql in, String campaignId, Instant start) {
        long at = start.toEpochMilli();
        // the row first, its nodes after: no second query while the first result set is open
        return in.queryOne("SELECT opened_at, selection, skipped, failure FROM wake_campaign_windows WHERE"
                        + " campaign_id = ? AND window_start = ?", rs -> new Window(start,
                        Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), List.of(), rs.getInt(3),
                        rs.getString(4)), campaignId, at)
                .map(w -> new Window(start, w.openedAt(), w.selection(), nodes(in, campaignId, at), w.skipped(),
                        w.failure()));
    }

    private static List<String> nodes(Sql in, String campaignId, long at) {
        return in.query("SELECT node_id FROM wake_campaign_window_nodes WHERE campaign_id = ? AND window_start = ?"
                + " ORDER BY position", rs -> rs.getString(1), campaignId, at);
    }

    private static void insert(Sql in, String campaignId, Window w) {
        long at = w.start().toEpochMilli();
        in.update("INSERT INTO wake_campaign_windows (campaign_id, window_start, opened_at, selection, skipped, failure)"
                + " VALUES (?, ?, ?, ?, ?, ?)", campaignId, at, w.openedAt().toEpochMilli(), cut(w.selection(), 300),
                w.skipped(), w.failure() == null ? null : cut(w.failure(), 512));
        List<String> ids = w.nodeIds();
        for (int i = 0; i < ids.size(); i++) {
            in.update("INSERT INTO wake_campaign_window_nodes (campaign_id, window_start, position, node_id) VALUES"
                    + " (?, ?, ?, ?)", campaignId, at, i, ids.get(i));
        }
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
