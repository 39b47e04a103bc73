package fundexchange.audit.report;

import fundexchange.protocol.RulesVersion;
import fundexchange.engine.Engine;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.SignedRequest;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes both journals as the sequencer and the engine runner would: each command record, then the document a real
 * {@link Engine} makes of it. Signatures are placeholders (the gateway verifies them, not the engine).
 */
public final class JournalFixture implements AutoCloseable {
    /** The exchange's key in this journal. */
    public static final String KEY = key("exchange-k1");

    /**
     * A well-formed Ed25519 SubjectPublicKeyInfo (Base64) of its own per {@code keyId}: the RFC 8410 prefix and the
     * SHA-256 of the key id (nothing here is signed, and the engine refuses a public key registered twice).
     */
    public static String key(String keyId) {
        try {
            byte[] der = new byte[44];
            System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
            System.arraycopy(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(keyId.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, der, 12, 32);
            return Base64.getEncoder().encodeToString(der);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
    private final Journals journals;
    private final ChronicleJournal.Writer commands;
    private final ChronicleJournal.Writer events;
    private final Engine engine = new Engine();
    private long index;
    private long time;
    private int requests;

    public JournalFixture(Path dataDirectory) {
        journals = Journals.open(dataDirectory);
        commands = journals.commands().writer();
        events = journals.events().writer();
    }

    public Journals journals() {
        return journals;
    }

    public JournalFixture at(String instant) {
        time = Instant.parse(instant).toEpochMilli();
        return this;
    }

    public long time() {
        return time;
    }

    public EventDocument genesis() {
        return unsigned(new Genesis("exchange-k1", "ED25519", KEY, List.of(
                new GenesisParticipant("Staff-01", "Staff One", Role.STAFF, "Staff-01-k1", "ED25519", key("Staff-01-k1")),
                new GenesisParticipant("Staff-02", "Staff Two", Role.STAFF, "Staff-02-k1", "ED25519", key("Staff-02-k1")),
                new GenesisParticipant("Staff-03", "Staff Three", Role.STAFF, "Staff-03-k1", "ED25519", key("Staff-03-k1")),
                new GenesisParticipant("Regulator-01", "Regulator", Role.REGULATOR, "Regulator-01-k1", "ED25519", key("Regulator-01-k1"))), RulesVersion.CURRENT));
    }

    public EventDocument unsigned(Command command) {
        return apply(CommandRecord.unsigned(++index, time, command));
    }

    public EventDocument by(String participant, Command command) {
        return by(participant, "req-" + (++requests), command);
    }

    public EventDocument by(String participant, String clientRequestId, Command command) {
        String body = new String(JournalCodec.write(command), StandardCharsets.UTF_8);
        SignedRequest request = new SignedRequest(participant, participant + "-k1", "ED25519", "c2ln", time,
                clientRequestId, "POST", "/commands", "", sha256(body), body);
        return apply(CommandRecord.signed(++index, time, request, command));
    }

    /** Staff-01 proposes, Staff-02 approves; returns the approval's document. */
    public EventDocument approved(SensitiveAction action) {
        EventDocument proposal = by("Staff-01", new Propose(action));
        return by("Staff-02", new ApproveProposal(proposal.sourceIndex()));
    }

    /** Appends a command record and its document as raw JSON, for types the engine does not know yet. */
    void raw(String commandRecord, String eventDocument) {
        index++;
        commands.append(commandRecord.getBytes(StandardCharsets.UTF_8));
        events.append(eventDocument.getBytes(StandardCharsets.UTF_8));
    }

    private EventDocument apply(CommandRecord record) {
        commands.append(JournalCodec.write(record));
        EventDocument document = engine.apply(record);
        events.append(JournalCodec.write(document));
        return document;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        commands.close();
        events.close();
        journals.close();
    }
}
