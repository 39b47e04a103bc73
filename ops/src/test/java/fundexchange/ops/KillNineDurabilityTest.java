package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * CONTRACTS.md 9: runs {@code exchange serve} as a child process under a stream of signed writes, kills it with
 * SIGKILL at random moments, restarts it, and requires every request that got a 2xx to have its outcome afterwards,
 * exactly once.
 */
class KillNineDurabilityTest {
    private static final int KILLS = 20;

    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();

    @TempDir
    Path work;

    private final Clock clock = Clock.systemUTC();
    private final KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair regulator = KeyMaterial.generate(SignatureAlgorithm.ED25519);

    @Test
    void everyAcknowledgedWriteSurvivesKillNineExactlyOnce() throws Exception {
        Path data = work.resolve("data");
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulator.getPublic())), clock);
        int port = freePort();
        Participant staff = new Participant(URI.create("http://localhost:" + port), "Staff-01", "Staff-01-k1", staff1, clock, "dur");
        Random random = new Random(20261126L);
        java.util.Set<String> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        for (int round = 0; round < KILLS; round++) {
            Process child = serve(data, port, round);
            awaitReady(staff, child);
            java.util.concurrent.atomic.AtomicBoolean alive = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread writer = new Thread(() -> write(staff, next, acknowledged, alive), "writer-" + round);
            writer.start();
            Thread.sleep(100 + random.nextInt(1500));
            child.destroyForcibly().waitFor();
            alive.set(false);
            writer.join();
        }
        Process last = serve(data, port, KILLS);
        try {
            awaitReady(staff, last);
            for (String requestId : new TreeSet<>(acknowledged)) {
                Participant.Reply outcome = staff.get("/requests/" + requestId);
                assertEquals(200, outcome.status(), requestId + " was acknowledged but is unknown after restarts");
                assertEquals("ACCEPTED", outcome.body().path("outcome").path("status").asText(), requestId);
            }
        } finally {
            last.destroy();
            last.waitFor();
        }
        TreeMap<String, Integer> decided = new TreeMap<>();
        try (Journals journals = Journals.open(data); Journals.TypedReader<EventDocument> reader = journals.eventReader()) {
            Optional<JournalEntry<EventDocument>> entry;
            while ((entry = reader.next()).isPresent()) {
                EventDocument doc = entry.get().value();
                if (doc.clientRequestId() != null && doc.outcome().status() == OutcomeStatus.ACCEPTED) {
                    decided.merge(doc.clientRequestId(), 1, Integer::sum);
                }
            }
        }
        assertTrue(acknowledged.size() > KILLS, "the stream wrote during every life: " + acknowledged.size());
        List<String> lostOrDoubled = new ArrayList<>();
        for (String requestId : acknowledged) {
            if (decided.getOrDefault(requestId, 0) != 1) {
                lostOrDoubled.add(requestId + "=" + decided.getOrDefault(requestId, 0));
            }
        }
        assertEquals(List.of(), lostOrDoubled);
        assertTrue(decided.values().stream().allMatch(count -> count == 1), "no request took effect twice");
    }

    /** Writes until the connection is lost; a request counts as acknowledged only on a 2xx. */
    private static void write(Participant staff, java.util.concurrent.atomic.AtomicInteger next,
                              java.util.Set<String> acknowledged, java.util.concurrent.atomic.AtomicBoolean alive) {
        while (alive.get()) {
            int n = next.getAndIncrement();
            String requestId = "w-" + n;
            String body = ("{\"participantId\":\"Investor-%05d\",\"name\":\"Demo Investor %d\",\"participantType\":\"INSTITUTION\","
                    + "\"roles\":[\"INVESTOR\"]}").formatted(n, n);
            try {
                int status = staff.post("/participants", body, requestId).status();
                if (status == 200 || status == 202) {
                    acknowledged.add(requestId);
                }
            } catch (IllegalStateException connectionLost) {
                return;
            }
        }
    }

    private Process serve(Path data, int port, int round) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(System.getProperty("fundexchange.jvm.flags", "").trim().split("\\s+")));
        command.removeIf(String::isEmpty);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ExchangeCommand.class.getName(),
                "serve", "--data-dir", data.toString(), "--port", Integer.toString(port), "--management-port", "0",
                "--db-url", DB.url(), "--db-user", DB.user(), "--db-password", DB.password()));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("serve-" + round + ".log").toFile())
                .start();
    }

    private static void awaitReady(Participant staff, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "serve exited early");
            try {
                if (staff.get("/engine/state").status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not become ready");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
