package io.lightsout.wsman.idrac;

/**
 * {@code DCIM_LCService.GetRemoteServicesAPIStatus}: whether the Lifecycle Controller accepts remote commands.
 *
 * @param status 0 ready, 1 not ready
 * @param lcStatus 0 ready; 4 in recovery; 5 in use
 * @param serverStatus 2 out of POST; others: in POST, powered off, in recovery
 * @param rtStatus real-time status, 0 ready
 * @param messageId e.g. {@code LC061} (ready), {@code LC060} (not ready)
 * @param message the device's text
 */
public record LcStatus(int status, int lcStatus, int serverStatus, int rtStatus, String messageId, String message) {

    /** Whether remote services are ready for commands (Status 0). */
    public boolean ready() {
        return status == 0;
    }
}
