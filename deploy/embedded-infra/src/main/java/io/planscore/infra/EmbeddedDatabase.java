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
import java.util.Optional;

/**
 * A real PostgreSQL server from the zonky binaries (as root it runs itself under {@code unshare -U}).
 * One server holds one database per service, as in production.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** A throw-away server on a free port, for tests; its data folder is deleted when it stops. */
    public static EmbeddedDatabase startTemporary() {
        try {
            Path dataDir = Files.createTempDirectory("planscore-postgres-");
            return started(tuned(EmbeddedPostgres.builder()).setDataDirectory(dataDir).setCleanDataDirectory(true),
                    dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server whose data lives in {@code dataDir} across restarts, for the local run. */
    public static EmbeddedDatabase startPersistent(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            return started(tuned(EmbeddedPostgres.builder())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts the server and makes sure the one answering on its port is it: zonky only waits until something
     * accepts connections there, so a server left running by another data folder would pass for it.
     */
    private static EmbeddedDatabase started(EmbeddedPostgres.Builder builder, Path dataDir) throws IOException {
        EmbeddedDatabase database = new EmbeddedDatabase(builder.start(), dataDir);
        String served = database.servedDataDirectory();
        if (!Path.of(served).toRealPath().equals(dataDir.toRealPath())) {
            database.close();
            throw new IllegalStateException("The PostgreSQL answering on port " + database.port() + " is not the one"
                    + " started on " + dataDir + ": it serves " + served + ". It did not start (see its log) and"
                    + " another server holds the port" + serverOf(Path.of(served))
                            .map(server -> " (pid " + server.pid() + ")").orElse("") + ".");
        }
        return database;
    }

    private String servedDataDirectory() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('data_directory')")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot ask PostgreSQL on port " + port() + " for its data folder", e);
        }
    }

    /**
     * The running postmaster of the data folder {@code dataDir}, as its {@code postmaster.pid} names it: PostgreSQL
     * runs in a session of its own and outlives a JVM that was killed before it could stop it.
     */
    public static Optional<ProcessHandle> serverOf(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.contains("postgres"))
                            .orElse(true));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** This server's postmaster process. */
    public Optional<ProcessHandle> serverProcess() {
        return serverOf(dataDir);
    }

    public Path dataDir() {
        return dataDir;
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
