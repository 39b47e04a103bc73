package fundexchange.ops.verify;

import fundexchange.documents.store.DocumentStore;
import fundexchange.protocol.event.DocumentRegistered;
import fundexchange.protocol.event.Event;
import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.audit.bundle.JournalAudit;
import fundexchange.engine.Engine;
import fundexchange.protocol.command.Checkpoint;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.chronicle.JournalFrames;
import fundexchange.journal.chronicle.Journals;
import fundexchange.runner.EngineRunner;
import fundexchange.runner.JournalRequests;
import fundexchange.runner.RequestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * {@code exchange verify}: one pass over a data directory's journals, index by index, that runs every check the
 * exchange has (docs/operations.md, Verify): the framing of every record ({@link JournalFrames}), the audit checks of
 * {@link JournalAudit} (documents decode, every command is what its owner signed, every signature with the keys as of
 * that index, the audit chain and every checkpoint), and replay through a fresh engine, whose document must equal the
 * recorded one byte for byte (so the last documents, which no checkpoint covers yet, are checked too). It stops at the
 * first bad index and names its {@link Kind}.
 */
public final class JournalVerifier {
    private final Path dataDirectory;
    private final boolean liveCopy;
    private final LongConsumer progress;
    private final List<String> notes = new ArrayList<>();
    private final JournalAudit audit = new JournalAudit();
    private long lastCheckpointed;
    private long documentDigests;

    private final DocumentStore documents;
    private long storedDocuments;

    private JournalVerifier(Path dataDirectory, boolean liveCopy, LongConsumer progress) {
        this.documents = DocumentStore.reader(dataDirectory);
        this.dataDirectory = dataDirectory;
        this.liveCopy = liveCopy;
        this.progress = progress;
    }

    /** The last command index the command journal holds (for a progress bar), 0 when it cannot tell. */
    public static long lastIndex(Path dataDirectory) {
        try (Journals journals = Journals.open(dataDirectory)) {
            return journals.lastCommand().map(CommandRecord::index).orElse(0L);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /**
     * Verifies the journals under {@code dataDirectory} (a stopped node's, or with {@code liveCopy} a copy of a running
     * one's, where commands the node had not applied yet are a note, not a failure), telling {@code progress} each
     * index verified.
     */
    public static Verdict verify(Path dataDirectory, boolean liveCopy, LongConsumer progress) {
        Path journal = dataDirectory.resolve("journal");
        if (!Files.isDirectory(journal.resolve("commands")) || !Files.isDirectory(journal.resolve("events"))) {
            throw new IllegalArgumentException(dataDirectory + " holds no command and event journals");
        }
        long started = System.nanoTime();
        JournalVerifier verifier = new JournalVerifier(dataDirectory, liveCopy, progress);
        Verification result = verifier.run();
        var report = verifier.audit.report();
        return new Verdict(result.failure(), result.verified(), report.signaturesVerified(), report.checkpointsVerified(),
                verifier.lastCheckpointed, verifier.audit.head(), verifier.notes, Duration.ofNanos(System.nanoTime() - started));
    }

    private record Verification(Optional<Failure> failure, long verified) {
    }

    private Verification run() {
        try (Journals journals = Journals.open(dataDirectory); JournalRequests journaled = new JournalRequests(journals);
             JournalFrames commands = JournalFrames.open(dataDirectory.resolve("journal").resolve("commands"));
             JournalFrames events = JournalFrames.open(dataDirectory.resolve("journal").resolve("events"))) {
            EngineRunner.requireRulesVersion(journals);
            Engine engine = new Engine(journaled, RequestKeys.fresh());
            for (long next = 1; ; next++) {
                long index = next;
                JournalFrames.Frame command = commands.next();
                JournalFrames.Frame event = events.next();
                Optional<Failure> framing = framing(index, "command", command).or(() -> framing(index, "event", event));
                if (framing.isPresent()) {
                    return new Verification(framing, index - 1);
                }
                if (command instanceof JournalFrames.End commandEnd) {
                    commandEnd.tornTail().ifPresent(torn -> notes.add("command journal / 指令日志: " + torn));
                    if (event instanceof JournalFrames.End eventEnd) {
                        eventEnd.tornTail().ifPresent(torn -> notes.add("event journal / 事件日志: " + torn));
                        commands.ignored().forEach(note -> notes.add("command journal / 指令日志: " + note));
                        events.ignored().forEach(note -> notes.add("event journal / 事件日志: " + note));
                        digestNote();
                        return new Verification(Optional.empty(), index - 1);
                    }
                    return new Verification(Optional.of(new Failure(index, Kind.EVENT, "the event journal runs ahead of"
                            + " the command journal: it holds a document for index " + index + ", which has no command"
                            + " (a copy of a running node must copy journal/events before journal/commands)")), index - 1);
                }
                byte[] commandBytes = ((JournalFrames.Document) command).bytes();
                if (event instanceof JournalFrames.End eventEnd) {
                    eventEnd.tornTail().ifPresent(torn -> notes.add("event journal / 事件日志: " + torn));
                    events.ignored().forEach(note -> notes.add("event journal / 事件日志: " + note));
                    return pending(index, commandBytes, commands);
                }
                byte[] eventBytes = ((JournalFrames.Document) event).bytes();
                Optional<Failure> failure = check(index, commandBytes, eventBytes, engine)
                        .or(() -> storedDocuments(index, eventBytes));
                if (failure.isPresent()) {
                    return new Verification(failure, index - 1);
                }
                progress.accept(index);
            }
        }
    }

    private static Optional<Failure> framing(long index, String journal, JournalFrames.Frame frame) {
        return frame instanceof JournalFrames.Broken broken
                ? Optional.of(new Failure(index, Kind.LENGTH_HEADER, "the " + journal + " journal's record for this index, in "
                + broken.file().getFileName() + " at byte " + broken.position() + ": " + broken.reason()))
                : Optional.empty();
    }

    /**
     * Commands no event document answers: their framing, decoding and signatures (with the keys as of the last
     * verified index) are checked; their outcomes cannot be. In a stopped node's journals the engine would apply them
     * on restart with nothing but their signatures to vouch for them (an event journal cut short, e.g. its last cycle
     * file deleted), so they are a failure; in a copy of a running node ({@code --live-copy}) they are the commands it
     * had not applied yet when the copy was taken, a note.
     */
    private Verification pending(long first, byte[] firstBytes, JournalFrames commands) {
        long index = first;
        byte[] bytes = firstBytes;
        long signed = 0;
        List<String> unverifiable = new ArrayList<>();
        while (true) {
            Optional<Failure> decoded = decodes(index, bytes);
            if (decoded.isPresent()) {
                return new Verification(decoded, first - 1);
            }
            JournalAudit.Unapplied checked = audit.checkUnapplied(index, bytes);
            if (checked.finding().isPresent()) {
                JournalAudit.Finding found = checked.finding().get();
                Kind kind = switch (found.part()) {
                    case COMMAND -> Kind.COMMAND;
                    case CHECKPOINT -> Kind.CHECKPOINT;
                    case SIGNATURE, EVENT, UNSPECIFIED -> Kind.SIGNATURE;
                };
                return new Verification(Optional.of(new Failure(index, kind, found.problem().reason()
                        + " (a command no event document answers yet)")), first - 1);
            }
            if (checked.unverifiable().isPresent()) {
                unverifiable.add(index + ": " + checked.unverifiable().get());
            } else if (decoded(bytes).map(CommandRecord::request).isPresent()) {
                signed++;
            }
            JournalFrames.Frame next = commands.next();
            Optional<Failure> framing = framing(index + 1, "command", next);
            if (framing.isPresent()) {
                return new Verification(framing, first - 1);
            }
            if (next instanceof JournalFrames.End end) {
                end.tornTail().ifPresent(torn -> notes.add("command journal / 指令日志: " + torn));
                commands.ignored().forEach(note -> notes.add("command journal / 指令日志: " + note));
                break;
            }
            bytes = ((JournalFrames.Document) next).bytes();
            index++;
        }
        String checkedText = signed + " participant signatures verified with the keys as of index " + (first - 1)
                + (unverifiable.isEmpty() ? "" : "; not verifiable there (the engine rejects them unless an earlier one of"
                + " these commands registers the key): " + String.join("; ", unverifiable));
        if (!liveCopy) {
            digestNote();
            return new Verification(Optional.of(new Failure(first, Kind.UNAPPLIED, "commands " + first + ".." + index
                    + " have no event document, so the engine would apply them on restart with nothing but their"
                    + " signatures to vouch for them (was the event journal cut short, e.g. its last cycle file deleted?);"
                    + " a node that crashed after journaling them and before applying them leaves the same: restart it"
                    + " and verify again, or, for a copy of a running node, run verify with --live-copy (" + checkedText
                    + ") / 指令 " + first + ".." + index + " 没有事件文档；若节点在处理前崩溃，请重启后再校验；"
                    + "若为运行中节点的副本，请使用 --live-copy")), first - 1);
        }
        notes.add("commands " + first + ".." + index + " have no event document yet (a running node had not applied them"
                + " when the copy was taken): their framing was checked, and " + checkedText + "; their outcomes were not"
                + " / 指令 " + first + ".." + index + " 尚无事件文档（复制时尚未处理）：已校验记录格式与签名，未校验结果");
        digestNote();
        return new Verification(Optional.empty(), first - 1);
    }

    private static Optional<Failure> decodes(long index, byte[] bytes) {
        try {
            CommandRecord record = JournalCodec.readCommand(bytes);
            if (record.command() != null && record.index() == index) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            return Optional.of(new Failure(index, Kind.COMMAND, "the command record does not decode"));
        }
        return Optional.of(new Failure(index, Kind.COMMAND, "the command record holds no command or another index"));
    }

    private Optional<Failure> check(long index, byte[] command, byte[] event, Engine engine) {
        Optional<JournalAudit.Finding> finding = audit.check(index, command, event);
        Optional<CommandRecord> record = decoded(command);
        Optional<String> replay = record.flatMap(r -> replay(engine, r, event));
        if (finding.isPresent()) {
            JournalAudit.Finding found = finding.get();
            Kind kind = switch (found.part()) {
                case SIGNATURE -> Kind.SIGNATURE;
                case COMMAND -> Kind.COMMAND;
                case CHECKPOINT -> Kind.CHECKPOINT;
                case EVENT -> eventKind(index);
                case UNSPECIFIED -> unspecified(index, record, replay.isPresent());
            };
            return Optional.of(new Failure(index, kind, found.problem().reason()));
        }
        if (replay.isPresent()) {
            return Optional.of(new Failure(index, eventKind(index), replay.get()));
        }
        record.ifPresent(this::learn);
        return Optional.empty();
    }

    private Kind unspecified(long index, Optional<CommandRecord> record, boolean replayDiffers) {
        if (record.isPresent() && record.get().command() instanceof Checkpoint) {
            return Kind.CHECKPOINT;
        }
        if (replayDiffers) {
            return eventKind(index);
        }
        return record.isPresent() && record.get().request() != null ? Kind.SIGNATURE : Kind.COMMAND;
    }

    /**
     * The engine's document for {@code record}, in the recorded one's encoding, must be the recorded one byte for byte;
     * else what differs.
     */
    private static Optional<String> replay(Engine engine, CommandRecord record, byte[] recorded) {
        byte[] recomputed;
        try {
            recomputed = JournalDocuments.encodeLike(recorded, engine.apply(record));
        } catch (RuntimeException e) {
            return Optional.of("replaying the command fails: " + e.getMessage());
        }
        if (Arrays.equals(recomputed, recorded)) {
            return Optional.empty();
        }
        return Optional.of("the recorded event document differs from the one replay gives (first difference at byte "
                + Arrays.mismatch(recomputed, recorded) + " of " + recorded.length + ")");
    }

    /** EVENT when a later checkpoint covers the index, LAST_EVENT when none does. */
    private Kind eventKind(long index) {
        try (JournalFrames commands = JournalFrames.open(dataDirectory.resolve("journal").resolve("commands"))) {
            long at = 0;
            for (JournalFrames.Frame frame = commands.next(); frame instanceof JournalFrames.Document document;
                 frame = commands.next()) {
                if (++at > index && decoded(document.bytes()).map(CommandRecord::command).orElse(null) instanceof Checkpoint c
                        && c.chainIndex() >= index) {
                    return Kind.EVENT;
                }
            }
        }
        return Kind.LAST_EVENT;
    }

    private void learn(CommandRecord record) {
        if (record.command() instanceof Checkpoint checkpoint) {
            lastCheckpointed = Math.max(lastCheckpointed, checkpoint.chainIndex());
        }
        JsonNode command = JournalCodec.mapper().valueToTree(record.command());
        documentDigests += command.findValues("documentDigest").size() + command.findValues("evidenceDigest").size();
    }

    /** A registered document: a room's own or a fund's (rules version 6). */
    private record Registered(long documentId, String digest) {
    }

    private static final Set<String> REGISTERING = Set.of("DocumentRegistered", "FundDocumentRegistered");

    /**
     * Every document a verified event document registers (a room's own or a fund's) must have its bytes, matching its digest, in the document
     * store: the store is primary data, which nothing rebuilds from the journal (docs/operations.md, Backup).
     */
    private Optional<Failure> storedDocuments(long index, byte[] eventBytes) {
        if (!JournalDocuments.mentionsEventType(eventBytes, REGISTERING)) {
            return Optional.empty();
        }
        for (Event event : JournalCodec.readEvents(eventBytes).events()) {
            Registered registered = event instanceof DocumentRegistered e ? new Registered(e.documentId(), e.digest())
                    : event instanceof fundexchange.protocol.event.FundDocumentRegistered e
                    ? new Registered(e.documentId(), e.digest()) : null;
            if (registered != null) {
                DocumentStore.Presence presence;
                try {
                    presence = documents.check(registered.digest());
                } catch (IOException e) {
                    presence = DocumentStore.Presence.DAMAGED;
                }
                storedDocuments++;
                if (presence != DocumentStore.Presence.PRESENT) {
                    String what = presence == DocumentStore.Presence.MISSING ? "is missing from" : "does not match its digest in";
                    return Optional.of(new Failure(index, Kind.DOCUMENT, "document " + registered.documentId() + " ("
                            + registered.digest() + ") " + what + " the document store " + documents.root()
                            + "; restore documents/ from the backup taken with these journals / 文件 "
                            + registered.documentId() + " 在文件库中" + (presence == DocumentStore.Presence.MISSING
                            ? "缺失" : "与摘要不符") + "，请从与日志同时备份的 documents/ 恢复"));
                }
            }
        }
        return Optional.empty();
    }

    private void digestNote() {
        if (storedDocuments > 0) {
            notes.add(storedDocuments + " data-room documents are journaled, each found in the document store with bytes"
                    + " matching its digest / 日志登记的 " + storedDocuments + " 个资料室文件均在文件库中且与摘要相符");
        }
        notes.addAll(markerNotes(documents));
        if (documentDigests > 0) {
            notes.add(documentDigests + " document digests are journaled (custody registers, pledges, freezes,"
                    + " qualification evidence); the exchange keeps only the digests, not the documents, so there are no"
                    + " bytes to check them against / 日志中有 " + documentDigests + " 个文件摘要；交易所只保存摘要、不保存文件本身，"
                    + "因此无可比对的文件内容");
        }
    }

    /**
     * What the store's upload markers say (docs/operations.md, Verify): each names the bytes of an upload, which the
     * store must hold. A marker without its bytes is no failure of the journals (nothing journaled names an upload
     * until a registration, whose bytes are checked above), but the store lost bytes it held: reported with what to do.
     */
    static List<String> markerNotes(DocumentStore store) {
        DocumentStore.MarkerCheck check;
        try {
            check = store.checkMarkers(3);
        } catch (java.io.IOException e) {
            return List.of("the document store's upload markers could not be read (" + e.getMessage() + ") / 无法读取文件库的上传标记");
        }
        if (check.missing() > 0) {
            return List.of("WARNING: " + check.missing() + " of " + check.markers() + " upload markers name bytes the document"
                    + " store does not hold (e.g. " + String.join(", ", check.examples()) + "): those uploads cannot be"
                    + " registered; restore documents/ from the backup taken with these journals, or have the holders"
                    + " upload them again / 警告：" + check.markers() + " 个上传标记中有 " + check.missing()
                    + " 个所指文件不在文件库中，这些上传无法登记；请从与日志同时备份的 documents/ 恢复，或由持有人重新上传");
        }
        return check.markers() == 0 ? List.of() : List.of(check.markers() + " upload markers each name bytes the document"
                + " store holds / " + check.markers() + " 个上传标记所指文件均在文件库中");
    }

    private static Optional<CommandRecord> decoded(byte[] bytes) {
        try {
            return Optional.ofNullable(JournalCodec.readCommand(bytes)).filter(r -> r.command() != null);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

}
