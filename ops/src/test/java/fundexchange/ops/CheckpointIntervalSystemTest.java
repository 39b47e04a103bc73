package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.audit.bundle.AuditBundleVerifier;
import fundexchange.audit.bundle.VerificationReport;
import fundexchange.protocol.command.Checkpoint;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.protocol.CommandRecord;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CheckpointIntervalSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    /** A hang guard only: every wait below is for an event the node reports, not for time to pass. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path data;

    @Test
    void theExchangeCheckpointsItsAuditChainOnItsConfiguredIntervalWithAnSm2Key() throws Exception {
        Clock clock = Clock.systemUTC();
        KeyPair staff = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair regulator = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        TestGenesis.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulator.getPublic())), clock,
                SignatureAlgorithm.SM2_SM3);
        try (ExchangeNode node = ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), clock, Duration.ofMillis(300))) {
            URI exchange = URI.create("http://localhost:" + node.port());
            Participant reg = new Participant(exchange, "Regulator-01", "Regulator-01-k1", regulator, clock, "cp");
            // The interval fires until a run finds the audit chain linked and checkpoints it.
            long runs = 0;
            while (checkpoints(node.journals(), Long.MAX_VALUE).isEmpty()) {
                assertTrue(node.awaitCheckpointRuns(++runs, GUARD), "the checkpoint interval fired " + (runs - 1) + " times");
            }
            long checkpoint = checkpoints(node.journals(), Long.MAX_VALUE).getFirst();
            // Two more runs: the one that checkpointed is done, and at least one began after it, with nothing new.
            runs = node.checkpointRuns();
            assertTrue(node.awaitCheckpointRuns(runs + 2, GUARD), "the checkpoint interval stopped firing");
            assertEquals(1, reg.get("/audit/checkpoints").ok().body().path("checkpoints").size());
            Path file = data.resolveSibling("sm2-bundle.jsonl");
            Files.writeString(file, reg.raw("/audit/bundle?toIndex=" + checkpoint).body());
            VerificationReport report = AuditBundleVerifier.verify(file);
            assertTrue(report.valid() && report.checkpointsVerified() == 1, "an SM2 exchange key signs checkpoints: " + report.message());
            // A later command: every run before it is journaled before it, and none checkpointed the checkpoint.
            long later = new Participant(exchange, "Staff-01", "Staff-01-k1", staff, clock, "cp").post("/participants",
                    "{\"participantId\":\"Investor-01\",\"name\":\"Demo Investor One\",\"participantType\":\"INSTITUTION\","
                            + "\"roles\":[\"INVESTOR\"]}").ok().sourceIndex();
            assertTrue(later > checkpoint, "the later command's index " + later);
            assertEquals(List.of(checkpoint), checkpoints(node.journals(), later),
                    "an idle exchange does not checkpoint its own checkpoints: the checkpoints journaled up to index " + later);
        }
    }

    /** The indices of the Checkpoint commands in the command journal up to {@code toIndex}. */
    private static List<Long> checkpoints(Journals journals, long toIndex) {
        List<Long> indices = new ArrayList<>();
        try (Journals.TypedReader<CommandRecord> reader = journals.commandReader()) {
            Optional<JournalEntry<CommandRecord>> next;
            while ((next = reader.next()).isPresent() && next.get().value().index() <= toIndex) {
                if (next.get().value().command() instanceof Checkpoint) {
                    indices.add(next.get().value().index());
                }
            }
        }
        return indices;
    }
}
