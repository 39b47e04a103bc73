package fundexchange.testsupport;

import fundexchange.engine.Engine;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.GenesisParticipant;
import fundexchange.protocol.reference.Role;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Both journals of a data directory, written as the sequencer and the engine runner write them: each command record,
 * then the document an {@link Engine} makes of it. For fixtures and benchmarks: requests carry a placeholder signature
 * (the engine verifies none; the gateway does), and {@link #key} makes public keys that sign nothing. Single-threaded.
 */
public final class JournalWriter implements AutoCloseable {
    private final Engine engine;
    private final Journals journals;
    private final ChronicleJournal.Writer commands;
    private final ChronicleJournal.Writer events;
    private final JournalEncoding encoding;
    private long index;

    /** Writes JSON documents, as every node writes today. */
    public JournalWriter(Path dataDirectory, Engine engine) {
        this(dataDirectory, engine, JournalEncoding.JSON);
    }

    /** Writes documents in {@code encoding} (binary for tests of binary and mixed journals). */
    public JournalWriter(Path dataDirectory, Engine engine, JournalEncoding encoding) {
        this.engine = engine;
        this.encoding = encoding;
        this.journals = Journals.open(dataDirectory);
        this.commands = journals.commands().writer();
        this.events = journals.events().writer();
    }

    public Journals journals() {
        return journals;
    }

    /** The index of the last document written; 0 before the first. */
    public long lastIndex() {
        return index;
    }

    /** The engine decides the record; the record and its document are appended. */
    public EventDocument submit(CommandRecord record) {
        EventDocument document = engine.apply(record);
        append(record, document);
        return document;
    }

    /** Appends a pair as given, bypassing the engine (to plant a document the engine would never write). */
    public void append(CommandRecord record, EventDocument document) {
        commands.append(JournalDocuments.encode(record, encoding));
        events.append(JournalDocuments.encode(document, encoding));
        index = record.index();
    }

    /** Appends a command record and its document as raw JSON (types the engine does not know) at the next index. */
    public void appendRaw(String commandRecord, String eventDocument) {
        commands.append(commandRecord.getBytes(StandardCharsets.UTF_8));
        events.append(eventDocument.getBytes(StandardCharsets.UTF_8));
        index++;
    }

    /** Appends a command record only, as the sequencer does before the engine has decided it. */
    public void appendCommand(CommandRecord record) {
        commands.append(JournalDocuments.encode(record, encoding));
    }

    /** The engine decides a record {@link #appendCommand} appended; its document is appended. */
    public EventDocument decide(CommandRecord record) {
        EventDocument document = engine.apply(record);
        events.append(JournalDocuments.encode(document, encoding));
        index = record.index();
        return document;
    }

    /**
     * A POST of {@code command} to {@code path} by {@code participant} with its key {@code <participant>-k1}, as its
     * client would send it, but with {@code signature} in place of a real one.
     */
    public static SignedRequest request(String participant, String signature, long time, String clientRequestId,
                                        String path, Command command) {
        String body = new String(JournalCodec.write(command), StandardCharsets.UTF_8);
        return new SignedRequest(participant, participant + "-k1", "ED25519", signature, time, clientRequestId, "POST",
                path, "", sha256(body), body);
    }

    /**
     * The genesis of the exchange key {@code exchange-k1}, staff Staff-01 to Staff-03 and Regulator-01, each with the
     * key {@code <id>-k1} whose public key {@code publicKey} gives for that key id, under the current rules version
     * with the State Council's published calendars (as {@code init} writes it: from rules version 6 a trade's
     * settlement deadline counts business days of the calendar).
     */
    public static Genesis genesis(UnaryOperator<String> publicKey) {
        return new Genesis("exchange-k1", "ED25519", publicKey.apply("exchange-k1"), List.of(
                founder("Staff-01", "Staff One", Role.STAFF, publicKey),
                founder("Staff-02", "Staff Two", Role.STAFF, publicKey),
                founder("Staff-03", "Staff Three", Role.STAFF, publicKey),
                founder("Regulator-01", "Regulator", Role.REGULATOR, publicKey)), null, RulesVersion.CURRENT,
                fundexchange.protocol.reference.OfficialCalendars.published().stream()
                        .map(c -> new fundexchange.protocol.command.YearCalendar(c.year(), c.holidays(), c.workdays()))
                        .toList());
    }

    private static GenesisParticipant founder(String id, String name, Role role, UnaryOperator<String> publicKey) {
        return new GenesisParticipant(id, name, role, id + "-k1", "ED25519", publicKey.apply(id + "-k1"));
    }

    /**
     * A well-formed Ed25519 SubjectPublicKeyInfo (Base64) of its own per {@code keyId}: the RFC 8410 prefix and the
     * SHA-256 of the key id (nothing here is signed, and the engine refuses a public key registered twice).
     */
    public static String key(String keyId) {
        byte[] der = new byte[44];
        System.arraycopy(HexFormat.of().parseHex("302a300506032b6570032100"), 0, der, 0, 12);
        System.arraycopy(digest(keyId.getBytes(StandardCharsets.UTF_8)), 0, der, 12, 32);
        return Base64.getEncoder().encodeToString(der);
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
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
