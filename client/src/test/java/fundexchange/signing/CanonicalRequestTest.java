package fundexchange.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalRequestTest {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static CanonicalRequest get(String rawQuery) {
        return CanonicalRequest.of("fx-test", "get", "/listings", rawQuery, "Inv-7", "Inv-7-k1", SignatureAlgorithm.ED25519,
                1_795_000_000_000L, "n-1", new byte[0]);
    }

    private static String canonicalQuery(String rawQuery) {
        return get(rawQuery).query();
    }

    @Test
    void buildsTwelveLinesWithThePlatformIdSecondUpperCaseMethodAndEmptyLastLineForEd25519() {
        CanonicalRequest request = get("b=2&a=1");
        assertEquals(String.join("\n", "FXS2", "fx-test", "GET", "/listings", "a=1&b=2", "Inv-7", "Inv-7-k1", "ED25519",
                "1795000000000", "n-1", EMPTY_SHA256, ""), request.canonicalString());
        assertArrayEquals(request.canonicalString().getBytes(StandardCharsets.UTF_8), request.bytes());
        assertEquals(SigningScheme.FXS2, request.scheme());
    }

    @Test
    void endsWithTheSm2UserIdForSm2() {
        CanonicalRequest request = CanonicalRequest.of("fx-test", "POST", "/bids", null, "Inv-7", "Inv-7-k2",
                SignatureAlgorithm.SM2_SM3, 5, "c-9", "{}".getBytes(StandardCharsets.UTF_8));
        String[] lines = request.canonicalString().split("\n", -1);
        assertEquals(12, lines.length);
        assertEquals("", lines[4]);
        assertEquals("SM2-SM3", lines[7]);
        assertEquals("5", lines[8]);
        assertEquals("1234567812345678", lines[11]);
        assertEquals(CanonicalRequest.SM2_USER_ID, lines[11]);
    }

    @Test
    void fxs1HasElevenLinesWithoutAPlatformIdAndIsTheSameRequestUnbound() {
        CanonicalRequest fxs1 = CanonicalRequest.ofFxs1("get", "/listings", "b=2&a=1", "Inv-7", "Inv-7-k1",
                SignatureAlgorithm.ED25519, 1_795_000_000_000L, "n-1", new byte[0]);
        assertEquals(String.join("\n", "FXS1", "GET", "/listings", "a=1&b=2", "Inv-7", "Inv-7-k1", "ED25519",
                "1795000000000", "n-1", EMPTY_SHA256, ""), fxs1.canonicalString());
        assertEquals(fxs1, get("b=2&a=1").asFxs1());
        assertEquals("", fxs1.platformId());
    }

    @Test
    void requestsForTwoPlatformsDifferOnlyInLineTwo() {
        CanonicalRequest a = get("a=1");
        CanonicalRequest b = CanonicalRequest.of("fx-other", "GET", "/listings", "a=1", "Inv-7", "Inv-7-k1",
                SignatureAlgorithm.ED25519, 1_795_000_000_000L, "n-1", new byte[0]);
        assertEquals(a.canonicalString().replaceFirst("\nfx-test\n", "\nfx-other\n"), b.canonicalString());
    }

    @Test
    void refusesAMalformedPlatformIdAndAPlatformIdUnderFxs1() {
        for (String bad : new String[] {"", "ab", "Fx-test", "fx_test", "-fx", "fx-", "fx test", "fx\ntest",
                "a".repeat(65)}) {
            assertThrows(IllegalArgumentException.class, () -> CanonicalRequest.of(bad, "GET", "/l", "", "P", "K",
                    SignatureAlgorithm.ED25519, 0, "r", new byte[0]), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new CanonicalRequest(SigningScheme.FXS1, "fx-test", "GET",
                "/l", "", "P", "K", SignatureAlgorithm.ED25519, 0, "r", EMPTY_SHA256));
    }

    @Test
    void digestsTheEmptyBodyAsTheEmptyString() {
        assertEquals(EMPTY_SHA256, get(null).bodyDigestHex());
        assertEquals(EMPTY_SHA256, CanonicalRequest.sha256Hex(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                CanonicalRequest.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void sortsQueryByKeyThenValue() {
        assertEquals("a=1&a=2&b=1&b=2", canonicalQuery("b=2&a=2&b=1&a=1"));
        assertEquals("", canonicalQuery(""));
        assertEquals("", canonicalQuery(null));
    }

    @Test
    void reencodesQueryPerRfc3986WithUpperCaseHex() {
        assertEquals("q=caf%C3%A9", canonicalQuery("q=caf%c3%a9"));
        assertEquals("q=caf%C3%A9", canonicalQuery("q=café"));
        assertEquals("x=~-._", canonicalQuery("x=%7E%2d%2E%5f"));
        assertEquals("q=a%20b", canonicalQuery("q=a%20b"));
        assertEquals("q=a%2Bb", canonicalQuery("q=a+b"));
        assertEquals("k%3D=v%26", canonicalQuery("k%3d=v%26"));
        assertEquals("eq=a%3Db", canonicalQuery("eq=a=b"));
    }

    @Test
    void givesBareParametersAnEmptyValueAndDropsEmptyOnes() {
        assertEquals("flag=&x=1", canonicalQuery("x=1&&flag&"));
    }

    @Test
    void rejectsMalformedPercentEscapes() {
        assertThrows(IllegalArgumentException.class, () -> canonicalQuery("a=%4"));
        assertThrows(IllegalArgumentException.class, () -> canonicalQuery("a=%zz"));
    }

    @Test
    void keepsThePathAsSent() {
        CanonicalRequest request = CanonicalRequest.of("fx-test", "GET", "/funds/F%2F1/", "", "P", "K",
                SignatureAlgorithm.ED25519, 0, "r", new byte[0]);
        assertEquals("/funds/F%2F1/", request.path());
    }

    @Test
    void rejectsPathsWithoutLeadingSlashAndFieldsWithLineBreaks() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalRequest.of("fx-test", "GET", "listings", "", "P", "K",
                SignatureAlgorithm.ED25519, 0, "r", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> CanonicalRequest.of("fx-test", "GET", "/l", "", "P\nQ", "K",
                SignatureAlgorithm.ED25519, 0, "r", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> CanonicalRequest.of("fx-test", "GET", "/l", "", "P", "K",
                SignatureAlgorithm.ED25519, 0, "r\r", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> CanonicalRequest.of("fx-test", "GET", "/l", "", "P", "",
                SignatureAlgorithm.ED25519, 0, "r", new byte[0]));
    }
}
