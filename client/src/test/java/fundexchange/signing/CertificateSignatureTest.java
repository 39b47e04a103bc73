package fundexchange.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CertificateSignatureTest {
    private static final byte[] PDF = "%PDF-1.4 a certificate's bytes".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aSignatureVerifiesAndSurvivesItsFile(SignatureAlgorithm algorithm) {
        KeyPair key = KeyMaterial.generate(algorithm);
        CertificateSignature signature = CertificateSignature.sign(PDF, "demo-platform", "exchange-1", key.getPrivate(), key.getPublic());
        String fingerprint = KeyFingerprint.of(KeyMaterial.spki(key.getPublic()));
        CertificateSignature read = CertificateSignature.parse(new String(signature.bytes(), StandardCharsets.UTF_8));
        assertEquals(signature, read);
        assertEquals(algorithm, read.algorithm());
        assertEquals(CertificateSignature.Verdict.VALID, read.verify(PDF, "demo-platform", fingerprint));
        assertEquals(CertificateSignature.Verdict.VALID, read.verify(PDF, "demo-platform", fingerprint.toUpperCase()));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aFlippedByteAnotherPlatformOrAnotherKeyIsRefused(SignatureAlgorithm algorithm) {
        KeyPair key = KeyMaterial.generate(algorithm);
        CertificateSignature signature = CertificateSignature.sign(PDF, "demo-platform", "exchange-1", key.getPrivate(), key.getPublic());
        String fingerprint = KeyFingerprint.of(KeyMaterial.spki(key.getPublic()));
        byte[] flipped = PDF.clone();
        flipped[5] ^= 0x01;
        assertEquals(CertificateSignature.Verdict.ALTERED, signature.verify(flipped, "demo-platform", fingerprint));
        assertEquals(CertificateSignature.Verdict.OTHER_PLATFORM, signature.verify(PDF, "other-platform", fingerprint));
        String otherKey = KeyFingerprint.of(KeyMaterial.spki(KeyMaterial.generate(algorithm).getPublic()));
        assertEquals(CertificateSignature.Verdict.OTHER_KEY, signature.verify(PDF, "demo-platform", otherKey));
        // The digest line rewritten to the altered file's: the signature no longer verifies.
        CertificateSignature forged = new CertificateSignature(signature.platformId(), signature.keyId(), signature.algorithm(),
                signature.keyFingerprint(), signature.publicKey(), CanonicalRequest.sha256Hex(flipped), signature.signature());
        assertEquals(CertificateSignature.Verdict.BAD_SIGNATURE, forged.verify(flipped, "demo-platform", fingerprint));
        // Another key put in the file with its own fingerprint: not the published key.
        KeyPair impostor = KeyMaterial.generate(algorithm);
        CertificateSignature swapped = CertificateSignature.sign(flipped, "demo-platform", "exchange-1", impostor.getPrivate(), impostor.getPublic());
        assertEquals(CertificateSignature.Verdict.OTHER_KEY, swapped.verify(flipped, "demo-platform", fingerprint));
    }

    @org.junit.jupiter.api.Test
    void aFileOutsideItsGrammarIsRefused() {
        KeyPair key = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        String text = CertificateSignature.sign(PDF, "demo-platform", "exchange-1", key.getPrivate(), key.getPublic()).text();
        assertThrows(IllegalArgumentException.class, () -> CertificateSignature.parse(text + "extra=1\n"));
        assertThrows(IllegalArgumentException.class, () -> CertificateSignature.parse(text.replace("FXCS1", "FXCS9")));
        assertThrows(IllegalArgumentException.class, () -> CertificateSignature.parse(text.replace("keyId=", "keyid=")));
        assertThrows(IllegalArgumentException.class, () -> CertificateSignature.parse(text.replace("signature=", "signature=!")));
        assertThrows(IllegalArgumentException.class, () -> CertificateSignature.parse(""));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aKeyOrSignatureInAnyButItsCanonicalBase64IsRefused(SignatureAlgorithm algorithm) {
        KeyPair key = KeyMaterial.generate(algorithm);
        CertificateSignature signed = CertificateSignature.sign(PDF, "demo-platform", "exchange-1", key.getPrivate(), key.getPublic());
        String text = signed.text();
        String signature = signed.signature();
        String publicKey = signed.publicKey();
        // Unpadded, the last character's unused bits set, and empty: each decodes, none is the canonical spelling.
        String unpadded = signature.replace("=", "");
        String lastBitsSet = publicKey.substring(0, publicKey.indexOf('=') < 0 ? publicKey.length() - 1
                : publicKey.indexOf('=') - 1) + flipUnusedBits(publicKey);
        for (String variant : new String[] {
                text.replace("signature=" + signature, "signature=" + unpadded),
                text.replace("publicKey=" + publicKey, "publicKey=" + lastBitsSet),
                text.replace("signature=" + signature, "signature="),
                text.replace("publicKey=" + publicKey, "publicKey=")}) {
            if (!variant.equals(text)) {
                assertThrows(IllegalArgumentException.class, () -> CertificateSignature.parse(variant), variant);
            }
        }
        assertEquals(signed, CertificateSignature.parse(text));
    }

    /** The character before the padding (or the last) with its unused low bits set, when it has any. */
    private static String flipUnusedBits(String base64) {
        int at = base64.indexOf('=') < 0 ? base64.length() - 1 : base64.indexOf('=') - 1;
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        int value = alphabet.indexOf(base64.charAt(at));
        int padding = base64.length() - base64.replace("=", "").length();
        int unused = padding == 1 ? 0b11 : padding == 2 ? 0b1111 : 0;
        return alphabet.charAt(value | unused) + base64.substring(at + 1);
    }
}
