package fundexchange.bench;

import fundexchange.ops.ExchangeNode;
import fundexchange.registry.RegistryDatabase;
import fundexchange.registry.embedded.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The cached benchmark database: an embedded PostgreSQL under the cache directory whose {@code audit_records} holds
 * the synthetic rows of {@link SyntheticAuditRows}, loaded once with COPY, indexed, vacuumed and analysed. A marker
 * file names what was built; a different request, or a schema Flyway refuses, rebuilds it. Each run first empties
 * everything a real exchange writes (every other table, and audit records below the synthetic indices).
 */
final class AuditFixture implements AutoCloseable {
    /** What the fixture holds. */
    record Spec(long rows, long dayRows, LocalDate day, int sideDays) {
        String marker() {
            return "audit-query fixture v1 rows=" + rows + " dayRows=" + dayRows + " day=" + day + " sideDays=" + sideDays
                    + " base=" + SyntheticAuditRows.BASE_INDEX + "\n";
        }
    }

    private static final int COPY_BUFFER = 4 << 20;
    private static final int MAX_ROW_BYTES = 1024;
    private final EmbeddedDatabase database;
    private final DataSource dataSource;

    private AuditFixture(EmbeddedDatabase database) {
        this.database = database;
        this.dataSource = RegistryDatabase.dataSource(database.jdbcUrl(), database.user(), database.password());
    }

    /** Opens the cached fixture, building it first when missing, different or {@code rebuild}. */
    static AuditFixture open(Path cacheDirectory, Spec spec, boolean rebuild, PrintStream out) {
        Path marker = cacheDirectory.resolve("fixture.txt");
        if (!rebuild && spec.marker().equals(read(marker))) {
            AuditFixture cached = new AuditFixture(EmbeddedDatabase.start(cacheDirectory.resolve("pg")));
            try {
                RegistryDatabase.migrate(cached.dataSource);
                out.println("fixture: reusing " + cacheDirectory.resolve("pg"));
                return cached;
            } catch (FlywayException e) {
                out.println("fixture: schema out of date (" + e.getMessage().lines().findFirst().orElse("") + "); rebuilding");
                cached.close();
            }
        }
        fundexchange.ops.Directories.deleteRecursively(marker);
        fundexchange.ops.Directories.deleteRecursively(cacheDirectory.resolve("pg"));
        out.println("fixture: building in " + cacheDirectory.resolve("pg") + " (once; later runs reuse it)");
        AuditFixture fresh = new AuditFixture(EmbeddedDatabase.start(cacheDirectory.resolve("pg")));
        try {
            RegistryDatabase.migrate(fresh.dataSource);
            long started = System.nanoTime();
            fresh.load(spec, out);
            out.printf("fixture: built in %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
            Files.createDirectories(cacheDirectory);
            Files.writeString(marker, spec.marker());
            return fresh;
        } catch (IOException e) {
            fresh.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
    }

    ExchangeNode.Database database() {
        return new ExchangeNode.Database(database.jdbcUrl(), database.user(), database.password());
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** A JDBC URL of another database on the same server. */
    String jdbcUrl(String databaseName) {
        return database.jdbcUrl().replaceFirst("/postgres$", "/" + databaseName);
    }

    /** COPY without the secondary indexes, then rebuild them as Flyway defined them, then VACUUM (FREEZE, ANALYZE). */
    private void load(Spec spec, PrintStream out) {
        SyntheticAuditRows rows = new SyntheticAuditRows(spec.rows(), spec.dayRows(), spec.day(), spec.sideDays());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> indexes = new ArrayList<>();
            try (ResultSet defined = statement.executeQuery("SELECT indexname, indexdef FROM pg_indexes"
                    + " WHERE tablename = 'audit_records' AND indexname <> 'audit_records_pk' ORDER BY indexname")) {
                while (defined.next()) {
                    indexes.add(defined.getString(2));
                    out.println("fixture: index " + defined.getString(1));
                }
            }
            for (String definition : indexes) {
                statement.execute("DROP INDEX " + definition.replaceFirst("^CREATE INDEX (\\S+) ON .*$", "$1"));
            }
            long copyStarted = System.nanoTime();
            copy(connection, rows, spec.rows(), out);
            out.printf("fixture: COPY of %,d rows took %d s%n", spec.rows(), (System.nanoTime() - copyStarted) / 1_000_000_000L);
            statement.execute("SET maintenance_work_mem = '512MB'");
            for (String definition : indexes) {
                long indexStarted = System.nanoTime();
                statement.execute(definition);
                out.printf("fixture: %s took %d s%n", definition, (System.nanoTime() - indexStarted) / 1_000_000_000L);
            }
            long vacuumStarted = System.nanoTime();
            statement.execute("VACUUM (FREEZE, ANALYZE) audit_records");
            out.printf("fixture: VACUUM (FREEZE, ANALYZE) took %d s%n", (System.nanoTime() - vacuumStarted) / 1_000_000_000L);
        } catch (SQLException e) {
            throw new IllegalStateException("fixture load failed: " + e.getMessage(), e);
        }
    }

    private static void copy(Connection connection, SyntheticAuditRows rows, long count, PrintStream out) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY audit_records (source_index, time_ms,"
                + " participant, client_request_id, command_type, fund_code, outcome, reject_code, command_digest,"
                + " event_digest, link) FROM STDIN");
        try {
            byte[] buffer = new byte[COPY_BUFFER];
            int length = 0;
            for (long offset = 0; offset < count; offset++) {
                if (length > COPY_BUFFER - MAX_ROW_BYTES) {
                    copy.writeToCopy(buffer, 0, length);
                    length = 0;
                }
                length = rows.write(offset, buffer, length);
                if ((offset + 1) % 1_000_000 == 0) {
                    out.printf("fixture: %,d rows sent%n", offset + 1);
                }
            }
            copy.writeToCopy(buffer, 0, length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Empties what a previous run's exchange wrote: every other table, and the real audit records. */
    void resetExchangeState() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = statement.executeQuery("SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname"
                    + " = current_schema() AND tablename NOT IN ('audit_records', 'flyway_schema_history')")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            statement.execute("TRUNCATE " + String.join(", ", tables));
            if (statement.executeUpdate("DELETE FROM audit_records WHERE source_index < " + SyntheticAuditRows.BASE_INDEX) > 0) {
                statement.execute("VACUUM audit_records");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("fixture reset failed: " + e.getMessage(), e);
        }
    }

    /** One line per relation: rows and sizes. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet sizes = statement.executeQuery("SELECT c.relname, c.reltuples::bigint,"
                     + " pg_size_pretty(pg_total_relation_size(c.oid)) FROM pg_class c"
                     + " WHERE c.relname LIKE 'audit_records%' ORDER BY c.relkind DESC, c.relname")) {
            while (sizes.next()) {
                lines.add(String.format("%-30s ~%,d rows  %s", sizes.getString(1), sizes.getLong(2), sizes.getString(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return lines;
    }

    private static String read(Path marker) {
        try {
            return Files.exists(marker) ? Files.readString(marker) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    @Override
    public void close() {
        database.close();
    }
}
