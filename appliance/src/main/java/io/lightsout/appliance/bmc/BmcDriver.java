package io.lightsout.appliance.bmc;

/**
 * Drives one kind of BMC. Implementations are stateless apart from their transport, thread-safe, and called only
 * through the {@link BmcExecutor}, which checks {@link #supports}, bounds concurrency and applies the timeout.
 * <p>
 * The contract for {@link #execute}: switch exhaustively over the sealed {@link BmcCommand} set (no default
 * branch, so a new command is a compile error here); map the device's answer with a pure mapper; report an
 * unreadable or unmapped power state as {@link PowerState#UNKNOWN} and rejected credentials as
 * {@link PowerState#AUTH_FAILED} for {@link BmcCommand.GetPowerState} (a reading is an answer, not an error);
 * throw {@link BmcException} with the right {@link BmcException.Reason} for everything else; honour interruption
 * (the executor interrupts a call that exceeded its timeout); never put credentials into messages.
 */
public interface BmcDriver {

    /** The node type this driver serves; one driver per type in the {@link DriverRegistry}. */
    NodeType type();

    /**
     * Whether this driver can execute {@code command}, including its parameters (a WoL-only driver supports
     * {@code ChangePower(ON)} and not {@code ChangePower(CYCLE)}). Pure: no I/O.
     */
    boolean supports(BmcCommand<?> command);

    /**
     * Executes one command against one node.
     *
     * @param target  the node; its {@link BmcTarget#type()} is this driver's type
     * @param command a command for which {@link #supports} returned true
     * @param <R>     the command's result type
     * @return the typed result
     * @throws BmcException         when the command did not complete (reason and protocol code inside)
     * @throws InterruptedException when the call was interrupted (timeout or shutdown)
     */
    <R> R execute(BmcTarget target, BmcCommand<R> command) throws BmcException, InterruptedException;
}
