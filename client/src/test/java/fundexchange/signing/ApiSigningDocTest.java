package fundexchange.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reproduces the worked examples of {@code docs/api-signing.md} from the inputs it states. */
class ApiSigningDocTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern VALUE_ROW = Pattern.compile("(?m)^\\| ([^|`]+?) \\| `([^`]*)` \\|$");
    private static final Pattern QUERY_ROW = Pattern.compile("(?m)^\\| `([^`]*)` \\| `([^`]*)` \\|$");
    private static final Pattern SIGNATURE_HEADER = Pattern.compile("(?m)^X-Signature: (\\S+)$");

    private static String doc;

    @BeforeAll
    static void readDoc() throws IOException {
        Path basedir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        doc = Files.readString(basedir.resolve("../docs/api-signing.md"), StandardCharsets.UTF_8);
    }

    @Test
    void ed25519ExampleIsReproducedByteForByte() {
        String section = section("Worked example: Ed25519");
        Map<String, String> values = values(section);
        KeyPair pair = KeyMaterial.ed25519FromSeed(HEX.parseHex(values.get("secret key (hex)")));
        assertKeysMatch(section, values, pair);

        CanonicalRequest request = request(values, SignatureAlgorithm.ED25519);
        assertEquals(values.get("body SHA-256"), request.bodyDigestHex());
        assertEquals(values.get("default platform id of an exchange with this key"),
                PlatformId.derivedFrom(KeyMaterial.spki(pair.getPublic())));
        assertTrue(doc.contains("it would be `" + PlatformId.derivedFrom(KeyMaterial.spki(pair.getPublic())) + "`"));
        assertCanonicalStringMatches(section, values, request);

        byte[] signature = Signatures.sign(SignatureAlgorithm.ED25519, pair.getPrivate(), request.bytes());
        assertEquals(values.get("signature (hex)"), HEX.formatHex(signature));
        assertEquals(values.get("signature (Base64)"), Base64.getEncoder().encodeToString(signature));
        assertEquals(values.get("signature (Base64)"), group(SIGNATURE_HEADER, section));
        assertTrue(Signatures.verify(SignatureAlgorithm.ED25519, HEX.parseHex(values.get("public key SPKI (hex)")),
                request.bytes(), signature));
    }

    @Test
    void sm2ExampleSignatureVerifiesOverTheStatedCanonicalString() {
        String section = section("Worked example: SM2-SM3");
        Map<String, String> values = values(section);
        KeyPair pair = KeyMaterial.sm2FromPrivateScalar(new BigInteger(values.get("private key d (hex)"), 16));
        assertKeysMatch(section, values, pair);

        CanonicalRequest request = request(values, SignatureAlgorithm.SM2_SM3);
        assertCanonicalStringMatches(section, values, request);

        byte[] spki = HEX.parseHex(values.get("public key SPKI (hex)"));
        byte[] signature = HEX.parseHex(values.get("signature (hex)"));
        assertArrayEquals(signature, Base64.getDecoder().decode(values.get("signature (Base64)")));
        assertTrue(Signatures.verify(SignatureAlgorithm.SM2_SM3, spki, request.bytes(), signature));
        assertFalse(Signatures.verify(SignatureAlgorithm.SM2_SM3, spki, request.canonicalString()
                .replace("req-0002", "req-0003").getBytes(StandardCharsets.UTF_8), signature));
        byte[] fresh = Signatures.sign(SignatureAlgorithm.SM2_SM3, pair.getPrivate(), request.bytes());
        assertTrue(Signatures.verify(SignatureAlgorithm.SM2_SM3, spki, request.bytes(), fresh));
    }

    @Test
    void fxs1NoteReproducesTheEd25519ExampleAsFxs1SignedIt() {
        Map<String, String> inputs = values(section("Worked example: Ed25519"));
        Map<String, String> fxs1 = values(section("FXS1: reading journals written before FXS2"));
        KeyPair pair = KeyMaterial.ed25519FromSeed(HEX.parseHex(inputs.get("secret key (hex)")));
        CanonicalRequest request = request(inputs, SignatureAlgorithm.ED25519).asFxs1();

        assertEquals(fxs1.get("FXS1 canonical string length (bytes)"), Integer.toString(request.bytes().length));
        assertEquals(fxs1.get("FXS1 canonical string SHA-256"), CanonicalRequest.sha256Hex(request.bytes()));
        byte[] signature = Signatures.sign(SignatureAlgorithm.ED25519, pair.getPrivate(), request.bytes());
        assertEquals(fxs1.get("FXS1 signature (Base64)"), Base64.getEncoder().encodeToString(signature));
        assertFalse(Signatures.verify(SignatureAlgorithm.ED25519, KeyMaterial.spki(pair.getPublic()),
                request(inputs, SignatureAlgorithm.ED25519).bytes(), signature), "an FXS1 signature is no FXS2 signature");
    }

    @Test
    void queryExamplesCanonicalizeAsDocumented() {
        Matcher rows = QUERY_ROW.matcher(section("Canonical string"));
        int count = 0;
        while (rows.find()) {
            assertEquals(rows.group(2), QueryCanonicalizer.canonicalize(rows.group(1)), rows.group(1));
            count++;
        }
        assertTrue(count >= 5, "query example rows found: " + count);
    }

    private static void assertKeysMatch(String section, Map<String, String> values, KeyPair pair) {
        assertEquals(values.get("public key SPKI (hex)"), HEX.formatHex(KeyMaterial.spki(pair.getPublic())));
        assertTrue(section.contains(KeyMaterial.privateKeyPem(pair.getPrivate())), "private key PEM");
        assertTrue(section.contains(KeyMaterial.publicKeyPem(pair.getPublic())), "public key PEM");
        assertArrayEquals(KeyMaterial.spki(pair.getPublic()),
                KeyMaterial.spki(KeyMaterial.readPublicPem(section)));
    }

    private static void assertCanonicalStringMatches(String section, Map<String, String> values,
            CanonicalRequest request) {
        assertEquals(canonicalBlock(section), request.canonicalString());
        assertEquals(values.get("canonical string length (bytes)"), Integer.toString(request.bytes().length));
        assertEquals(values.get("canonical string SHA-256"), CanonicalRequest.sha256Hex(request.bytes()));
    }

    private static CanonicalRequest request(Map<String, String> values, SignatureAlgorithm algorithm) {
        assertEquals(algorithm.wireName(), values.get("algorithm"));
        String pathAndQuery = values.get("path and query");
        int question = pathAndQuery.indexOf('?');
        return CanonicalRequest.of(values.get("platform id"), values.get("method"),
                question < 0 ? pathAndQuery : pathAndQuery.substring(0, question),
                question < 0 ? "" : pathAndQuery.substring(question + 1),
                values.get("participant"), values.get("key id"), algorithm, Long.parseLong(values.get("timestamp")),
                values.get("clientRequestId"),
                values.get("body (UTF-8, no trailing newline)").getBytes(StandardCharsets.UTF_8));
    }

    private static String section(String heading) {
        int start = doc.indexOf("\n## " + heading + "\n");
        assertTrue(start >= 0, "section " + heading);
        int end = doc.indexOf("\n## ", start + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    private static Map<String, String> values(String section) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher rows = VALUE_ROW.matcher(section);
        while (rows.find()) {
            values.put(rows.group(1), rows.group(2));
        }
        return values;
    }

    /** The content of the fenced block that starts with the current version tag, exactly as shown. */
    private static String canonicalBlock(String section) {
        String fence = "```text\n";
        int start = section.indexOf(fence + CanonicalRequest.VERSION + "\n");
        assertTrue(start >= 0, "canonical string block");
        int end = section.indexOf("\n```", start + fence.length());
        return section.substring(start + fence.length(), end);
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), pattern.pattern());
        return matcher.group(1);
    }
}
