package fundexchange.audit.report;

import fundexchange.engine.Engine;
import fundexchange.journal.JournalEncoding;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.testsupport.JournalWriter;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes both journals as the sequencer and the engine runner would ({@link JournalWriter}), at a time the test sets,
 * each request with a client request id of its own. Signatures are placeholders (the gateway verifies them, not the
 * engine).
 */
public final class JournalFixture implements AutoCloseable {
    /** The exchange's key in this journal. */
    public static final String KEY = key("exchange-k1");

    /** A public key of its own per {@code keyId} ({@link JournalWriter#key}). */
    public static String key(String keyId) {
        return JournalWriter.key(keyId);
    }

    private final JournalWriter writer;
    private long time;
    private int requests;

    public JournalFixture(Path dataDirectory) {
        this(dataDirectory, JournalEncoding.JSON);
    }

    /** Writes documents in {@code encoding}. */
    public JournalFixture(Path dataDirectory, JournalEncoding encoding) {
        writer = new JournalWriter(dataDirectory, new Engine(), encoding);
    }

    public Journals journals() {
        return writer.journals();
    }

    public JournalFixture at(String instant) {
        time = Instant.parse(instant).toEpochMilli();
        return this;
    }

    public long time() {
        return time;
    }

    public EventDocument genesis() {
        return unsigned(JournalWriter.genesis(JournalFixture::key));
    }

    public EventDocument unsigned(Command command) {
        return writer.submit(CommandRecord.unsigned(writer.lastIndex() + 1, time, command));
    }

    public EventDocument by(String participant, Command command) {
        return by(participant, "req-" + (++requests), command);
    }

    public EventDocument by(String participant, String clientRequestId, Command command) {
        SignedRequest request = JournalWriter.request(participant, "c2ln", time, clientRequestId, "/commands", command);
        return writer.submit(CommandRecord.signed(writer.lastIndex() + 1, time, request, command));
    }

    /** Staff-01 proposes, Staff-02 approves; returns the approval's document. */
    public EventDocument approved(SensitiveAction action) {
        EventDocument proposal = by("Staff-01", new Propose(action));
        return by("Staff-02", new ApproveProposal(proposal.sourceIndex()));
    }

    /** Appends a command record and its document as raw JSON, for types the engine does not know yet. */
    void raw(String commandRecord, String eventDocument) {
        writer.appendRaw(commandRecord, eventDocument);
    }

    @Override
    public void close() {
        writer.close();
    }
}
