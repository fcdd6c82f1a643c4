package io.lightsout.wsman.idrac;

/**
 * A {@code DCIM_LifecycleJob} (also used for the job half of {@code DCIM_OSDConcreteJob}).
 *
 * @param id the InstanceID, e.g. {@code JID_001436912645}
 * @param name e.g. {@code ConfigBIOS:BIOS.Setup.1-1}
 * @param status the mapped status
 * @param rawStatus the device's JobStatus text
 * @param percentComplete 0..100, or -1 when not reported
 * @param messageId e.g. {@code PR19}
 * @param message the device's text
 */
public record LifecycleJob(String id, String name, JobStatus status, String rawStatus, int percentComplete,
                           String messageId, String message) {
}
