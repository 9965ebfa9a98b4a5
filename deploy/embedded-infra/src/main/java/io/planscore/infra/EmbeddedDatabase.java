package io.planscore.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the zonky binaries (as root it runs itself under {@code unshare -U}).
 * One server holds one database per service, as in production.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a free port, for tests. */
    public static EmbeddedDatabase startTemporary() {
        try {
            return new EmbeddedDatabase(tuned(EmbeddedPostgres.builder()).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server whose data lives in {@code dataDir} across restarts, for the local run. */
    public static EmbeddedDatabase startPersistent(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            return new EmbeddedDatabase(tuned(EmbeddedPostgres.builder())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres.Builder tuned(EmbeddedPostgres.Builder builder) {
        // Room for four services' connection pools plus test clients.
        return builder.setServerConfig("max_connections", "300");
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates {@code name} unless it exists, and returns its JDBC URL. */
    public String ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return jdbcUrl(name);
    }

    /** Sets {@code user}'s password (the local run gives its services one, as production does). */
    public void setPassword(String user, String password) {
        if (!user.matches("[a-z_][a-z0-9_]*") || password.contains("'")) {
            throw new IllegalArgumentException("Not a plain user name or password");
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + user + " PASSWORD '" + password + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot set the password of " + user, e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
