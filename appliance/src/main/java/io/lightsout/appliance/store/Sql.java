package io.lightsout.appliance.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The small data-access API repositories use: plain SQL with positional parameters. Implemented by {@link Jdbc}
 * (each call in its own auto-commit transaction) and {@link Jdbc.Tx} (calls inside one transaction).
 * Parameters may be {@code String}, numbers, {@code Boolean}, {@code byte[]} or {@code null}.
 */
public interface Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs a query and maps every row. */
    <T> List<T> query(String sql, RowMapper<T> mapper, Object... args);

    /** Runs a query expected to return at most one row. */
    default <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... args) {
        List<T> rows = query(sql, mapper, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** Runs a query returning one number (count, max, ...). */
    default long queryLong(String sql, Object... args) {
        return queryOne(sql, rs -> rs.getLong(1), args).orElse(0L);
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows touched. */
    int update(String sql, Object... args);

    /** Runs an INSERT into a table whose first column is a generated id, and returns that id. */
    long insert(String sql, Object... args);
}
