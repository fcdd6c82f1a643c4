package io.lightsout.appliance.power.campaigns;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What a campaign gets for the fields its creator leaves out (configuration keys {@code campaign.*} and
 * {@code time-zone}).
 *
 * @param zone           the appliance's time zone, in which recurrences are read
 * @param window         start to deadline
 * @param retries        further power-ons for silent targets
 * @param retryDelay     between them
 * @param rate           power-ons and magic packets per second
 * @param verifyInterval between checks of a woken target
 */
public record CampaignDefaults(ZoneId zone, Duration window, int retries, Duration retryDelay, double rate,
                               Duration verifyInterval) {

    /** The documented defaults, in UTC. */
    public static final CampaignDefaults DEFAULT = new CampaignDefaults(ZoneId.of("UTC"), Duration.ofHours(2), 2,
            Duration.ofMinutes(5), 10, Duration.ofSeconds(10));

    public CampaignDefaults {
        Objects.requireNonNull(zone, "zone");
        if (!window.isPositive() || !retryDelay.isPositive() || !verifyInterval.isPositive() || !(rate > 0)
                || retries < 0 || retries > 20) {
            throw new IllegalArgumentException("campaign defaults: durations and rate > 0, retries 0..20");
        }
    }
}
