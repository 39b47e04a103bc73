package fundexchange.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SignatureAlgorithmTest {

    @Test
    void wireNamesRoundTrip() {
        assertEquals("ED25519", SignatureAlgorithm.ED25519.wireName());
        assertEquals("SM2-SM3", SignatureAlgorithm.SM2_SM3.wireName());
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            assertEquals(algorithm, SignatureAlgorithm.fromWireName(algorithm.wireName()));
        }
    }

    @Test
    void rejectsUnknownOrEnumStyleNames() {
        assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithm.fromWireName("SM2_SM3"));
        assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithm.fromWireName("ed25519"));
        assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithm.fromWireName(null));
    }
}
