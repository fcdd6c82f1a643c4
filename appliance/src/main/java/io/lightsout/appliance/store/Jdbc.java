package io.lightsout.appliance.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** {@link Sql} over a pooled {@link DataSource}; {@link #transaction} groups calls into one transaction. */
public final class Jdbc implements Sql {
    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = java.util.Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface TxWork<T> {
        T run(Tx tx) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(TxWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(new Tx(c));
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Transaction failed", e);
        }
    }

    @Override
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
        return onConnection("Query", c -> query(c, sql, mapper, args));
    }

    @Override
    public int update(String sql, Object... args) {
        return onConnection("Update", c -> update(c, sql, args));
    }

    @Override
    public long insert(String sql, Object... args) {
        return onConnection("Insert", c -> insert(c, sql, args));
    }

    private interface ConnectionWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T onConnection(String what, ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(what + " failed", e);
        }
    }

    /** The calls of one transaction, all on one connection. */
    public static final class Tx implements Sql {
        private final Connection connection;

        Tx(Connection connection) {
            this.connection = connection;
        }

        @Override
        public <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
            return run("Query", c -> Jdbc.query(c, sql, mapper, args));
        }

        @Override
        public int update(String sql, Object... args) {
            return run("Update", c -> Jdbc.update(c, sql, args));
        }

        @Override
        public long insert(String sql, Object... args) {
            return run("Insert", c -> Jdbc.insert(c, sql, args));
        }

        private <T> T run(String what, ConnectionWork<T> work) {
            try {
                return work.run(connection);
            } catch (SQLException e) {
                throw new StoreException(what + " failed", e);
            }
        }
    }

    private static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... args)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, false, args); ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, false, args)) {
            return ps.executeUpdate();
        }
    }

    private static long insert(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, true, args)) {
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No generated key returned");
                }
                return keys.getLong(1);
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, boolean keys, Object... args)
            throws SQLException {
        PreparedStatement ps = keys ? c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS) : c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
