package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, snapshots are optional: with an unwritable snapshot directory and {@code --snapshot-every=20}, every write
 * is still acknowledged (the engine never halts), {@code POST /ops/snapshot} answers 503 with code 170 and a message
 * of ours, never an exception's class name, and the failures are a metric.
 */
class SnapshotFailureSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    private static final Clock CLOCK = Clock.systemUTC();
    /** A Java class name (package.Class) or an exception's name, as a leaked {@code toString()} would show. */
    private static final Pattern JAVA_NAME = Pattern.compile("([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_]*|Exception|\\tat ");

    @TempDir
    Path data;

    @Test
    void writesGoOnWhenSnapshotsFailAndTheAnswerNamesNoJavaClass() throws Exception {
        KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic())),
                CLOCK);
        Files.writeString(data.resolve("snapshots"), "a file where the snapshot directory should be");
        try (ExchangeNode node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), CLOCK, new ExchangeNode.Options(ExchangeNode.CHECKPOINT_INTERVAL, 20))) {
            Participant staff = new Participant(URI.create("http://localhost:" + node.port()), "Staff-01", "Staff-01-k1", staff1,
                    CLOCK, "snap");
            List<Integer> statuses = new ArrayList<>();
            long stepped = node.journalIndex();
            for (int n = 1; n <= 40; n++) {
                statuses.add(staff.post("/participants", "{\"participantId\":\"Investor-" + n + "\",\"name\":\"Demo Investor " + n
                        + "\",\"participantType\":\"INSTITUTION\",\"roles\":[\"INVESTOR\"]}").status());
                for (long index = stepped + 1; index <= node.journalIndex(); index++) {
                    if (index % 20 == 0) { // step with the snapshotter: each periodic job ends before the next is marked
                        assertTrue(node.engine().awaitIndex(index, java.time.Duration.ofSeconds(30)));
                        assertEquals(index, node.engine().snapshotSettled(index).get(30, java.util.concurrent.TimeUnit.SECONDS));
                    }
                    stepped = index;
                }
            }
            assertEquals(java.util.Collections.nCopies(40, 200), statuses);
            long last = node.journalIndex();
            assertTrue(node.engine().awaitIndex(last, java.time.Duration.ofSeconds(30)));
            assertEquals(Optional.empty(), node.engine().failure());

            Participant.Reply refused = staff.post("/ops/snapshot", "{}");
            assertEquals(List.of(503, 170, "the snapshot at index " + last + " could not be written; trading goes on without it,"
                    + " and the node's log names the cause (a full disk or an unwritable snapshot directory)"),
                    List.of(refused.status(), refused.body().path("code").asInt(), refused.body().path("message").asText()));
            assertTrue(JAVA_NAME.matcher(refused.body().toString()).results().findAny().isEmpty(), refused.body()::toString);

            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + node.managementPort() + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(List.of("exchange_snapshot_behind_commands " + last, "exchange_snapshot_failures_total 3"),
                    metrics.lines().filter(l -> l.startsWith("exchange_snapshot_behind_commands")
                            || l.startsWith("exchange_snapshot_failures_total")).map(l -> l.replaceFirst("\\{[^}]*\\}", "").replaceFirst("\\.0$", "")).sorted().toList(),
                    metrics);
            assertEquals(java.util.Map.of("clock_jump", 0.0, "registry_db_waiting", 0.0, "snapshot_failing", 1.0,
                            "snapshotter_halted", 0.0),
                    PrometheusText.parse(metrics).named("exchange_alarm_raised").stream().collect(java.util.stream.Collectors
                            .toMap(sample -> sample.labels().get("alarm"), PrometheusText.Sample::value)), metrics);
            assertEquals(200, staff.post("/participants", "{\"participantId\":\"Investor-41\",\"name\":\"Demo Investor 41\","
                    + "\"participantType\":\"INSTITUTION\",\"roles\":[\"INVESTOR\"]}").status());
        }
    }

    /**
     * A snapshot newer than the event journal (a power loss kept the forced snapshot and lost the journals' tail) is set
     * aside when the node starts, under its data directory's lock: renamed to {@code .orphan}, its bytes kept, and the
     * node starts by replaying the journal.
     */
    @Test
    void aSnapshotNewerThanTheEventJournalIsSetAsideWhenTheNodeStarts() throws Exception {
        KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic())),
                CLOCK);
        Path snapshots = Files.createDirectories(data.resolve("snapshots"));
        Path lost = Files.writeString(snapshots.resolve("snapshot-00000000000000000007.json"), "{\"from\":\"the lost tail\"}");
        try (ExchangeNode node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), CLOCK, new ExchangeNode.Options(ExchangeNode.CHECKPOINT_INTERVAL, 0))) {
            assertEquals(Optional.empty(), node.engine().failure());
        }
        try (java.util.stream.Stream<Path> left = Files.list(snapshots)) {
            assertEquals(List.of(lost.getFileName() + ".orphan"), left.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals("{\"from\":\"the lost tail\"}", Files.readString(snapshots.resolve(lost.getFileName() + ".orphan")));
    }
}
