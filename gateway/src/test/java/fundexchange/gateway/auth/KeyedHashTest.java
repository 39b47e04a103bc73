package fundexchange.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SipHash-2-4 as its authors publish it, and secret per instance. */
class KeyedHashTest {
    /** The key of the reference vectors: bytes 00..0f, read little-endian. */
    private static final KeyedHash REFERENCE = new KeyedHash(0x0706050403020100L, 0x0f0e0d0c0b0a0908L);

    @Test
    void matchesTheReferenceVectors() {
        assertEquals(List.of(0x726fdb47dd0e0e31L, 0x74f839c593dc67fdL, 0x93f5f5799a932462L, 0xa129ca6149be45e5L),
                List.of(REFERENCE.hash(input(0)), REFERENCE.hash(input(1)), REFERENCE.hash(input(8)),
                        REFERENCE.hash(input(15))));
    }

    @Test
    void twoStartsHashTheSameIdDifferently() {
        assertNotEquals(KeyedHash.random().hash("Holder-01", "n1"), KeyedHash.random().hash("Holder-01", "n1"));
    }

    /** Bytes 00, 01, ... of the given length, as in the reference vectors. */
    private static byte[] input(int length) {
        byte[] in = new byte[length];
        for (int i = 0; i < length; i++) {
            in[i] = (byte) i;
        }
        return in;
    }
}
