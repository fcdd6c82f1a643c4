package io.lightsout.appliance.power;

import io.lightsout.appliance.bmc.Accepted;
import io.lightsout.appliance.bmc.BmcException;
import io.lightsout.appliance.bmc.PowerReading;
import java.util.List;
import java.util.Optional;

/** The result of one power request on one node (a job's per-target result). */
public sealed interface PowerOutcome {

    /** The state read before deciding, when it was read. */
    Optional<PowerReading> before();

    /** All steps were accepted by the BMC. */
    record Done(List<Accepted> steps, Optional<PowerReading> before) implements PowerOutcome {
    }

    /** The node was already in the requested state. */
    record NothingToDo(String reason, Optional<PowerReading> before) implements PowerOutcome {
    }

    /** The policy or the in-flight rule refused; nothing was sent. */
    record Refused(String reason, Optional<PowerReading> before) implements PowerOutcome {
    }

    /** A step failed; {@code stepsDone} were accepted before it. */
    record Failed(BmcException.Reason reason, String message, int stepsDone, Optional<PowerReading> before)
            implements PowerOutcome {
    }
}
