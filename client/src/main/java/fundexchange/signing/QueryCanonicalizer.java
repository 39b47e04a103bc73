package fundexchange.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Puts a raw query string into the canonical form used by {@link CanonicalRequest}. */
final class QueryCanonicalizer {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final Comparator<String[]> BY_KEY_THEN_VALUE =
            Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]);

    private QueryCanonicalizer() {
    }

    /**
     * Splits on {@code &}, percent-decodes and re-encodes each key and value (RFC 3986), and sorts
     * by key then value. Empty parameters are dropped; a parameter without {@code =} gets an empty value.
     *
     * @throws IllegalArgumentException on a malformed percent escape
     */
    static String canonicalize(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String parameter : rawQuery.split("&", -1)) {
            if (parameter.isEmpty()) {
                continue;
            }
            int eq = parameter.indexOf('=');
            String key = eq < 0 ? parameter : parameter.substring(0, eq);
            String value = eq < 0 ? "" : parameter.substring(eq + 1);
            pairs.add(new String[] {encode(decode(key)), encode(decode(value))});
        }
        pairs.sort(BY_KEY_THEN_VALUE);
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /** Percent-decodes to bytes; characters that are not escapes contribute their UTF-8 bytes. */
    static byte[] decode(String component) {
        byte[] raw = component.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                out.write(raw[i]);
                continue;
            }
            if (i + 2 >= raw.length) {
                throw new IllegalArgumentException("truncated percent escape in query: " + component);
            }
            int high = Character.digit(raw[i + 1], 16);
            int low = Character.digit(raw[i + 2], 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("malformed percent escape in query: " + component);
            }
            out.write(high << 4 | low);
            i += 2;
        }
        return out.toByteArray();
    }

    /** Percent-encodes every byte except the RFC 3986 unreserved characters, with upper-case hex. */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
