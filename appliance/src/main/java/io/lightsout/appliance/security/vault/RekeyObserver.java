package io.lightsout.appliance.security.vault;

/**
 * Told about each step of a re-key, in order. The appliance passes {@link #NONE}; the crash test passes one that
 * stops the process at a chosen step to prove that every step is recoverable.
 */
@FunctionalInterface
public interface RekeyObserver {

    /** The steps of {@link Vault#rekey}, in the order they happen. */
    enum Step {
        /** The keystore file now holds the old and the new key; the database still uses the old one. */
        NEW_KEY_STORED,
        /** Every secret is re-encrypted inside the (still open) transaction. */
        SECRETS_REWRITTEN,
        /** The transaction committed: the database uses the new key. */
        COMMITTED,
        /** The old key is gone from the keystore file. */
        OLD_KEY_DROPPED
    }

    RekeyObserver NONE = step -> { };

    /**
     * Called after {@code step} completed.
     *
     * @param step the step just completed
     */
    void after(Step step);
}
