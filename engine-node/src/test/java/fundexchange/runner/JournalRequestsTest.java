package fundexchange.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.engine.Engine;
import fundexchange.engine.JournaledRequests;
import fundexchange.protocol.RejectCode;
import fundexchange.engine.RequestMemoryKey;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.SignedRequest;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The idempotency memory keeps no id, digest or outcome: a repeat is confirmed against, and answered from, the
 * Chronicle journals at the index the memory points at, live and after a restart from a snapshot.
 */
class JournalRequestsTest {
    private static final long T = 1_795_000_000_000L;

    @TempDir
    Path data;

    private static String key(int n) {
        byte[] der = new byte[44];
        System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
        der[43] = (byte) n;
        return Base64.getEncoder().encodeToString(der);
    }

    private static CommandRecord genesis() {
        return CommandRecord.unsigned(1, T, new Genesis("exchange-k1", "ED25519", key(0), List.of(
                new GenesisParticipant("Staff-01", "Staff One", Role.STAFF, "Staff-01-k1", "ED25519", key(1)),
                new GenesisParticipant("Staff-02", "Staff Two", Role.STAFF, "Staff-02-k1", "ED25519", key(2)),
                new GenesisParticipant("Staff-03", "Staff Three", Role.STAFF, "Staff-03-k1", "ED25519", key(3)),
                new GenesisParticipant("Regulator-01", "Regulator", Role.REGULATOR, "Regulator-01-k1", "ED25519", key(4))),
                RulesVersion.CURRENT));
    }

    private static CommandRecord register(long index, String clientRequestId, String participant) {
        Command command = new RegisterParticipant(participant, "Demo " + participant, ParticipantType.INSTITUTION,
                List.of(Role.INVESTOR));
        String body = new String(JournalCodec.write(command), java.nio.charset.StandardCharsets.UTF_8);
        SignedRequest request = new SignedRequest("Staff-01", "Staff-01-k1", "ED25519", "c2ln", T, clientRequestId,
                "POST", "/participants", "", "digest-of-" + body.hashCode(), body);
        return CommandRecord.signed(index, T, request, command);
    }

    /** Journals each record as the sequencer and the runner would, the engine reading the same journals. */
    private static List<EventDocument> journal(Journals journals, Engine engine, List<CommandRecord> records) {
        List<EventDocument> documents = new ArrayList<>();
        try (ChronicleJournal.Writer commands = journals.commands().writer();
             ChronicleJournal.Writer events = journals.events().writer()) {
            for (CommandRecord record : records) {
                commands.append(JournalCodec.write(record));
                EventDocument document = engine.apply(record);
                events.append(JournalCodec.write(document));
                documents.add(document);
            }
        }
        return documents;
    }

    @Test
    void aRepeatIsConfirmedAgainstTheJournalsAndAnsweredWithTheOriginalsOutcome() {
        try (Journals journals = Journals.open(data); JournalRequests journaled = new JournalRequests(journals)) {
            Engine engine = new Engine(journaled, new RequestMemoryKey(3, 5));
            List<CommandRecord> records = List.of(genesis(), register(2, "r1", "Investor-1"), register(3, "r2", "Investor-2"),
                    register(4, "r1", "Investor-1"), register(5, "r1", "Investor-9"));
            List<EventDocument> documents = journal(journals, engine, records);
            assertEquals(List.of(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.ACCEPTED.asDuplicateOf(2),
                            Outcome.rejected(RejectCode.DUPLICATE_REQUEST_DIFFERENT_BODY.code(), "DUPLICATE_REQUEST_DIFFERENT_BODY",
                                    "clientRequestId r1 was used with a different body")),
                    documents.subList(1, 5).stream().map(EventDocument::outcome).toList());
            assertEquals(List.of(JournaledRequests.JournaledRequest.of(records.get(1), documents.get(1)),
                            JournaledRequests.JournaledRequest.of(records.get(2), documents.get(2))),
                    List.of(journaled.at(2), journaled.at(3)));
            assertEquals("the command at index 1 is not signed",
                    assertThrows(JournaledRequests.Unavailable.class, () -> journaled.at(1)).getMessage());
            assertEquals("the command journal holds no record 6",
                    assertThrows(JournaledRequests.Unavailable.class, () -> journaled.at(6)).getMessage());
        }
    }

    @Test
    void aRestartFromASnapshotReplaysARepeatOfAnIdJournaledBeforeTheSnapshot() {
        SnapshotStore snapshots = new SnapshotStore(data.resolve("snapshots"));
        try (Journals journals = Journals.open(data)) {
            try (JournalRequests journaled = new JournalRequests(journals)) {
                Engine engine = new Engine(journaled, new RequestMemoryKey(3, 5));
                journal(journals, engine, List.of(genesis(), register(2, "r1", "Investor-1"), register(3, "r2", "Investor-2")));
                snapshots.write(engine.snapshot());
                List<EventDocument> repeat = journal(journals, engine, List.of(register(4, "r1", "Investor-1")));
                assertEquals(Outcome.ACCEPTED.asDuplicateOf(2), repeat.getFirst().outcome());
            }
            try (EngineRunner runner = new EngineRunner(journals, snapshots, 0).start()) {
                runner.awaitReady(Duration.ofSeconds(30));
                assertEquals(4, runner.lastIndex(), "restored at 3, the repeat at 4 replayed and verified");
            }
        }
    }
}
