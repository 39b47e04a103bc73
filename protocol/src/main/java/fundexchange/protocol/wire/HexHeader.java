package fundexchange.protocol.wire;

import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of a {@link HexWalker} walk that reads a document's header: the fixed 24 bytes, a command record's typed
 * command and request, or an event document's outcome, strings and events (docs/journal-format.md, Binary layout).
 */
final class HexHeader {
    /** An event document's optional strings, in the order of their flag bits. */
    private static final String[] EVENT_STRINGS = {"participant", "clientRequestId", "outcome.reason", "outcome.message"};

    private HexHeader() {
    }

    /** Walks the whole document from its first byte; throws where it refuses, or when bytes are left over. */
    static void document(HexWalker walk) {
        byte[] bytes = walk.bytes;
        int end = bytes.length;
        if (end < JournalBinary.HEADER_LENGTH) {
            throw new WireFormatException("a document of " + end + " bytes is shorter than the "
                    + JournalBinary.HEADER_LENGTH + "-byte header", 0);
        }
        JournalBinary.requireHeader(bytes, 0, end, -1);
        boolean command = bytes[JournalBinary.OFFSET_KIND] == JournalBinary.COMMAND_RECORD;
        walk.span(0, 1, "magic 0xfe: binary");
        walk.span(1, 1, "encoding 2");
        walk.span(2, 1, command ? "kind 'C': command record" : "kind 'E': event document");
        int flags = bytes[JournalBinary.OFFSET_FLAGS] & 0xFF;
        if ((flags & ~(command ? JournalBinary.FLAG_REQUEST : 0x0F)) != 0) {
            throw new WireFormatException("unknown " + (command ? "command record" : "event document") + " flags 0x"
                    + Integer.toHexString(flags), JournalBinary.OFFSET_FLAGS);
        }
        walk.span(3, 1, "flags " + flagNames(flags, command));
        walk.span(4, 2, "reserved");
        walk.span(6, 2, "version " + WireBuffer.getUnsignedShort(bytes, JournalBinary.OFFSET_VERSION));
        walk.span(8, 8, (command ? "index " : "sourceIndex ") + WireBuffer.getLong(bytes, JournalBinary.OFFSET_INDEX));
        long time = WireBuffer.getLong(bytes, JournalBinary.OFFSET_TIME);
        walk.span(16, 8, "time " + time + " (" + Instant.ofEpochMilli(time) + ")");
        if (command) {
            walk.position = JournalBinary.OFFSET_COMMAND_TYPE;
            walk.typed("command", Command.class, end);
            if ((flags & JournalBinary.FLAG_REQUEST) != 0) {
                walk.struct("request", JournalBinary.signedRequest(walk.schema), end);
            }
        } else {
            events(walk, flags, end);
        }
        if (walk.position != end) {
            throw new WireFormatException((end - walk.position) + " bytes left after the "
                    + (command ? "command record" : "event document"), walk.position);
        }
    }

    private static String flagNames(int flags, boolean command) {
        String hex = String.format("0x%02x", flags);
        if (command) {
            return hex + ((flags & JournalBinary.FLAG_REQUEST) != 0 ? ": request" : ": no request (unsigned)");
        }
        List<String> names = new ArrayList<>();
        for (int bit = 0; bit < EVENT_STRINGS.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                names.add(EVENT_STRINGS[bit]);
            }
        }
        return hex + (names.isEmpty() ? ": no strings" : ": " + String.join(", ", names));
    }

    private static void events(HexWalker walk, int flags, int end) {
        byte[] bytes = walk.bytes;
        if (end < JournalBinary.OFFSET_EVENT_STRINGS) {
            throw new WireFormatException("truncated in the outcome", JournalBinary.HEADER_LENGTH);
        }
        int statusCode = bytes[JournalBinary.OFFSET_STATUS] & 0xFF;
        OutcomeStatus status = (OutcomeStatus) JournalBinary.statusCodes(walk.schema).constant(statusCode);
        if (status == null) {
            throw new WireFormatException("outcome status " + statusCode + " is unknown", JournalBinary.OFFSET_STATUS);
        }
        walk.span(JournalBinary.OFFSET_STATUS, 1, "outcome.status = " + status + " (code " + statusCode + ")");
        for (int i = 0; i < 3; i++) {
            if (bytes[JournalBinary.OFFSET_STATUS_RESERVED + i] != 0) {
                throw new WireFormatException("reserved outcome byte is not zero", JournalBinary.OFFSET_STATUS_RESERVED + i);
            }
        }
        walk.span(JournalBinary.OFFSET_STATUS_RESERVED, 3, "reserved");
        walk.span(JournalBinary.OFFSET_CODE, 4, "outcome.code = " + WireBuffer.getInt(bytes, JournalBinary.OFFSET_CODE));
        walk.span(JournalBinary.OFFSET_DUPLICATE_OF, 8, "outcome.duplicateOf = "
                + WireBuffer.getLong(bytes, JournalBinary.OFFSET_DUPLICATE_OF));
        int count = WireBuffer.getInt(bytes, JournalBinary.OFFSET_EVENT_COUNT);
        if (count < 0 || count > (end - JournalBinary.OFFSET_EVENT_STRINGS) / (2 + 8)) {
            throw new WireFormatException("event count " + Integer.toUnsignedString(count) + " does not fit the document",
                    JournalBinary.OFFSET_EVENT_COUNT);
        }
        walk.span(JournalBinary.OFFSET_EVENT_COUNT, 4, "events: " + count);
        walk.position = JournalBinary.OFFSET_EVENT_STRINGS;
        for (int bit = 0; bit < EVENT_STRINGS.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                walk.string(EVENT_STRINGS[bit], end);
            }
        }
        for (int i = 0; i < count; i++) {
            walk.typed("events[" + i + "]", Event.class, end);
        }
    }
}
