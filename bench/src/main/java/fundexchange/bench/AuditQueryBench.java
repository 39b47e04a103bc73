package fundexchange.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.GenesisWriter;
import fundexchange.ops.Participant;
import fundexchange.registry.RegistryDatabase;
import fundexchange.registry.audit.AuditTailer;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.TestCalendars;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run audit-query}: (1) a one-day {@code GET /audit/records} over signed HTTP, as the regulator, on a
 * real exchange node whose registry is the cached fixture of {@link AuditFixture}: the first page of 1,000 records
 * with the exact total; (2) the audit tailer's throughput linking a fresh journal into an empty database.
 */
@Command(name = "audit-query", mixinStandardHelpOptions = true,
        description = "Times the regulator's one-day audit query on a cached 10 M-record fixture, and the audit chain tailer.")
public final class AuditQueryBench implements Callable<Integer> {
    private static final String CHAIN_DATABASE = "audit_chain_bench";
    private static final int PAGE = 1000;

    @Option(names = "--cache-dir", defaultValue = "bench/.cache/audit-query", description = "fixture cache (default: ${DEFAULT-VALUE})")
    Path cacheDirectory;
    @Option(names = "--rows", defaultValue = "10000000", description = "synthetic audit records (default: ${DEFAULT-VALUE})")
    long rows;
    @Option(names = "--day-rows", defaultValue = "1200000", description = "of which in the queried day (default: ${DEFAULT-VALUE})")
    long dayRows;
    @Option(names = "--day", defaultValue = "2026-03-02", description = "the queried UTC day (default: ${DEFAULT-VALUE})")
    LocalDate day;
    @Option(names = "--side-days", defaultValue = "10", description = "days before and after it (default: ${DEFAULT-VALUE})")
    int sideDays;
    @Option(names = "--warmup", defaultValue = "5", description = "untimed queries first (default: ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--runs", defaultValue = "15", description = "timed queries (default: ${DEFAULT-VALUE})")
    int runs;
    @Option(names = "--chain-records", defaultValue = "200000", description = "journal records to link (default: ${DEFAULT-VALUE})")
    long chainRecords;
    @Option(names = "--rebuild", description = "rebuild the fixture even when cached")
    boolean rebuild;
    @Option(names = "--explain", description = "print PostgreSQL's plans for the day query's two statements")
    boolean explain;
    @Option(names = "--chain-only", description = "measure only the audit chain tailer (no fixture query)")
    boolean chainOnly;

    private final PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        out.printf("machine: %d cores, JDK %s (%s), %s %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version(), System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
        AuditFixture.Spec spec = new AuditFixture.Spec(rows, dayRows, day, sideDays);
        SyntheticAuditRows synthetic = new SyntheticAuditRows(rows, dayRows, day, sideDays);
        out.printf("fixture: %,d audit records from index %,d; %,d in %s (UTC), %,d on each of %d days before and after%n",
                rows, SyntheticAuditRows.BASE_INDEX, dayRows, day, synthetic.sideDayRows(), sideDays);
        out.println("fixture: " + SyntheticAuditRows.PARTICIPANTS + " investors and holders (Investor-0042), "
                + SyntheticAuditRows.FUNDS + " funds (DEMO-F07); " + SyntheticAuditRows.mix());
        try (AuditFixture fixture = AuditFixture.open(cacheDirectory, spec, rebuild, out)) {
            fixture.resetExchangeState();
            fixture.describe().forEach(line -> out.println("fixture: " + line));
            if (explain) {
                explain(fixture.dataSource());
            }
            if (!chainOnly) {
                dayQuery(fixture);
            }
            chainThroughput(fixture);
        }
        return 0;
    }

    private long dayStartMs() {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private long dayEndMs() {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private void dayQuery(AuditFixture fixture) throws IOException {
        Clock clock = Clock.systemUTC();
        KeyPair regulatorKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        Path data = Files.createTempDirectory("audit-query-bench");
        try {
            GenesisWriter.write(data, List.of(
                    new GenesisWriter.Founder("Staff-01", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                    new GenesisWriter.Founder("Staff-02", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                    new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                    new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulatorKeys.getPublic())), clock,
                    SignatureAlgorithm.ED25519, TestCalendars.unpublishedYearsFrom(clock.instant()));
            try (ExchangeNode node = ExchangeNode.start(data, Optional.of(fixture.database()),
                    GatewayConfig.DEFAULTS.withPort(0), clock)) {
                Participant regulator = new Participant(URI.create("http://localhost:" + node.port()), "Regulator-01",
                        "Regulator-01-k1", regulatorKeys, clock, "bench");
                String query = "/audit/records?from=" + Instant.ofEpochMilli(dayStartMs()) + "&to="
                        + Instant.ofEpochMilli(dayEndMs()) + "&limit=" + PAGE;
                out.println("query: GET " + query + " (signed, as Regulator-01)");
                for (int i = 0; i < warmup; i++) {
                    check(regulator.get(query));
                }
                Timings timings = new Timings();
                for (int i = 0; i < runs; i++) {
                    long started = System.nanoTime();
                    Participant.Reply reply = regulator.get(query);
                    timings.add(System.nanoTime() - started);
                    check(reply);
                }
                out.printf("query: %d warm-up + %d timed runs: min %.1f ms, median %.1f ms, max %.1f ms%n",
                        warmup, runs, timings.min(), timings.median(), timings.max());
                out.printf("RESULT audit.day.query %d ms%n", Math.round(timings.median()));
            }
        } finally {
            fundexchange.ops.Directories.deleteRecursively(data);
        }
    }

    /** The page must be the day's first 1,000 records with the exact total. */
    private void check(Participant.Reply reply) {
        JsonNode body = reply.ok().body();
        long first = SyntheticAuditRows.BASE_INDEX + (rows - dayRows) / 2; // the days before hold half the rest
        if (body.path("total").asLong() != dayRows || body.path("records").size() != Math.min(PAGE, dayRows)
                || body.path("records").path(0).path("sourceIndex").asLong() != first) {
            throw new IllegalStateException("unexpected answer: total " + body.path("total") + ", "
                    + body.path("records").size() + " records from " + body.path("records").path(0).path("sourceIndex"));
        }
    }

    private void chainThroughput(AuditFixture fixture) throws IOException, SQLException {
        Path data = Files.createTempDirectory("audit-chain-bench");
        try (ChainJournalWriter writer = new ChainJournalWriter(data, System.currentTimeMillis())) {
            long started = System.nanoTime();
            long written = writer.write(chainRecords);
            out.printf("chain: journal of %,d command records and event documents written with the engine in %d ms%n",
                    written, (System.nanoTime() - started) / 1_000_000);
            out.println("chain: mix " + writer.mix());
            DataSource empty = emptyDatabase(fixture);
            try (AuditTailer tailer = new AuditTailer(writer.journals(), empty)) {
                long linkStarted = System.nanoTime();
                long linked = tailer.catchUp();
                long nanos = System.nanoTime() - linkStarted;
                if (linked != written) {
                    throw new IllegalStateException("linked " + linked + " of " + written);
                }
                out.printf("chain: a fresh AuditTailer.catchUp() linked %,d records (audit_links + audit_records) in %d ms%n",
                        linked, nanos / 1_000_000);
                out.printf("RESULT audit.chain.throughput %d records/s%n", Math.round(linked * 1e9 / nanos));
            }
        } finally {
            fundexchange.ops.Directories.deleteRecursively(data);
        }
    }

    private static DataSource emptyDatabase(AuditFixture fixture) throws SQLException {
        try (Connection connection = fixture.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + CHAIN_DATABASE);
            statement.execute("CREATE DATABASE " + CHAIN_DATABASE);
        }
        ExchangeNode.Database server = fixture.database();
        DataSource dataSource = RegistryDatabase.dataSource(fixture.jdbcUrl(CHAIN_DATABASE), server.user(), server.password());
        RegistryDatabase.migrate(dataSource);
        return dataSource;
    }

    /** The plans of the statements {@code AuditQueries} issues for the day query (count and bounds, then the page). */
    private void explain(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            long[] extent = new long[2];
            try (PreparedStatement bounds = connection.prepareStatement(
                    "SELECT min(source_index), max(source_index) FROM audit_records WHERE time_ms >= ? AND time_ms < ?")) {
                bounds.setLong(1, dayStartMs());
                bounds.setLong(2, dayEndMs());
                try (ResultSet row = bounds.executeQuery()) {
                    row.next();
                    extent[0] = row.getLong(1);
                    extent[1] = row.getLong(2);
                }
            }
            plan(connection, "EXPLAIN (ANALYZE, BUFFERS) SELECT count(*), min(source_index), max(source_index)"
                    + " FROM audit_records WHERE time_ms >= " + dayStartMs() + " AND time_ms < " + dayEndMs());
            plan(connection, "EXPLAIN (ANALYZE, BUFFERS) SELECT * FROM audit_records WHERE time_ms >= " + dayStartMs()
                    + " AND time_ms < " + dayEndMs() + " AND source_index BETWEEN " + extent[0] + " AND " + extent[1]
                    + " ORDER BY source_index LIMIT " + PAGE);
        }
    }

    private void plan(Connection connection, String sql) throws SQLException {
        out.println("explain: " + sql);
        try (Statement statement = connection.createStatement(); ResultSet lines = statement.executeQuery(sql)) {
            while (lines.next()) {
                out.println("explain:   " + lines.getString(1));
            }
        }
    }

}
