package fundexchange.signing;

import java.security.SecureRandom;

/** A "random" source that hands out fixed bytes, to reproduce a standard's fixed nonce k. */
final class FixedSecureRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    private final byte[] bytes;

    FixedSecureRandom(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public void nextBytes(byte[] out) {
        if (out.length != bytes.length) {
            throw new IllegalStateException("expected a request for " + bytes.length + " bytes, got " + out.length);
        }
        System.arraycopy(bytes, 0, out, 0, out.length);
    }
}
