package io.planscore.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The raw PostgreSQL ceiling on the same server planscore uses: measurement-shaped rows inserted into a
 * scratch table of a scratch database, one row per autocommit transaction, and in JDBC batches of 500
 * (one transaction per batch, as measurements-service writes a chunk), and with {@code COPY FROM STDIN}, the
 * fastest way PostgreSQL takes rows.
 */
final class RawPostgresBenchmark {

    static final String DATABASE = "bench_scratch";
    private static final String USER = "postgres";
    private static final String BODY = "{\"note\":\"" + "x".repeat(400) + "\"}";

    private final String scratchUrl;
    private final Report report;
    private final double scale;

    /** {@code adminUrl}: a JDBC URL of any database of the server, used to create the scratch database. */
    RawPostgresBenchmark(String adminUrl, Report report, double scale) {
        this.scratchUrl = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + DATABASE;
        this.report = report;
        this.scale = scale;
        try (Connection c = DriverManager.getConnection(adminUrl, USER, "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the scratch database", e);
        }
    }

    void run() {
        try (Connection c = connect(false)) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_measurement");
                s.execute("""
                        CREATE TABLE bench_measurement (
                            event_id uuid PRIMARY KEY, plan_id text NOT NULL, indicator_id text NOT NULL,
                            period text NOT NULL, value numeric NOT NULL, unit text NOT NULL,
                            recorded_at timestamptz NOT NULL, body text NOT NULL)""");
                report.fact("PostgreSQL " + show(s, "server_version") + ": synchronous_commit=" + show(s, "synchronous_commit")
                        + ", fsync=" + show(s, "fsync") + ", shared_buffers=" + show(s, "shared_buffers")
                        + ", wal_level=" + show(s, "wal_level") + " (the embedded server's settings, as the services use it)");
            }
        } catch (SQLException e) {
            report.failed("PostgreSQL: creating the scratch table", e);
            return;
        }
        try {
            singleRows();
        } catch (Exception e) {
            report.failed("R4 PostgreSQL single-row inserts", e);
        }
        try {
            batches("R5", "PostgreSQL inserts, JDBC batch of 500, one transaction per batch", false);
        } catch (Exception e) {
            report.failed("R5 PostgreSQL batched inserts", e);
        }
        try {
            batches("R6", "same, with reWriteBatchedInserts=true", true);
        } catch (Exception e) {
            report.failed("R6 PostgreSQL batched inserts (rewritten)", e);
        }
        try {
            copy();
        } catch (Exception e) {
            report.failed("R7 PostgreSQL COPY", e);
        }
        try (Connection c = connect(false); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_measurement");
        } catch (SQLException e) {
            // scratch table: harmless
        }
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Connection connect(boolean rewrite) throws SQLException {
        return DriverManager.getConnection(scratchUrl + (rewrite ? "?reWriteBatchedInserts=true" : ""), USER, "");
    }

    private static final String INSERT = """
            INSERT INTO bench_measurement (event_id, plan_id, indicator_id, period, value, unit, recorded_at, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    private static void bind(PreparedStatement insert, long i) throws SQLException {
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, "plan-" + (i % 100));
        insert.setString(3, "G2-K1");
        insert.setString(4, String.format(Locale.ROOT, "2018-%02d", i % 12 + 1));
        insert.setBigDecimal(5, java.math.BigDecimal.valueOf(i % 100));
        insert.setString(6, "場");
        insert.setTimestamp(7, Timestamp.from(Instant.now()));
        insert.setString(8, BODY);
    }

    private void singleRows() throws SQLException {
        int warmUp = 500;
        int count = Math.max(1000, (int) (5000 * scale));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Samples samples = new Samples();
        try (Connection c = connect(false); PreparedStatement insert = c.prepareStatement(INSERT)) {
            c.setAutoCommit(true);
            for (int i = 0; i < warmUp; i++) {
                bind(insert, i);
                insert.executeUpdate();
            }
            long start = System.nanoTime();
            int done = 0;
            for (; done < count && System.nanoTime() < deadline; done++) {
                long t = System.nanoTime();
                bind(insert, done);
                insert.executeUpdate();
                samples.add(System.nanoTime() - t);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            report.add("R4", "PostgreSQL single-row INSERT, autocommit", done, seconds, done / seconds, "rows/s", samples,
                    "one connection, prepared statement, one transaction per row; after " + warmUp + " warm-up rows");
        }
    }

    private void batches(String id, String name, boolean rewrite) throws SQLException {
        int batchSize = 500;
        int warmUp = 4;
        int count = Math.max(20, (int) (200 * scale));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Samples samples = new Samples();
        try (Connection c = connect(rewrite); PreparedStatement insert = c.prepareStatement(INSERT)) {
            c.setAutoCommit(false);
            long row = 0;
            long start = 0;
            int done = 0;
            for (int b = 0; b < warmUp + count && System.nanoTime() < deadline; b++) {
                if (b == warmUp) {
                    start = System.nanoTime();
                }
                long t = System.nanoTime();
                for (int i = 0; i < batchSize; i++) {
                    bind(insert, row++);
                    insert.addBatch();
                }
                insert.executeBatch();
                c.commit();
                if (b >= warmUp) {
                    samples.add(System.nanoTime() - t);
                    done++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = (long) done * batchSize;
            report.add(id, name, rows, seconds, rows / seconds, "rows/s", samples,
                    "latency column = one batch of 500 + commit; " + done + " batches after " + warmUp + " warm-up");
        }
    }

    /** R7: the same rows streamed with {@code COPY … FROM STDIN} (text format), 10,000 rows per COPY and commit. */
    private void copy() throws SQLException, java.io.IOException {
        int rowsPerCopy = 10_000;
        int warmUp = 2;
        int count = Math.max(5, (int) (30 * scale));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Samples samples = new Samples();
        try (Connection c = connect(false)) {
            c.setAutoCommit(false);
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            long row = 0;
            long start = 0;
            int done = 0;
            for (int b = 0; b < warmUp + count && System.nanoTime() < deadline; b++) {
                StringBuilder text = new StringBuilder(rowsPerCopy * 520);
                String now = Instant.now().toString();
                for (int i = 0; i < rowsPerCopy; i++, row++) {
                    text.append(UUID.randomUUID()).append('\t').append("plan-").append(row % 100).append('\t')
                            .append("G2-K1\t").append(String.format(Locale.ROOT, "2018-%02d", row % 12 + 1)).append('\t')
                            .append(row % 100).append("\t場\t").append(now).append('\t').append(BODY).append('\n');
                }
                byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                if (b == warmUp) {
                    start = System.nanoTime();
                }
                long t = System.nanoTime();
                copy.copyIn("COPY bench_measurement (event_id, plan_id, indicator_id, period, value, unit, recorded_at, body)"
                        + " FROM STDIN", new java.io.ByteArrayInputStream(bytes));
                c.commit();
                if (b >= warmUp) {
                    samples.add(System.nanoTime() - t);
                    done++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long rows = (long) done * rowsPerCopy;
            report.add("R7", "PostgreSQL COPY FROM STDIN, 10,000 rows per COPY + commit", rows, seconds, rows / seconds,
                    "rows/s", samples, "latency column = one COPY of 10,000 rows + commit (rows built beforehand); "
                            + done + " COPYs after " + warmUp + " warm-up");
        }
    }
}
