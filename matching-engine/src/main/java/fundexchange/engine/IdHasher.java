package fundexchange.engine;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit hash an id is kept under in the idempotency memory ({@link RequestMemory}): the first 8 bytes
 * (big-endian) of the SHA-256 of its UTF-8. It is public and fixed, so it may enter the state hash and snapshots; it
 * does not decide where an id sits in a table (the secret key does), and being cryptographic, nobody can make many
 * ids share it. Computed with buffers of its own so that hashing an ASCII id (every id the gateway accepts from its
 * clients so far) allocates nothing; another id is encoded as {@link String#getBytes} encodes it. One per thread: the
 * engine's holds one.
 */
final class IdHasher {
    private final MessageDigest sha256;
    private final byte[] digest = new byte[32];
    private byte[] ascii = new byte[64];

    IdHasher() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first 8 bytes (big-endian) of the SHA-256 of the id's UTF-8. */
    long hash(String clientRequestId) {
        int length = clientRequestId.length();
        if (ascii.length < length) {
            ascii = new byte[Math.max(length, 2 * ascii.length)];
        }
        boolean isAscii = true;
        for (int i = 0; i < length && isAscii; i++) {
            char c = clientRequestId.charAt(i);
            ascii[i] = (byte) c;
            isAscii = c < 0x80;
        }
        if (isAscii) {
            sha256.update(ascii, 0, length);
        } else {
            sha256.update(clientRequestId.getBytes(StandardCharsets.UTF_8));
        }
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
        long hash = 0;
        for (int i = 0; i < 8; i++) {
            hash = (hash << 8) | (digest[i] & 0xFF);
        }
        return hash;
    }
}
