package io.lightsout.appliance.store;

import java.sql.SQLException;

/** A database failure. {@link #isDuplicate()} tells a unique-key violation (SQLSTATE 23505) from the rest. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String sqlState;

    public StoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    public boolean isDuplicate() {
        return "23505".equals(sqlState);
    }
}
