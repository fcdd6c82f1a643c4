package io.lightsout.appliance.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The appliance database: a HikariCP pool over H2 (file in the data directory) or PostgreSQL, migrated with the
 * one set of Flyway migrations under {@code db/migration} at open.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final Jdbc jdbc;
    private final boolean h2;

    private Database(HikariDataSource dataSource, boolean h2) {
        this.dataSource = dataSource;
        this.jdbc = new Jdbc(dataSource);
        this.h2 = h2;
    }

    /**
     * Opens the pool and runs pending migrations.
     *
     * @param url      JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql:...})
     * @param user     database user
     * @param password database password (may be empty)
     * @param poolSize most connections (at least 2: Flyway holds one for its lock while migrating on another)
     */
    public static Database open(String url, String user, String password, int poolSize) {
        boolean h2 = url.startsWith("jdbc:h2:");
        HikariConfig hc = new HikariConfig();
        // H2: a commit is written to the file before it returns (the vault's re-key relies on it), and the file
        // is refused to a second process instead of being opened twice.
        hc.setJdbcUrl(h2 ? url + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE" : url);
        hc.setUsername(user);
        hc.setPassword(password);
        if (poolSize < 2) {
            throw new IllegalArgumentException("database pool size must be at least 2");
        }
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(Math.min(2, poolSize));
        hc.setConnectionTimeout(10_000);
        hc.setPoolName("lightsout-db");
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            String shown = url.replaceAll("(?i)password=[^&;]*", "password=<redacted>");
            String why = String.valueOf(rootMessage(e));
            if (h2 && (why.contains("already in use") || why.contains("file is locked"))) {
                throw new IllegalStateException("The database " + shown + " is in use by a running appliance: "
                        + "stop it first, or do this through the portal or REST API", e);
            }
            throw new IllegalStateException("Cannot open the database " + shown + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        return new Database(ds, h2);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The pool, for libraries that take a DataSource (db-scheduler). */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    public Jdbc jdbc() {
        return jdbc;
    }


    public boolean isH2() {
        return h2;
    }

    /** True when a connection can be taken and used (for {@code /health}). */
    public boolean isUp() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Forces committed data to the file (H2); PostgreSQL commits are durable already. */
    public void checkpoint() {
        if (!h2) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new StoreException("Checkpoint failed", e);
        }
    }

    @Override
    public void close() {
        if (h2) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException ignored) {
                // already closed: nothing to flush
            }
        }
        dataSource.close();
    }
}
