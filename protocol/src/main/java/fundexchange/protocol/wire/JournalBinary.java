package fundexchange.protocol.wire;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.event.Event;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The journal documents in encoding 2 (docs/design/binary-journal.md sections 2.2 to 2.5): a 24-byte header (magic
 * {@code 0xFE}, the encoding, the kind, flags, the record version, index and time), then for a command record its
 * command (type id and struct) and the signed request's struct, for an event document the outcome at fixed offsets,
 * the event count, the present strings and the events. Nothing writes journals with it yet: the JSON codec is the
 * only writer.
 */
public final class JournalBinary {
    public static final byte MAGIC = (byte) 0xFE;
    public static final int ENCODING = 2;
    public static final byte COMMAND_RECORD = 'C';
    public static final byte EVENT_DOCUMENT = 'E';
    public static final int HEADER_LENGTH = 24;

    public static final int OFFSET_MAGIC = 0;
    public static final int OFFSET_ENCODING = 1;
    public static final int OFFSET_KIND = 2;
    public static final int OFFSET_FLAGS = 3;
    public static final int OFFSET_RESERVED = 4;
    public static final int OFFSET_VERSION = 6;
    public static final int OFFSET_INDEX = 8;
    public static final int OFFSET_TIME = 16;
    /** Command record: the command's {@code u16} type id, then its struct. */
    public static final int OFFSET_COMMAND_TYPE = 24;
    public static final int OFFSET_COMMAND = 26;
    /** Event document: the outcome and the event count at fixed offsets, then its strings and events. */
    public static final int OFFSET_STATUS = 24;
    public static final int OFFSET_STATUS_RESERVED = 25;
    public static final int OFFSET_CODE = 28;
    public static final int OFFSET_DUPLICATE_OF = 32;
    public static final int OFFSET_EVENT_COUNT = 40;
    public static final int OFFSET_EVENT_STRINGS = 44;

    /** Command record flag: a signed request follows the command. */
    public static final int FLAG_REQUEST = 1;
    /** Event document flags: which of its optional strings are present, in this order. */
    public static final int FLAG_PARTICIPANT = 1;
    public static final int FLAG_CLIENT_REQUEST_ID = 2;
    public static final int FLAG_REASON = 4;
    public static final int FLAG_MESSAGE = 8;

    /** The smallest event: a type id and an empty struct. */
    private static final int MIN_EVENT = 2 + 8;
    private static final ThreadLocal<RecordDecoder> DECODER = ThreadLocal.withInitial(() -> RecordDecoder.strict(WireSchema.journal()));

    private JournalBinary() {
    }

    private static RecordEncoder encoder() {
        return Encoder.INSTANCE;
    }

    private static final class Encoder {
        static final RecordEncoder INSTANCE = new RecordEncoder(WireSchema.journal());
    }

    /** Appends {@code record}'s document to {@code out}. */
    public static void encode(CommandRecord record, WireBuffer out) {
        if (record.command() == null) {
            throw new IllegalArgumentException("a command record without a command");
        }
        header(out, COMMAND_RECORD, record.request() == null ? 0 : FLAG_REQUEST, record.version(), record.index(), record.time());
        encoder().encodeTyped(record.command(), out);
        if (record.request() != null) {
            encoder().encodeStruct(record.request(), signedRequest(encoder().schema()), out);
        }
    }

    /** Appends {@code document} to {@code out}. */
    public static void encode(EventDocument document, WireBuffer out) {
        Outcome outcome = document.outcome();
        if (outcome == null || outcome.status() == null) {
            throw new IllegalArgumentException("an event document without an outcome");
        }
        int flags = (document.participant() == null ? 0 : FLAG_PARTICIPANT)
                | (document.clientRequestId() == null ? 0 : FLAG_CLIENT_REQUEST_ID)
                | (outcome.reason() == null ? 0 : FLAG_REASON)
                | (outcome.message() == null ? 0 : FLAG_MESSAGE);
        header(out, EVENT_DOCUMENT, flags, document.version(), document.sourceIndex(), document.time());
        out.putByte(statusCodes(encoder().schema()).code(outcome.status()));
        out.putZeros(3);
        out.putInt(outcome.code());
        out.putLong(outcome.duplicateOf());
        List<Event> events = document.events();
        int count = events.size();
        out.putInt(count);
        putString(document.participant(), out);
        putString(document.clientRequestId(), out);
        putString(outcome.reason(), out);
        putString(outcome.message(), out);
        for (int i = 0; i < count; i++) {
            encoder().encodeTyped(events.get(i), out);
        }
    }

    /** {@code record}'s document. */
    public static byte[] encode(CommandRecord record) {
        WireBuffer out = new WireBuffer();
        encode(record, out);
        return out.toByteArray();
    }

    /** {@code document}'s bytes. */
    public static byte[] encode(EventDocument document) {
        WireBuffer out = new WireBuffer();
        encode(document, out);
        return out.toByteArray();
    }

    static void header(WireBuffer out, byte kind, int flags, int version, long index, long time) {
        if (version < 0 || version > 0xFFFF) {
            throw new IllegalArgumentException("record version " + version + " is not 0 to 65535");
        }
        out.putByte(MAGIC);
        out.putByte(ENCODING);
        out.putByte(kind);
        out.putByte(flags);
        out.putShort(0);
        out.putShort(version);
        out.putLong(index);
        out.putLong(time);
    }

    private static void putString(String text, WireBuffer out) {
        if (text != null) {
            int length = Wtf8.length(text);
            out.putVarUInt(length);
            out.putWtf8(text, length);
        }
    }

    /** The command record of the whole of {@code document}. */
    public static CommandRecord decodeCommandRecord(byte[] document) {
        return decodeCommandRecord(document, 0, document.length);
    }

    /** The event document of the whole of {@code document}. */
    public static EventDocument decodeEventDocument(byte[] document) {
        return decodeEventDocument(document, 0, document.length);
    }

    /** The command record in {@code length} bytes at {@code offset}, read as {@link #decodeCommandRecord(byte[])} reads. */
    public static CommandRecord decodeCommandRecord(byte[] document, int offset, int length) {
        return decodeCommandRecord(document, offset, length, DECODER.get());
    }

    /** The event document in {@code length} bytes at {@code offset}, read as {@link #decodeEventDocument(byte[])} reads. */
    public static EventDocument decodeEventDocument(byte[] document, int offset, int length) {
        return decodeEventDocument(document, offset, length, DECODER.get());
    }

    /** The command record in {@code length} bytes at {@code offset}, read by {@code decoder}. */
    public static CommandRecord decodeCommandRecord(byte[] document, int offset, int length, RecordDecoder decoder) {
        return readCommandRecord(document, offset, length, decoder, true);
    }

    /** The event document in {@code length} bytes at {@code offset}, read by {@code decoder}. */
    public static EventDocument decodeEventDocument(byte[] document, int offset, int length, RecordDecoder decoder) {
        return readEventDocument(document, offset, length, decoder, true);
    }

    /**
     * Refuses {@code document} unless it is a whole, canonical binary document of a kind, types and fields this build
     * knows and whose records accept their values: it decodes the document and discards it, so it accepts exactly what
     * {@link #decodeCommandRecord} or {@link #decodeEventDocument} decodes (a record's constructor may refuse bytes
     * that are otherwise well formed, such as a {@code List.copyOf} of an absent list).
     */
    public static void check(byte[] document) {
        requireHeader(document, 0, document.length, -1);
        if (document[OFFSET_KIND] == COMMAND_RECORD) {
            decodeCommandRecord(document);
        } else {
            decodeEventDocument(document);
        }
    }

    /**
     * Where the bytes of {@code buf} from {@code from} to {@code limit} stop being a binary document, or the part of
     * one a writer had written when it stopped (docs/design/binary-journal.md 4.5: Chronicle copies a document in one
     * write, so a crash leaves a prefix of it and then zeros). The written part is taken to end with the last non-zero
     * byte before {@code limit}. The header's constant bytes are checked, then structs, strings and events are stepped
     * over by their lengths: the answer is the document's end when it completes, the offset of the first fully written
     * field that contradicts the layout, or the end of the written part when a field it needs reaches past it. A
     * caller requires every byte from the answer to the end of the region to be zero.
     */
    public static int prefixEnd(byte[] buf, int from, int limit) {
        int written = limit;
        while (written > from && buf[written - 1] == 0) {
            written--;
        }
        if (written == from) {
            return from;
        }
        byte[] constant = {MAGIC, ENCODING};
        for (int i = 0; i < 2 && i < written - from; i++) {
            if (buf[from + i] != constant[i]) {
                return from;
            }
        }
        if (written - from <= OFFSET_KIND) {
            return written;
        }
        byte kind = buf[from + OFFSET_KIND];
        if (kind != COMMAND_RECORD && kind != EVENT_DOCUMENT) {
            return from;
        }
        boolean command = kind == COMMAND_RECORD;
        int flags = written - from > OFFSET_FLAGS ? buf[from + OFFSET_FLAGS] : 0;
        if ((flags & ~(command ? FLAG_REQUEST : 0x0F)) != 0) {
            return from;
        }
        for (int i = OFFSET_RESERVED; i < OFFSET_VERSION && i < written - from; i++) {
            if (buf[from + i] != 0) {
                return from;
            }
        }
        if (written - from <= HEADER_LENGTH) {
            return written;
        }
        int end = command ? commandPrefixEnd(buf, from, written, flags) : eventPrefixEnd(buf, from, written, flags);
        return Math.min(end, limit);
    }

    private static int commandPrefixEnd(byte[] buf, int from, int written, int flags) {
        int at = structPrefixEnd(buf, from + OFFSET_COMMAND, written);
        if (at < 0 || (flags & FLAG_REQUEST) == 0) {
            return at < 0 ? -at - 1 : at;
        }
        at = structPrefixEnd(buf, at, written);
        return at < 0 ? -at - 1 : at;
    }

    /**
     * The end of the struct at {@code at}, or {@code -answer - 1} when the walk stops with {@code answer}: at the end
     * of the written part when the struct's length field or its bytes reach past it, at {@code at} when its length or
     * reserved byte contradicts the layout.
     */
    private static int structPrefixEnd(byte[] buf, int at, int written) {
        if (at > written - 4) {
            return -written - 1;
        }
        int length = WireBuffer.getInt(buf, at);
        if (length < 8 || at < written - 5 && buf[at + 5] != 0) {
            return -at - 1;
        }
        long end = (long) at + length;
        return end > written ? -written - 1 : (int) end;
    }

    private static int eventPrefixEnd(byte[] buf, int from, int written, int flags) {
        if (written - from > OFFSET_STATUS && (buf[from + OFFSET_STATUS] & 0xFF) > 2) {
            return from;
        }
        for (int i = OFFSET_STATUS_RESERVED; i < OFFSET_CODE && i < written - from; i++) {
            if (buf[from + i] != 0) {
                return from;
            }
        }
        if (written - from < OFFSET_EVENT_STRINGS) {
            return written;
        }
        int count = WireBuffer.getInt(buf, from + OFFSET_EVENT_COUNT);
        if (count < 0) {
            return from + OFFSET_EVENT_COUNT;
        }
        int at = from + OFFSET_EVENT_STRINGS;
        for (int bit = 0; bit < 4; bit++) {
            if ((flags & (1 << bit)) != 0) {
                if (at >= written) {
                    return written;
                }
                long read;
                try {
                    read = VarUInt.read(buf, at, written);
                } catch (WireFormatException e) {
                    return e.getMessage().startsWith("varuint truncated") ? written : at;
                }
                long end = (long) at + VarUInt.sizeOf(read) + VarUInt.value(read);
                if (end > written) {
                    return written;
                }
                at = (int) end;
            }
        }
        // Every event is at least 10 bytes (a type id and a struct of at least 8), so the walk ends within the
        // written part whatever the count says.
        for (int i = 0; i < count; i++) {
            if (at >= written - 2) {
                return written;
            }
            int end = structPrefixEnd(buf, at + 2, written);
            if (end < 0) {
                return -end - 1 == at + 2 ? at : -end - 1;
            }
            at = end;
        }
        return at;
    }

    /** The type id of a command record's command, read from its header alone. */
    public static int commandTypeId(byte[] document) {
        requireHeader(document, 0, document.length, COMMAND_RECORD);
        if (document.length < OFFSET_COMMAND) {
            throw new WireFormatException("truncated before the command's type id", HEADER_LENGTH);
        }
        return WireBuffer.getUnsignedShort(document, OFFSET_COMMAND_TYPE);
    }

    /** An event document's outcome status, read from its header and status byte alone. */
    public static OutcomeStatus outcomeStatus(byte[] document) {
        requireHeader(document, 0, document.length, EVENT_DOCUMENT);
        if (document.length <= OFFSET_STATUS) {
            throw new WireFormatException("truncated before the outcome status", HEADER_LENGTH);
        }
        int code = document[OFFSET_STATUS] & 0xFF;
        OutcomeStatus status = (OutcomeStatus) statusCodes(WireSchema.journal()).constant(code);
        if (status == null) {
            throw new WireFormatException("outcome status " + code + " is unknown", OFFSET_STATUS);
        }
        return status;
    }

    /** Gives {@code each} the type id of every event of an event document, in order, stepping over their structs. */
    public static void eventTypeIds(byte[] document, IntConsumer each) {
        int end = document.length;
        requireHeader(document, 0, end, EVENT_DOCUMENT);
        int count = eventCount(document, 0, end);
        int at = skipStrings(document, OFFSET_EVENT_STRINGS, end, document[OFFSET_FLAGS]);
        for (int i = 0; i < count; i++) {
            if (end - at < MIN_EVENT) {
                throw new WireFormatException("truncated in event " + i, at);
            }
            int length = WireBuffer.getInt(document, at + 2);
            if (length < 8 || length > end - at - 2) {
                throw new WireFormatException("event struct length " + length + " does not fit", at + 2);
            }
            each.accept(WireBuffer.getUnsignedShort(document, at));
            at += 2 + length;
        }
        if (at != end) {
            throw new WireFormatException((end - at) + " bytes left after the events", at);
        }
    }

    private static CommandRecord readCommandRecord(byte[] bytes, int offset, int length, RecordDecoder decoder, boolean build) {
        int end = offset + length;
        requireHeader(bytes, offset, end, COMMAND_RECORD);
        int flags = bytes[offset + OFFSET_FLAGS];
        if ((flags & ~FLAG_REQUEST) != 0) {
            throw new WireFormatException("unknown command record flags 0x" + Integer.toHexString(flags & 0xFF), offset + OFFSET_FLAGS);
        }
        decoder.start(bytes, offset + OFFSET_COMMAND_TYPE);
        Command command = (Command) decoder.readTyped(Command.class, end, build);
        SignedRequest request = null;
        if ((flags & FLAG_REQUEST) != 0) {
            request = (SignedRequest) decoder.readStruct(signedRequest(decoder.schema()), end, build);
        }
        decoder.requireEnd(end, "command record");
        return build ? new CommandRecord(version(bytes, offset), WireBuffer.getLong(bytes, offset + OFFSET_INDEX),
                WireBuffer.getLong(bytes, offset + OFFSET_TIME), request, command) : null;
    }

    private static EventDocument readEventDocument(byte[] bytes, int offset, int length, RecordDecoder decoder, boolean build) {
        int end = offset + length;
        requireHeader(bytes, offset, end, EVENT_DOCUMENT);
        int flags = bytes[offset + OFFSET_FLAGS];
        if ((flags & ~0x0F) != 0) {
            throw new WireFormatException("unknown event document flags 0x" + Integer.toHexString(flags & 0xFF), offset + OFFSET_FLAGS);
        }
        if (end - offset < OFFSET_EVENT_STRINGS) {
            throw new WireFormatException("truncated in the outcome", offset + HEADER_LENGTH);
        }
        int statusCode = bytes[offset + OFFSET_STATUS] & 0xFF;
        OutcomeStatus status = (OutcomeStatus) statusCodes(decoder.schema()).constant(statusCode);
        if (status == null) {
            throw new WireFormatException("outcome status " + statusCode + " is unknown", offset + OFFSET_STATUS);
        }
        for (int i = 0; i < 3; i++) {
            if (bytes[offset + OFFSET_STATUS_RESERVED + i] != 0) {
                throw new WireFormatException("reserved outcome byte is not zero", offset + OFFSET_STATUS_RESERVED + i);
            }
        }
        int count = eventCount(bytes, offset, end);
        decoder.start(bytes, offset + OFFSET_EVENT_STRINGS);
        String participant = (flags & FLAG_PARTICIPANT) != 0 ? decoder.readString(end, true, build) : null;
        String clientRequestId = (flags & FLAG_CLIENT_REQUEST_ID) != 0 ? decoder.readString(end, false, build) : null;
        String reason = (flags & FLAG_REASON) != 0 ? decoder.readString(end, false, build) : null;
        String message = (flags & FLAG_MESSAGE) != 0 ? decoder.readString(end, false, build) : null;
        Event[] events = build ? new Event[count] : null;
        for (int i = 0; i < count; i++) {
            Event event = (Event) decoder.readTyped(Event.class, end, build);
            if (build) {
                events[i] = event;
            }
        }
        decoder.requireEnd(end, "event document");
        if (!build) {
            return null;
        }
        Outcome outcome = new Outcome(status, WireBuffer.getInt(bytes, offset + OFFSET_CODE), reason, message,
                WireBuffer.getLong(bytes, offset + OFFSET_DUPLICATE_OF));
        return new EventDocument(version(bytes, offset), WireBuffer.getLong(bytes, offset + OFFSET_INDEX),
                WireBuffer.getLong(bytes, offset + OFFSET_TIME), participant, clientRequestId, outcome, List.of(events));
    }

    private static int eventCount(byte[] bytes, int offset, int end) {
        if (end - offset < OFFSET_EVENT_STRINGS) {
            throw new WireFormatException("truncated in the outcome", offset + HEADER_LENGTH);
        }
        int count = WireBuffer.getInt(bytes, offset + OFFSET_EVENT_COUNT);
        if (count < 0 || count > (end - offset - OFFSET_EVENT_STRINGS) / MIN_EVENT) {
            throw new WireFormatException("event count " + Integer.toUnsignedString(count) + " does not fit the document",
                    offset + OFFSET_EVENT_COUNT);
        }
        return count;
    }

    private static int skipStrings(byte[] bytes, int at, int end, int flags) {
        for (int bit = 0; bit < 4; bit++) {
            if ((flags & (1 << bit)) != 0) {
                long read = VarUInt.read(bytes, at, end);
                at += VarUInt.sizeOf(read) + VarUInt.value(read);
                if (at > end || at < 0) {
                    throw new WireFormatException("a string overruns the document", at);
                }
            }
        }
        return at;
    }

    /** Refuses a document too short for the header, or whose magic, encoding, kind or reserved bytes are wrong. */
    static void requireHeader(byte[] bytes, int offset, int end, int kind) {
        if (end - offset < HEADER_LENGTH) {
            throw new WireFormatException("a document of " + (end - offset) + " bytes is shorter than the "
                    + HEADER_LENGTH + "-byte header", offset);
        }
        if (bytes[offset + OFFSET_MAGIC] != MAGIC) {
            throw new WireFormatException("first byte 0x" + hex(bytes[offset]) + " is not the binary magic 0xfe", offset);
        }
        if (bytes[offset + OFFSET_ENCODING] != ENCODING) {
            throw new WireFormatException("encoding " + (bytes[offset + OFFSET_ENCODING] & 0xFF)
                    + " is unknown to this build (it reads 2)", offset + OFFSET_ENCODING);
        }
        byte actual = bytes[offset + OFFSET_KIND];
        if (actual != COMMAND_RECORD && actual != EVENT_DOCUMENT || kind >= 0 && actual != kind) {
            throw new WireFormatException("document kind 0x" + hex(actual) + " where "
                    + (kind == COMMAND_RECORD ? "a command record ('C')" : kind == EVENT_DOCUMENT ? "an event document ('E')"
                    : "'C' or 'E'") + " was expected", offset + OFFSET_KIND);
        }
        if (bytes[offset + OFFSET_RESERVED] != 0 || bytes[offset + OFFSET_RESERVED + 1] != 0) {
            throw new WireFormatException("reserved header bytes are not zero", offset + OFFSET_RESERVED);
        }
    }

    private static int version(byte[] bytes, int offset) {
        return WireBuffer.getUnsignedShort(bytes, offset + OFFSET_VERSION);
    }

    private static String hex(byte b) {
        return String.format("%02x", b & 0xFF);
    }

    static WireType signedRequest(WireSchema schema) {
        WireType type = schema.typeOf(SignedRequest.class);
        if (type == null) {
            throw new IllegalStateException("the wire schema has no struct " + SignedRequest.class.getName());
        }
        return type;
    }

    static EnumCodes statusCodes(WireSchema schema) {
        EnumCodes codes = schema.codes(OutcomeStatus.class);
        if (codes == null) {
            throw new IllegalStateException("the wire schema has no codes for " + OutcomeStatus.class.getName());
        }
        return codes;
    }
}
