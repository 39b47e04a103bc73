package fundexchange.signing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM armour (RFC 7468) around DER bytes. */
final class Pem {

    static final String PUBLIC_KEY = "PUBLIC KEY";
    static final String PRIVATE_KEY = "PRIVATE KEY";

    private Pem() {
    }

    /** Armours {@code der} with 64-character Base64 lines and a trailing newline. */
    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * Extracts the DER bytes of the first block with {@code label}; text around the block is ignored.
     *
     * @throws IllegalArgumentException if there is no such block or its Base64 is invalid
     */
    static byte[] decode(String label, String pem) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int start = pem.indexOf(begin);
        int stop = start < 0 ? -1 : pem.indexOf(end, start);
        if (stop < 0) {
            throw new IllegalArgumentException("no PEM block labelled " + label);
        }
        String base64 = pem.substring(start + begin.length(), stop).replaceAll("\\s+", "");
        return Base64.getDecoder().decode(base64);
    }
}
