package fundexchange.journal;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.JsonShape;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireBuffer;
import fundexchange.protocol.wire.WireSchema;
import fundexchange.protocol.wire.WireType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one place that knows both journal encodings (docs/design/binary-journal.md 4.1): it encodes a document in a
 * given encoding, renders any document as the JSON that {@link JournalCodec#write} writes for its value (a JSON
 * document's rendering is its own bytes), and answers the questions readers used to answer by searching JSON bytes.
 * Digests, links and checkpoints stay over the bytes as written; nothing here rewrites a document.
 */
public final class JournalDocuments {
    private JournalDocuments() {
    }

    /** {@code record}'s document in {@code encoding}. */
    public static byte[] encode(CommandRecord record, JournalEncoding encoding) {
        return encoding == JournalEncoding.BINARY ? JournalBinary.encode(record) : JournalCodec.write(record);
    }

    /** {@code document}'s bytes in {@code encoding}. */
    public static byte[] encode(EventDocument document, JournalEncoding encoding) {
        return encoding == JournalEncoding.BINARY ? JournalBinary.encode(document) : JournalCodec.write(document);
    }

    /** Appends {@code record}'s document in {@code encoding} to {@code out} (a writer thread's reused buffer). */
    public static void encode(CommandRecord record, JournalEncoding encoding, WireBuffer out) {
        if (encoding == JournalEncoding.BINARY) {
            JournalBinary.encode(record, out);
        } else {
            JournalCodec.write(record, out);
        }
    }

    /** Appends {@code document}'s bytes in {@code encoding} to {@code out} (a writer thread's reused buffer). */
    public static void encode(EventDocument document, JournalEncoding encoding, WireBuffer out) {
        if (encoding == JournalEncoding.BINARY) {
            JournalBinary.encode(document, out);
        } else {
            JournalCodec.write(document, out);
        }
    }

    /**
     * The JSON rendering of a command record or event document: the bytes themselves when they are JSON, else what
     * {@link JournalCodec#write} writes for the decoded value (byte for byte what the JSON writer would have written).
     */
    public static byte[] json(byte[] document) {
        if (!binary(document)) {
            return document;
        }
        // A document too short to name its kind is refused by the event reader, as JournalCodec refuses it.
        boolean command = document.length > JournalBinary.OFFSET_KIND
                && document[JournalBinary.OFFSET_KIND] == JournalBinary.COMMAND_RECORD;
        return JournalCodec.write(command ? JournalCodec.readCommand(document) : JournalCodec.readEvents(document));
    }

    /** {@link #json} as text. */
    public static String text(byte[] document) {
        return new String(json(document), StandardCharsets.UTF_8);
    }

    /** The JSON tree of {@link #json}. */
    public static JsonNode tree(byte[] document) {
        try {
            return JournalCodec.mapper().readTree(json(document));
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt journal document", e);
        }
    }

    /**
     * Whether {@code document} is read as binary: its first byte is the magic {@code 0xFE}. It answers without
     * throwing; a binary document with a wrong encoding byte or a truncated header is refused as "corrupt ..." by
     * whatever then reads it, as {@link JournalCodec} refuses it.
     */
    public static boolean isBinary(byte[] document) {
        return binary(document);
    }

    /** The type name of a command record's command ({@code "PlaceOrder"}), or null for a record without one. */
    public static String commandType(byte[] record) {
        if (binary(record)) {
            int id;
            try {
                id = JournalBinary.commandTypeId(record);
            } catch (RuntimeException e) {
                throw JournalCodec.corrupt(CommandRecord.class, e);
            }
            WireType type = WireSchema.journal().type(id);
            return type == null ? "#" + id : JsonShape.typeName(type.type());
        }
        JsonNode command = tree(record).path("command");
        return command.hasNonNull(JsonShape.TYPE_PROPERTY) ? command.get(JsonShape.TYPE_PROPERTY).asText() : null;
    }

    /**
     * Whether an event document holds an event of type {@code type} ({@code "DocumentRegistered"}): binary documents
     * are walked by type id; a JSON one is searched for the quoted name, as readers always did (so it also answers
     * true when some text field holds exactly that name).
     */
    public static boolean mentionsEventType(byte[] document, String type) {
        return mentionsEventType(document, Set.of(type));
    }

    /** Whether an event document holds an event of any of {@code types}, in one walk of a binary document. */
    public static boolean mentionsEventType(byte[] document, Set<String> types) {
        if (binary(document)) {
            Set<Integer> wanted = new HashSet<>();
            for (String type : types) {
                WireType known = EventTypes.BY_NAME.get(type);
                if (known != null) {
                    wanted.add(known.id());
                }
            }
            if (wanted.isEmpty()) {
                return false;
            }
            boolean[] found = {false};
            try {
                JournalBinary.eventTypeIds(document, id -> found[0] |= wanted.contains(id));
            } catch (RuntimeException e) {
                throw JournalCodec.corrupt(EventDocument.class, e);
            }
            return found[0];
        }
        for (String type : types) {
            if (contains(document, ("\"" + type + "\"").getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    /**
     * An event document's outcome status: read from a binary document's status byte alone, decoded from a JSON one
     * (a failure is {@link JournalCodec}'s "corrupt EventDocument").
     */
    public static OutcomeStatus outcomeStatus(byte[] document) {
        if (binary(document)) {
            try {
                return JournalBinary.outcomeStatus(document);
            } catch (RuntimeException e) {
                throw JournalCodec.corrupt(EventDocument.class, e);
            }
        }
        return JournalCodec.readEvents(document).outcome().status();
    }

    /** {@code recomputed} in the encoding {@code recorded} was written in, for a byte-for-byte comparison. */
    public static byte[] encodeLike(byte[] recorded, EventDocument recomputed) {
        return encode(recomputed, binary(recorded) ? JournalEncoding.BINARY : JournalEncoding.JSON);
    }

    /**
     * Whether a recomputed event document is the one recorded: a binary one byte for byte (the encoding is canonical,
     * so equal values have equal bytes), a JSON one as values, as replay always compared them.
     */
    public static boolean sameDocument(byte[] recorded, EventDocument recomputed) {
        if (binary(recorded)) {
            return Arrays.equals(recorded, JournalBinary.encode(recomputed));
        }
        return recomputed.equals(JournalCodec.readEvents(recorded));
    }

    /**
     * As {@link #sameDocument(byte[], EventDocument)} for a recorded document of {@code length} bytes at the start of
     * {@code recorded} (a reused buffer).
     */
    public static boolean sameDocument(byte[] recorded, int length, EventDocument recomputed) {
        if (length > 0 && recorded[0] == JournalBinary.MAGIC) {
            byte[] written = JournalBinary.encode(recomputed);
            return Arrays.equals(recorded, 0, length, written, 0, written.length);
        }
        return recomputed.equals(JournalCodec.read(recorded, 0, length, EventDocument.class));
    }

    /** Whether {@code document} is binary: its first byte is the magic. Anything else is read as JSON, as it always was. */
    private static boolean binary(byte[] document) {
        return document.length > 0 && document[0] == JournalBinary.MAGIC;
    }

    /** The schema's event types by type name, built once. */
    private static final class EventTypes {
        static final Map<String, WireType> BY_NAME = WireSchema.journal().types().stream()
                .filter(type -> type.id() > 0 && Event.class.isAssignableFrom(type.type()))
                .collect(Collectors.toUnmodifiableMap(type -> JsonShape.typeName(type.type()), type -> type));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
