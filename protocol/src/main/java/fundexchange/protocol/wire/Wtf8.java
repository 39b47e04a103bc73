package fundexchange.protocol.wire;

import java.nio.charset.StandardCharsets;

/**
 * WTF-8: UTF-8, except that a lone surrogate is written in its 3-byte generalised form, so every Java {@code String}
 * round-trips exactly (a record carries whatever text it was given). Valid UTF-8 reads unchanged, which keeps a signed
 * body's bytes verbatim. The decoder accepts only what the encoder writes: no overlong form, no code point above
 * U+10FFFF, and no surrogate pair written as two 3-byte sequences.
 */
public final class Wtf8 {
    private Wtf8() {
    }

    /** The number of bytes {@code text} takes. */
    public static int length(CharSequence text) {
        int length = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /** Writes {@code text} at {@code offset} (room for {@link #length} bytes is the caller's); returns the offset after it. */
    public static int encode(CharSequence text, byte[] bytes, int offset) {
        int at = offset;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes[at++] = (byte) c;
            } else if (c < 0x800) {
                bytes[at++] = (byte) (0xC0 | (c >>> 6));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                bytes[at++] = (byte) (0xF0 | (cp >>> 18));
                bytes[at++] = (byte) (0x80 | ((cp >>> 12) & 0x3F));
                bytes[at++] = (byte) (0x80 | ((cp >>> 6) & 0x3F));
                bytes[at++] = (byte) (0x80 | (cp & 0x3F));
            } else {
                bytes[at++] = (byte) (0xE0 | (c >>> 12));
                bytes[at++] = (byte) (0x80 | ((c >>> 6) & 0x3F));
                bytes[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return at;
    }

    /** The WTF-8 bytes of {@code text}. */
    public static byte[] encode(CharSequence text) {
        byte[] bytes = new byte[length(text)];
        encode(text, bytes, 0);
        return bytes;
    }

    /** The text of {@code length} bytes at {@code offset}; a pure-ASCII run is one copy. */
    public static String decode(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int i = offset;
        while (i < end && bytes[i] >= 0) {
            i++;
        }
        if (i == end) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        char[] chars = new char[length];
        int n = walk(bytes, offset, end, chars);
        return new String(chars, 0, n);
    }

    /** Refuses the {@code length} bytes at {@code offset} unless they are WTF-8 as {@link #encode} writes it. */
    public static void check(byte[] bytes, int offset, int length) {
        walk(bytes, offset, offset + length, null);
    }

    /** Decodes into {@code chars} (when not null); returns the number of chars. */
    private static int walk(byte[] bytes, int offset, int end, char[] chars) {
        int n = 0;
        int i = offset;
        while (i < end) {
            int b0 = bytes[i] & 0xFF;
            if (b0 < 0x80) {
                if (chars != null) {
                    chars[n] = (char) b0;
                }
                n++;
                i++;
            } else if (b0 >= 0xC2 && b0 <= 0xDF) {
                int b1 = continuation(bytes, i, 1, end, 0x80, 0xBF);
                if (chars != null) {
                    chars[n] = (char) (((b0 & 0x1F) << 6) | (b1 & 0x3F));
                }
                n++;
                i += 2;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                int b1 = continuation(bytes, i, 1, end, b0 == 0xE0 ? 0xA0 : 0x80, 0xBF);
                int b2 = continuation(bytes, i, 2, end, 0x80, 0xBF);
                char c = (char) (((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F));
                if (Character.isHighSurrogate(c) && i + 4 < end && (bytes[i + 3] & 0xFF) == 0xED
                        && (bytes[i + 4] & 0xFF) >= 0xB0 && (bytes[i + 4] & 0xFF) <= 0xBF) {
                    throw new WireFormatException("a surrogate pair written as two 3-byte sequences is not canonical WTF-8", i);
                }
                if (chars != null) {
                    chars[n] = c;
                }
                n++;
                i += 3;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                int b1 = continuation(bytes, i, 1, end, b0 == 0xF0 ? 0x90 : 0x80, b0 == 0xF4 ? 0x8F : 0xBF);
                int b2 = continuation(bytes, i, 2, end, 0x80, 0xBF);
                int b3 = continuation(bytes, i, 3, end, 0x80, 0xBF);
                int cp = ((b0 & 0x07) << 18) | ((b1 & 0x3F) << 12) | ((b2 & 0x3F) << 6) | (b3 & 0x3F);
                if (chars != null) {
                    chars[n] = Character.highSurrogate(cp);
                    chars[n + 1] = Character.lowSurrogate(cp);
                }
                n += 2;
                i += 4;
            } else {
                throw new WireFormatException("byte 0x" + Integer.toHexString(b0) + " cannot start a WTF-8 sequence", i);
            }
        }
        return n;
    }

    private static int continuation(byte[] bytes, int start, int index, int end, int low, int high) {
        int at = start + index;
        if (at >= end) {
            throw new WireFormatException("WTF-8 sequence truncated", start);
        }
        int b = bytes[at] & 0xFF;
        if (b < low || b > high) {
            throw new WireFormatException("malformed or overlong WTF-8 sequence", start);
        }
        return b;
    }
}
