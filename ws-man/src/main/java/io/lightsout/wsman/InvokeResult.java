package io.lightsout.wsman;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code <Method>_OUTPUT} of an extrinsic method.
 *
 * @param method the method name
 * @param returnValue {@code ReturnValue}, if the output had one
 * @param output every output parameter as properties (ReturnValue included)
 * @param references output parameters that are EPRs (e.g. {@code Job}), by name
 */
public record InvokeResult(String method, OptionalLong returnValue, CimInstance output,
                           Map<String, EndpointReference> references) {

    /** CIM "Method Parameters Checked - Job Started". */
    public static final long JOB_STARTED = 4096;

    public InvokeResult {
        references = Map.copyOf(references);
    }

    /** ReturnValue 0 (completed) or 4096 (job started). A missing ReturnValue counts as success. */
    public boolean succeeded() {
        return returnValue.isEmpty() || returnValue.getAsLong() == 0 || returnValue.getAsLong() == JOB_STARTED;
    }

    /** Dell's {@code Message} output, if present. */
    public Optional<String> message() {
        return output.get("Message");
    }

    /** Dell's {@code MessageID} output, if present. */
    public Optional<String> messageId() {
        return output.get("MessageID");
    }

    /** The job reference ({@code Job}, or the only reference returned), if any. */
    public Optional<EndpointReference> job() {
        if (references.containsKey("Job")) {
            return Optional.of(references.get("Job"));
        }
        return references.size() == 1 ? references.values().stream().findFirst() : Optional.empty();
    }
}
