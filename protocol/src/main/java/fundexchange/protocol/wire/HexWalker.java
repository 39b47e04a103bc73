package fundexchange.protocol.wire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One walk of {@link HexDump} over one document, collecting its spans: {@link HexHeader} walks the document's header
 * and hands each typed value, struct and string to this walk, which follows {@link WireSchema} under the strict
 * decoder's rules and throws {@link WireFormatException} where it refuses. Every step consumes bytes within its limit
 * and nesting is bounded by {@link RecordDecoder#MAX_DEPTH}, so no input makes it loop or read past the document.
 */
final class HexWalker {
    final byte[] bytes;
    final WireSchema schema = WireSchema.journal();
    final List<HexDump.Span> spans = new ArrayList<>();
    int position;
    private int depth;

    HexWalker(byte[] bytes) {
        this.bytes = bytes;
    }

    void span(int offset, int length, String label) {
        spans.add(new HexDump.Span(offset, length, label));
    }

    /** A varuint length, then that many bytes of WTF-8: one span. */
    void string(String path, int limit) {
        text(path, StructFrame.stringLength(bytes, position, limit));
    }

    /** The string whose length prefix at {@link #position} {@code read} is: one span over the prefix and its text. */
    private void text(String path, long read) {
        int at = position;
        int length = VarUInt.value(read);
        int payload = at + VarUInt.sizeOf(read);
        Wtf8.check(bytes, payload, length);
        span(at, payload + length - at, path + " = " + HexDump.quote(Wtf8.decode(bytes, payload, length)));
        position = payload + length;
    }

    void typed(String path, Class<?> expected, int limit) {
        need(2, limit);
        int at = position;
        WireType type = StructFrame.typeId(bytes, at, schema, expected);
        int id = type.id();
        span(at, 2, path + ": type " + id + " " + type.type().getSimpleName());
        position += 2;
        struct(path, type, limit);
    }

    void struct(String path, WireType type, int limit) {
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
        int end = StructFrame.check(bytes, start, limit, type, true);
        int length = end - start;
        int count = StructFrame.count(bytes, start);
        int fixedLength = StructFrame.fixedLength(bytes, start);
        String name = type.type().getSimpleName();
        WireField[] fields = type.fieldArray();
        int presenceAt = start + 8;
        int fixedAt = StructFrame.fixedAt(bytes, start);
        span(start, 8, path + ": " + name + ", " + length + " bytes, " + count + (count == 1 ? " field" : " fields") + ", fixed block " + fixedLength);
        if (fixedAt > presenceAt) {
            List<String> present = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (StructFrame.present(bytes, presenceAt, i)) {
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
            if (!StructFrame.fixedPresent(bytes, start, i, field, at)) {
                span(at, width, fieldPath + " absent");
                continue;
            }
            span(at, width, fieldPath + " = " + fixed(field, at));
        }
        position = fixedAt + fixedLength;
        for (int i = 0; i < count; i++) {
            WireField field = fields[i];
            if (!field.kind().fixed() && StructFrame.present(bytes, presenceAt, i)) {
                variable(path + "." + field.name(), field, end);
            }
        }
        StructFrame.requireEnd(position, end, type);
    }

    private String fixed(WireField field, int at) {
        return switch (field.kind()) {
            case BOOL -> Boolean.toString(StructFrame.bool(bytes, field, at));
            case ENUM -> StructFrame.enumConstant(bytes, field, at).name() + " (code " + (bytes[at] & 0xFF) + ")";
            case I64 -> Long.toString(WireBuffer.getLong(bytes, at));
            case I32 -> Integer.toString(WireBuffer.getInt(bytes, at));
            case UNITS, MONEY, PRICE, MULTIPLE -> {
                long raw = WireBuffer.getLong(bytes, at);
                int scale = field.kind() == WireKind.UNITS || field.kind() == WireKind.MONEY ? 2 : 4;
                yield BigDecimal.valueOf(raw, scale).toPlainString() + " (" + field.kind().word() + ", raw " + raw + ")";
            }
            default -> throw new IllegalStateException(field.toString());
        };
    }

    private void variable(String path, WireField field, int limit) {
        int at = position;
        long read = StructFrame.fieldLength(bytes, at, limit, field);
        int length = VarUInt.value(read);
        int end = at + VarUInt.sizeOf(read) + length;
        if (field.kind() == WireKind.STRING) {
            text(path, read);
            return;
        }
        position = at + VarUInt.sizeOf(read);
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
        StructFrame.requireFilled(position, end, field, length);
    }

    private void list(String path, WireField element, int limit) {
        int at = position;
        long read = StructFrame.listSize(bytes, at, limit);
        position = at + VarUInt.sizeOf(read);
        int size = VarUInt.value(read);
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

    private void need(int count, int limit) {
        if (count > limit - position) {
            throw new WireFormatException("truncated: " + count + " bytes needed, " + Math.max(0, limit - position)
                    + " left", position);
        }
    }
}
