package io.lightsout.appliance.power.campaign;

import java.time.Instant;

/** One concrete window of a campaign: wake from {@code start}, stop trying at {@code deadline}. */
public record Occurrence(Instant start, Instant deadline) {

    public Occurrence {
        if (!deadline.isAfter(start)) {
            throw new IllegalArgumentException("window deadline " + deadline + " must be after its start " + start);
        }
    }
}
