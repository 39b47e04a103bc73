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
}
