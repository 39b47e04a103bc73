package fundexchange.protocol.wire;

import java.util.List;

/**
 * A binary document (encoding 2) as people read it: its bytes in order, each run of them named by its field path
 * ({@code command.units}, {@code events[1].bids[0].price}) with its decoded value (docs/journal-format.md, Hex dumps).
 * The walk follows {@link WireSchema} and the strict decoder's rules (a reserved byte, a presence bit, a trimmed field
 * count, a fixed block's length, an enum code, a bool, a varuint's form, WTF-8, lengths that fit, no bytes left over),
 * and every document it completes is then {@linkplain JournalBinary#check checked} by the strict decoder itself, so it
 * accepts nothing that decoder refuses (and, fuzzed by {@code HexDumpTest}, refuses nothing it accepts). On bytes it
 * refuses it stops at the first problem and says where; it never reads past the document, and every step consumes
 * bytes within it, so no input makes it loop ({@link HexHeader}, {@link HexWalker}). {@link #dump} shows a refused
 * document's rest raw: a caller that must not show what a refused document may hold (a sealed bid's price) renders
 * {@link #spans} of the header alone, as {@code journal dump --hex} does.
 */
public final class HexDump {
    /** Bytes per line of hex. */
    public static final int WIDTH = 16;
    /** Strings longer than this many characters are shortened in the annotation (their bytes are all shown). */
    private static final int TEXT_LIMIT = 40;

    private HexDump() {
    }

    /** {@code length} bytes at {@code offset}, and what they are. */
    public record Span(int offset, int length, String label) {
    }

    /**
     * The walk of a document: its spans in byte order (they tile the document when it is accepted) and the problem the
     * walk or the strict decoder refused it with, or null. {@code document} is the array walked, not a copy (a record
     * of an array compares it by identity).
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
        HexWalker walker = new HexWalker(document);
        WireFormatException problem = null;
        try {
            HexHeader.document(walker);
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
}
