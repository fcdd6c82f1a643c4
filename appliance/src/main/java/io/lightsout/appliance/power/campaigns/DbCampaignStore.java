package io.lightsout.appliance.power.campaigns;

import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.power.campaign.CampaignStore;
import io.lightsout.appliance.power.campaign.FailureReason;
import io.lightsout.appliance.power.campaign.TargetState;
import io.lightsout.appliance.power.campaign.TargetStatus;
import io.lightsout.appliance.power.campaign.WakeMethod;
import io.lightsout.appliance.store.Jdbc;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@link CampaignStore} of the appliance: one row per target of a run in {@code wake_campaign_targets}, replaced
 * in its own committed transaction on every save, so a crash loses at most the transition being made. The state is
 * a small {@code key=value|...} record (no secrets are in it).
 */
public final class DbCampaignStore implements CampaignStore {
    private final Jdbc jdbc;
    private final Clock clock;

    public DbCampaignStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void save(String runId, TargetState s) {
        saveAll(runId, List.of(s));
    }

    @Override
    public void saveAll(String runId, List<TargetState> states) {
        if (states.isEmpty()) {
            return;
        }
        jdbc.transaction(tx -> {
            for (TargetState s : states) {
                String text = encode(s);
                if (tx.update("UPDATE wake_campaign_targets SET status = ?, state = ?, updated_at = ? WHERE run_id = ?"
                    + " AND node_id = ?", s.status().name(), text, clock.millis(), runId, s.nodeId()) == 0) {
                tx.update("INSERT INTO wake_campaign_targets (run_id, node_id, status, state, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?)", runId, s.nodeId(), s.status().name(), text, clock.millis());
                }
            }
            return null;
        });
    }

    @Override
    public Map<String, TargetState> load(String runId) {
        Map<String, TargetState> out = new HashMap<>();
        jdbc.query("SELECT state FROM wake_campaign_targets WHERE run_id = ?", rs -> decode(rs.getString(1)), runId)
                .forEach(s -> out.put(s.nodeId(), s));
        return out;
    }

    static String encode(TargetState s) {
        return String.join("|", "node=" + s.nodeId(), "status=" + s.status(), "method=" + s.method().map(Enum::name)
                .orElse(""), "attempts=" + s.attempts(), "last=" + s.lastAttemptAt().map(Instant::toString).orElse(""),
                "error=" + s.lastError().map(Enum::name).orElse(""), "failure=" + s.failure().map(Enum::name)
                .orElse(""), "done=" + s.doneAt().map(Instant::toString).orElse(""), "off=" + s.powerOff(),
                "detail=" + s.detail().replace('|', '/'));
    }

    static TargetState decode(String text) {
        Map<String, String> f = new HashMap<>();
        for (String part : text.split("\\|", -1)) {
            int eq = part.indexOf('=');
            f.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return new TargetState(f.get("node"), TargetStatus.valueOf(f.get("status")),
                opt(f.get("method"), WakeMethod::valueOf), Integer.parseInt(f.get("attempts")),
                opt(f.get("last"), Instant::parse), opt(f.get("error"), BmcException.Reason::valueOf),
                opt(f.get("failure"), FailureReason::valueOf), f.get("detail"), opt(f.get("done"), Instant::parse),
                TargetState.PowerOff.valueOf(f.get("off")));
    }

    private static <T> Optional<T> opt(String s, Function<String, T> parse) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(parse.apply(s));
    }
}
