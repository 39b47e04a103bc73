package fundexchange.protocol.wire;

import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.event.Event;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A binary document (encoding 2) as people read it: its bytes in order, each run of them named by its field path
 * ({@code command.units}, {@code events[1].bids[0].price}) with its decoded value (docs/journal-format.md, Hex dumps).
 * The walk follows {@link WireSchema} and the strict decoder's rules (a reserved byte, a presence bit, a trimmed field
 * count, a fixed block's length, an enum code, a bool, a varuint's form, WTF-8, lengths that fit, no bytes left over),
 * and every document it completes is then {@linkplain JournalBinary#check checked} by the strict decoder itself, so it
 * accepts exactly what that decoder accepts. On bytes it refuses it stops at the first problem and says where; it never
 * reads past the document, and every step consumes bytes within it, so no input makes it loop.
 */
public final class HexDump {
    /** Bytes per line of hex. */
    public static final int WIDTH = 16;
    /** Strings longer than this many characters are shortened in the annotation (their bytes are all shown). */
    private static final int TEXT_LIMIT = 40;
    private static final int[] SCALES = {2, 2, 4, 4};

    private HexDump() {
    }

    /** {@code length} bytes at {@code offset}, and what they are. */
    public record Span(int offset, int length, String label) {
    }

    /**
     * The walk of a document: its spans in byte order (they tile the document when it is accepted) and the problem the
     * walk or the strict decoder refused it with, or null.
     */
    public record Walk(byte[] document, List<Span> spans, WireFormatException problem) {
        public boolean accepted() {
            return problem == null;
        }

        /** The bytes the spans cover, from the start. */
        public int covered() {
            return spans.isEmpty() ? 0 : spans.getLast().offset() + spans.getLast().length();
        }
    }

    /** Walks {@code document}; throws nothing for any bytes (a refusal is the walk's {@link Walk#problem}). */
    public static Walk walk(byte[] document) {
        Walker walker = new Walker(document);
        WireFormatException problem = null;
        try {
            walker.document();
            JournalBinary.check(document);
        } catch (WireFormatException e) {
            problem = e;
        }
        return new Walk(document, List.copyOf(walker.spans), problem);
    }

    /**
     * {@code document} as annotated lines: {@code offset  bytes  field = value}, a span longer than {@value #WIDTH}
     * bytes continuing on lines of its own. A refused document ends with the line {@code !! refused at byte ...: why},
     * then the bytes not decoded, as {@link #raw} shows them.
     */
    public static String dump(byte[] document) {
        return render(walk(document));
    }

    /** The lines of a walk (see {@link #dump}). */
    public static String render(Walk walk) {
        byte[] document = walk.document();
        int digits = digits(document.length);
        StringBuilder out = new StringBuilder(spans(document, walk.spans()));
        if (!walk.accepted()) {
            out.append("!! refused");
            if (walk.problem().offset() >= 0) {
                offset(out.append(" at byte "), walk.problem().offset(), digits);
            }
            out.append(": ").append(reason(walk.problem())).append('\n');
            int rest = walk.covered();
            if (rest < document.length) {
                out.append("!! ").append(document.length - rest).append(" bytes not decoded:\n");
                out.append(raw(document, rest, digits));
            }
        }
        return out.toString();
    }

    /** Why the decoder refused: the exception's message without its repeated {@code (at byte N)}. */
    public static String reason(WireFormatException problem) {
        String message = problem.getMessage();
        String at = " (at byte " + problem.offset() + ")";
        return message.endsWith(at) ? message.substring(0, message.length() - at.length()) : message;
    }

    /** The lines of {@code spans} of {@code document} alone, as {@link #render} shows them (and nothing else). */
    public static String spans(byte[] document, List<Span> spans) {
        int digits = digits(document.length);
        StringBuilder out = new StringBuilder();
        for (Span span : spans) {
            for (int at = span.offset(); at < span.offset() + span.length() || at == span.offset(); at += WIDTH) {
                int end = Math.min(span.offset() + span.length(), at + WIDTH);
                StringBuilder line = new StringBuilder();
                offset(line, at, digits).append("  ");
                hex(line, document, at, end);
                if (at == span.offset()) {
                    line.append(" ".repeat(WIDTH * 3 - 1 - (3 * (end - at) - 1))).append("  ").append(span.label());
                }
                out.append(strip(line)).append('\n');
                if (span.length() == 0) {
                    break;
                }
            }
        }
        return out.toString();
    }

    /**
     * Any bytes (a JSON document, or what a refused binary one holds) as plain lines: offset, {@value #WIDTH} bytes in
     * hex, then those bytes as ASCII ({@code .} for any other byte).
     */
    public static String raw(byte[] bytes) {
        return raw(bytes, 0, digits(bytes.length));
    }

    private static String raw(byte[] bytes, int from, int digits) {
        StringBuilder out = new StringBuilder();
        for (int at = from; at < bytes.length; at += WIDTH) {
            int end = Math.min(bytes.length, at + WIDTH);
            StringBuilder line = new StringBuilder();
            offset(line, at, digits).append("  ");
            hex(line, bytes, at, end);
            line.append(" ".repeat(3 * (WIDTH - (end - at)))).append("  |");
            for (int i = at; i < end; i++) {
                int b = bytes[i] & 0xFF;
                line.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
            }
            out.append(line.append('|')).append('\n');
        }
        return out.toString();
    }

    private static int digits(int length) {
        return length > 0x10000 ? 8 : 4;
    }

    private static StringBuilder offset(StringBuilder line, int offset, int digits) {
        String hex = Integer.toHexString(offset);
        return line.append("0".repeat(Math.max(0, digits - hex.length()))).append(hex);
    }

    private static void hex(StringBuilder line, byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (i > from) {
                line.append(' ');
            }
            int b = bytes[i] & 0xFF;
            line.append(Character.forDigit(b >>> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
    }

    private static String strip(StringBuilder line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }

    /** A string as a JSON literal, shortened past {@value #TEXT_LIMIT} characters; surrogates and controls escaped. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(text.length(), TEXT_LIMIT);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7F || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append(shown < text.length() ? "...\"" : "\"");
        return out.toString();
    }

    /** One walk over one document, collecting spans; throws {@link WireFormatException} where it refuses. */
    private static final class Walker {
        private final byte[] bytes;
        private final WireSchema schema = WireSchema.journal();
        private final List<Span> spans = new ArrayList<>();
        private int position;
        private int depth;

        Walker(byte[] bytes) {
            this.bytes = bytes;
        }

        private void span(int offset, int length, String label) {
            spans.add(new Span(offset, length, label));
        }

        void document() {
            int end = bytes.length;
            if (end < JournalBinary.HEADER_LENGTH) {
                throw new WireFormatException("a document of " + end + " bytes is shorter than the "
                        + JournalBinary.HEADER_LENGTH + "-byte header", 0);
            }
            JournalBinary.requireHeader(bytes, 0, end, -1);
            boolean command = bytes[JournalBinary.OFFSET_KIND] == JournalBinary.COMMAND_RECORD;
            span(0, 1, "magic 0xfe: binary");
            span(1, 1, "encoding 2");
            span(2, 1, command ? "kind 'C': command record" : "kind 'E': event document");
            int flags = bytes[JournalBinary.OFFSET_FLAGS] & 0xFF;
            if ((flags & ~(command ? JournalBinary.FLAG_REQUEST : 0x0F)) != 0) {
                throw new WireFormatException("unknown " + (command ? "command record" : "event document") + " flags 0x"
                        + Integer.toHexString(flags), JournalBinary.OFFSET_FLAGS);
            }
            span(3, 1, "flags " + flagNames(flags, command));
            span(4, 2, "reserved");
            span(6, 2, "version " + WireBuffer.getUnsignedShort(bytes, JournalBinary.OFFSET_VERSION));
            span(8, 8, (command ? "index " : "sourceIndex ") + WireBuffer.getLong(bytes, JournalBinary.OFFSET_INDEX));
            long time = WireBuffer.getLong(bytes, JournalBinary.OFFSET_TIME);
            span(16, 8, "time " + time + " (" + Instant.ofEpochMilli(time) + ")");
            if (command) {
                position = JournalBinary.OFFSET_COMMAND_TYPE;
                typed("command", Command.class, end);
                if ((flags & JournalBinary.FLAG_REQUEST) != 0) {
                    struct("request", JournalBinary.signedRequest(schema), end);
                }
            } else {
                events(flags, end);
            }
            if (position != end) {
                throw new WireFormatException((end - position) + " bytes left after the "
                        + (command ? "command record" : "event document"), position);
            }
        }

        private static String flagNames(int flags, boolean command) {
            String hex = String.format("0x%02x", flags);
            if (command) {
                return hex + ((flags & JournalBinary.FLAG_REQUEST) != 0 ? ": request" : ": no request (unsigned)");
            }
            List<String> names = new ArrayList<>();
            String[] all = {"participant", "clientRequestId", "outcome.reason", "outcome.message"};
            for (int bit = 0; bit < all.length; bit++) {
                if ((flags & (1 << bit)) != 0) {
                    names.add(all[bit]);
                }
            }
            return hex + (names.isEmpty() ? ": no strings" : ": " + String.join(", ", names));
        }

        private void events(int flags, int end) {
            if (end < JournalBinary.OFFSET_EVENT_STRINGS) {
                throw new WireFormatException("truncated in the outcome", JournalBinary.HEADER_LENGTH);
            }
            int statusCode = bytes[JournalBinary.OFFSET_STATUS] & 0xFF;
            OutcomeStatus status = (OutcomeStatus) JournalBinary.statusCodes(schema).constant(statusCode);
            if (status == null) {
                throw new WireFormatException("outcome status " + statusCode + " is unknown", JournalBinary.OFFSET_STATUS);
            }
            span(JournalBinary.OFFSET_STATUS, 1, "outcome.status = " + status + " (code " + statusCode + ")");
            for (int i = 0; i < 3; i++) {
                if (bytes[JournalBinary.OFFSET_STATUS_RESERVED + i] != 0) {
                    throw new WireFormatException("reserved outcome byte is not zero", JournalBinary.OFFSET_STATUS_RESERVED + i);
                }
            }
            span(JournalBinary.OFFSET_STATUS_RESERVED, 3, "reserved");
            span(JournalBinary.OFFSET_CODE, 4, "outcome.code = " + WireBuffer.getInt(bytes, JournalBinary.OFFSET_CODE));
            span(JournalBinary.OFFSET_DUPLICATE_OF, 8, "outcome.duplicateOf = "
                    + WireBuffer.getLong(bytes, JournalBinary.OFFSET_DUPLICATE_OF));
            int count = WireBuffer.getInt(bytes, JournalBinary.OFFSET_EVENT_COUNT);
            if (count < 0 || count > (end - JournalBinary.OFFSET_EVENT_STRINGS) / (2 + 8)) {
                throw new WireFormatException("event count " + Integer.toUnsignedString(count) + " does not fit the document",
                        JournalBinary.OFFSET_EVENT_COUNT);
            }
            span(JournalBinary.OFFSET_EVENT_COUNT, 4, "events: " + count);
            position = JournalBinary.OFFSET_EVENT_STRINGS;
            String[] names = {"participant", "clientRequestId", "outcome.reason", "outcome.message"};
            for (int bit = 0; bit < names.length; bit++) {
                if ((flags & (1 << bit)) != 0) {
                    string(names[bit], end);
                }
            }
            for (int i = 0; i < count; i++) {
                typed("events[" + i + "]", Event.class, end);
            }
        }

        /** A varuint length, then that many bytes of WTF-8: one span. */
        private void string(String path, int limit) {
            int at = position;
            long read = VarUInt.read(bytes, at, limit);
            int length = VarUInt.value(read);
            int payload = at + VarUInt.sizeOf(read);
            if (length > limit - payload) {
                throw new WireFormatException("a string of " + length + " bytes overruns its place", payload);
            }
            Wtf8.check(bytes, payload, length);
            span(at, payload + length - at, path + " = " + quote(Wtf8.decode(bytes, payload, length)));
            position = payload + length;
        }

        private void typed(String path, Class<?> expected, int limit) {
            need(2, limit);
            int at = position;
            int id = WireBuffer.getUnsignedShort(bytes, at);
            WireType type = schema.type(id);
            if (type == null) {
                throw new WireFormatException("type id " + id + " is unknown to this build: written by a newer build", at);
            }
            if (!expected.isAssignableFrom(type.type())) {
                throw new WireFormatException("type id " + id + " (" + type.type().getSimpleName() + ") is not a "
                        + expected.getSimpleName(), at);
            }
            span(at, 2, path + ": type " + id + " " + type.type().getSimpleName());
            position += 2;
            struct(path, type, limit);
        }

        private void struct(String path, WireType type, int limit) {
            if (depth == RecordDecoder.MAX_DEPTH) {
                throw new WireFormatException("structs nested deeper than " + RecordDecoder.MAX_DEPTH + " levels", position);
            }
            depth++;
            try {
                structBody(path, type, limit);
            } finally {
                depth--;
            }
        }

        private void structBody(String path, WireType type, int limit) {
            int start = position;
            need(8, limit);
            int length = WireBuffer.getInt(bytes, start);
            if (length < 8 || length > limit - start) {
                throw new WireFormatException("struct length " + length + " does not fit in " + (limit - start) + " bytes", start);
            }
            int end = start + length;
            int count = bytes[start + 4] & 0xFF;
            if (bytes[start + 5] != 0) {
                throw new WireFormatException("reserved struct byte is not zero", start + 5);
            }
            int fixedLength = WireBuffer.getUnsignedShort(bytes, start + 6);
            String name = type.type().getSimpleName();
            WireField[] fields = type.fieldArray();
            if (count > fields.length) {
                throw new WireFormatException(name + " has " + count + " fields here, this build knows " + fields.length
                        + ": written by a newer build", start + 4);
            }
            int presenceAt = start + 8;
            int fixedAt = presenceAt + ((count + 7) >>> 3);
            if (fixedAt > end) {
                throw new WireFormatException("presence bits overrun the struct", presenceAt);
            }
            if ((count & 7) != 0 && ((bytes[fixedAt - 1] & 0xFF) >>> (count & 7)) != 0) {
                throw new WireFormatException("a presence bit beyond the field count", fixedAt - 1);
            }
            int expectedFixed = type.fixedPrefix[count];
            if (fixedLength != expectedFixed) {
                throw new WireFormatException("fixed block of " + fixedLength + " bytes where " + name + " has " + expectedFixed,
                        start + 6);
            }
            if (fixedLength > end - fixedAt) {
                throw new WireFormatException("fixed block overruns the struct", fixedAt);
            }
            if (count > 0 && !present(presenceAt, count - 1)) {
                throw new WireFormatException("field count " + count + " not trimmed: its last field is absent", start + 4);
            }
            span(start, 8, path + ": " + name + ", " + length + " bytes, " + count + (count == 1 ? " field" : " fields") + ", fixed block " + fixedLength);
            if (fixedAt > presenceAt) {
                List<String> present = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    if (present(presenceAt, i)) {
                        present.add(Integer.toString(i));
                    }
                }
                span(presenceAt, fixedAt - presenceAt, path + ": present " + (present.isEmpty() ? "none" : String.join(" ", present)));
            }
            for (int i = 0; i < count; i++) {
                WireField field = fields[i];
                if (!field.kind().fixed()) {
                    continue;
                }
                int at = fixedAt + field.fixedOffset;
                int width = field.kind().width();
                String fieldPath = path + "." + field.name();
                if (!present(presenceAt, i)) {
                    if (field.primitive) {
                        throw new WireFormatException("primitive field " + field.name() + " is marked absent", presenceAt + (i >>> 3));
                    }
                    if (!zeros(at, width)) {
                        throw new WireFormatException("absent field " + field.name() + " has non-zero bytes", at);
                    }
                    span(at, width, fieldPath + " absent");
                    continue;
                }
                if (field.primitive && i == count - 1 && zeros(at, width)) {
                    throw new WireFormatException("field count " + count + " not trimmed: its last field " + field.name()
                            + " is a zero primitive", start + 4);
                }
                span(at, width, fieldPath + " = " + fixed(field, at));
            }
            position = fixedAt + fixedLength;
            for (int i = 0; i < count; i++) {
                WireField field = fields[i];
                if (!field.kind().fixed() && present(presenceAt, i)) {
                    var_(path + "." + field.name(), field, end);
                }
            }
            if (position != end) {
                throw new WireFormatException((end - position) + " bytes left in a struct of " + name, position);
            }
        }

        private String fixed(WireField field, int at) {
            return switch (field.kind()) {
                case BOOL -> {
                    int b = bytes[at];
                    if (b != 0 && b != 1) {
                        throw new WireFormatException("bool " + field.name() + " is " + b + ", not 0 or 1", at);
                    }
                    yield b == 1 ? "true" : "false";
                }
                case ENUM -> {
                    int code = bytes[at] & 0xFF;
                    Enum<?> constant = field.codes.constant(code);
                    if (constant == null) {
                        throw new WireFormatException("enum code " + code + " is unknown for " + field.target().getSimpleName(), at);
                    }
                    yield constant.name() + " (code " + code + ")";
                }
                case I64 -> Long.toString(WireBuffer.getLong(bytes, at));
                case I32 -> Integer.toString(WireBuffer.getInt(bytes, at));
                case UNITS, MONEY, PRICE, MULTIPLE -> {
                    long raw = WireBuffer.getLong(bytes, at);
                    int scale = SCALES[field.kind().ordinal() - WireKind.UNITS.ordinal()];
                    yield BigDecimal.valueOf(raw, scale).toPlainString() + " (" + field.kind().word() + ", raw " + raw + ")";
                }
                default -> throw new IllegalStateException(field.toString());
            };
        }

        private void var_(String path, WireField field, int limit) {
            if (field.kind() == WireKind.STRING) {
                string(path, limit);
                return;
            }
            int at = position;
            long read = VarUInt.read(bytes, at, limit);
            int length = VarUInt.value(read);
            position = at + VarUInt.sizeOf(read);
            if (length > limit - position) {
                throw new WireFormatException("field " + field.name() + " of " + length + " bytes overruns its struct", position);
            }
            int end = position + length;
            switch (field.kind()) {
                case LIST -> {
                    span(at, position - at, path + ": " + length + " bytes");
                    list(path, field.element(), end);
                }
                case STRUCT -> {
                    span(at, position - at, path + ": " + length + " bytes");
                    struct(path, field.struct, end);
                }
                case TYPED -> {
                    span(at, position - at, path + ": " + length + " bytes");
                    typed(path, field.target(), end);
                }
                default -> throw new IllegalStateException(field.toString());
            }
            if (position != end) {
                throw new WireFormatException("field " + field.name() + " is " + length + " bytes long but its value "
                        + (position < end ? "ends before" : "runs past"), position);
            }
        }

        private void list(String path, WireField element, int limit) {
            int at = position;
            long read = VarUInt.read(bytes, at, limit);
            position = at + VarUInt.sizeOf(read);
            int size = VarUInt.value(read);
            if (size > limit - position) {
                throw new WireFormatException("a list of " + size + " elements in " + (limit - position) + " bytes", position);
            }
            span(at, position - at, path + ": " + size + (size == 1 ? " element" : " elements"));
            for (int i = 0; i < size; i++) {
                String item = path + "[" + i + "]";
                WireKind kind = element.kind();
                if (kind.fixed()) {
                    need(kind.width(), limit);
                    span(position, kind.width(), item + " = " + fixed(element, position));
                    position += kind.width();
                } else {
                    switch (kind) {
                        case STRING -> string(item, limit);
                        case STRUCT -> struct(item, element.struct, limit);
                        case TYPED -> typed(item, element.target(), limit);
                        default -> throw new IllegalStateException(element.toString());
                    }
                }
            }
        }

        private boolean present(int presenceAt, int number) {
            return (bytes[presenceAt + (number >>> 3)] & (1 << (number & 7))) != 0;
        }

        private boolean zeros(int at, int width) {
            for (int i = at; i < at + width; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        private void need(int count, int limit) {
            if (count > limit - position) {
                throw new WireFormatException("truncated: " + count + " bytes needed, " + Math.max(0, limit - position)
                        + " left", position);
            }
        }
    }
}
