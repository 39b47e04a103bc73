package fundexchange.signing;

import java.util.Objects;

/**
 * A public key's fingerprint as the exchange publishes it ({@code GET /exchange/keys}) and as a certificate's detached
 * signature names it: the SHA-256 of the key's X.509 SubjectPublicKeyInfo DER, 64 lower-case hex digits.
 */
public final class KeyFingerprint {

    private KeyFingerprint() {
    }

    /** The fingerprint of the key whose SubjectPublicKeyInfo is {@code spkiDer}. */
    public static String of(byte[] spkiDer) {
        return CanonicalRequest.sha256Hex(Objects.requireNonNull(spkiDer, "spkiDer"));
    }
}
