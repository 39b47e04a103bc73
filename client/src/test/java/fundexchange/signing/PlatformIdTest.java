package fundexchange.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PlatformIdTest {

    /** RFC 8032 section 7.1 TEST 1's public key, as SubjectPublicKeyInfo DER. */
    private static final byte[] RFC_8032_SPKI = HexFormat.of().parseHex(
            "302a300506032b6570032100d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

    @Test
    void theDefaultIsFxAndSixteenHexDigitsOfTheExchangeKeysDigest() {
        assertEquals("fx-" + CanonicalRequest.sha256Hex(RFC_8032_SPKI).substring(0, 16), PlatformId.derivedFrom(RFC_8032_SPKI));
        assertEquals(PlatformId.derivedFrom(RFC_8032_SPKI), PlatformId.requireValid(PlatformId.derivedFrom(RFC_8032_SPKI)));
    }

    @Test
    void twoExchangeKeysGiveTwoDefaults() {
        KeyPair first = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair second = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        assertNotEquals(PlatformId.derivedFrom(KeyMaterial.spki(first.getPublic())),
                PlatformId.derivedFrom(KeyMaterial.spki(second.getPublic())));
    }

    @Test
    void aGenesisDeclaresItsPlatformIdOrGetsTheDefaultOfItsExchangeKey() {
        String key = Base64.getEncoder().encodeToString(RFC_8032_SPKI);
        assertEquals("exchange.example-prod", PlatformId.ofGenesis("exchange.example-prod", key));
        assertEquals(PlatformId.derivedFrom(RFC_8032_SPKI), PlatformId.ofGenesis(null, key));
        assertThrows(IllegalArgumentException.class, () -> PlatformId.ofGenesis("Exchange", key));
    }

    @Test
    void acceptsThreeToSixtyFourLowerCaseLettersDigitsDotsAndHyphens() {
        for (String good : new String[] {"abc", "fx-0123456789abcdef", "exchange.example-prod", "a".repeat(64), "0-0"}) {
            assertEquals(good, PlatformId.requireValid(good));
        }
        for (String bad : new String[] {"ab", "a".repeat(65), "ABC", "fx_1", ".abc", "abc.", "-ab", "ab-", "a b",
                "ab\u00e9", "\u202eabc"}) {
            assertThrows(IllegalArgumentException.class, () -> PlatformId.requireValid(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> PlatformId.requireValid(null));
    }
}
