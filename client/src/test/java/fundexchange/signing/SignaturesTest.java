package fundexchange.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SignaturesTest {

    private static final byte[] MESSAGE = CanonicalRequest.of("fx-test", "POST", "/listings", "a=1", "Holder-01",
            "Holder-01-k1", SignatureAlgorithm.ED25519, 1_795_000_000_000L, "req-1",
            "{\"units\":5}".getBytes(StandardCharsets.UTF_8)).bytes();

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void signatureVerifiesAgainstTheMatchingPublicKey(SignatureAlgorithm algorithm) {
        KeyPair pair = KeyMaterial.generate(algorithm);
        byte[] signature = Signatures.sign(algorithm, pair.getPrivate(), MESSAGE);
        assertTrue(Signatures.verify(algorithm, KeyMaterial.spki(pair.getPublic()), MESSAGE, signature));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void changingAnyOneByteOfTheMessageFailsVerification(SignatureAlgorithm algorithm) {
        KeyPair pair = KeyMaterial.generate(algorithm);
        byte[] spki = KeyMaterial.spki(pair.getPublic());
        byte[] signature = Signatures.sign(algorithm, pair.getPrivate(), MESSAGE);
        for (int i = 0; i < MESSAGE.length; i += 7) {
            byte[] tampered = MESSAGE.clone();
            tampered[i] ^= 0x01;
            assertFalse(Signatures.verify(algorithm, spki, tampered, signature), "byte " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void changingAnyOneByteOfTheSignatureFailsVerification(SignatureAlgorithm algorithm) {
        KeyPair pair = KeyMaterial.generate(algorithm);
        byte[] spki = KeyMaterial.spki(pair.getPublic());
        byte[] signature = Signatures.sign(algorithm, pair.getPrivate(), MESSAGE);
        for (int i = 0; i < signature.length; i++) {
            byte[] tampered = signature.clone();
            tampered[i] ^= 0x01;
            assertFalse(Signatures.verify(algorithm, spki, MESSAGE, tampered), "byte " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void aKeyDecodedOnceVerifiesManySignaturesAndRefusesTamperedOnes(SignatureAlgorithm algorithm) {
        KeyPair pair = KeyMaterial.generate(algorithm);
        Signatures.VerifyingKey key = Signatures.verifyingKey(algorithm, KeyMaterial.spki(pair.getPublic())).orElseThrow();
        for (int i = 0; i < 3; i++) {
            byte[] message = Arrays.copyOf(MESSAGE, MESSAGE.length + i);
            byte[] signature = Signatures.sign(algorithm, pair.getPrivate(), message);
            assertTrue(Signatures.verify(key, message, signature));
            message[0] ^= 0x01;
            assertFalse(Signatures.verify(key, message, signature));
        }
        SignatureAlgorithm other = algorithm == SignatureAlgorithm.ED25519 ? SignatureAlgorithm.SM2_SM3 : SignatureAlgorithm.ED25519;
        assertTrue(Signatures.verifyingKey(other, KeyMaterial.spki(pair.getPublic())).isEmpty(), "a key of another algorithm");
        assertTrue(Signatures.verifyingKey(algorithm, new byte[] {1, 2, 3}).isEmpty(), "a malformed key");
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void anotherKeysSignatureFailsVerification(SignatureAlgorithm algorithm) {
        byte[] signature = Signatures.sign(algorithm, KeyMaterial.generate(algorithm).getPrivate(), MESSAGE);
        byte[] otherSpki = KeyMaterial.spki(KeyMaterial.generate(algorithm).getPublic());
        assertFalse(Signatures.verify(algorithm, otherSpki, MESSAGE, signature));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void malformedKeysAndSignaturesAnswerFalseNotException(SignatureAlgorithm algorithm) {
        KeyPair pair = KeyMaterial.generate(algorithm);
        byte[] spki = KeyMaterial.spki(pair.getPublic());
        byte[] signature = Signatures.sign(algorithm, pair.getPrivate(), MESSAGE);
        byte[] truncatedKey = Arrays.copyOf(spki, spki.length - 1);
        byte[] extended = Arrays.copyOf(signature, signature.length + 1);

        assertFalse(Signatures.verify(algorithm, new byte[] {1, 2, 3}, MESSAGE, signature));
        assertFalse(Signatures.verify(algorithm, truncatedKey, MESSAGE, signature));
        assertFalse(Signatures.verify(algorithm, spki, MESSAGE, new byte[0]));
        assertFalse(Signatures.verify(algorithm, spki, MESSAGE, extended));
        assertFalse(Signatures.verify(algorithm, spki, MESSAGE, null));
    }

    @Test
    void keyOfTheOtherAlgorithmIsRejected() {
        KeyPair ed = KeyMaterial.generate(SignatureAlgorithm.ED25519);
        KeyPair sm2 = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        byte[] edSignature = Signatures.sign(SignatureAlgorithm.ED25519, ed.getPrivate(), MESSAGE);

        assertFalse(Signatures.verify(SignatureAlgorithm.SM2_SM3, KeyMaterial.spki(ed.getPublic()), MESSAGE,
                edSignature));
        assertThrows(IllegalArgumentException.class,
                () -> Signatures.sign(SignatureAlgorithm.ED25519, sm2.getPrivate(), MESSAGE));
    }

    @Test
    void sm2SignaturesAreDerSequencesAndRandomized() {
        KeyPair pair = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);
        byte[] first = Signatures.sign(SignatureAlgorithm.SM2_SM3, pair.getPrivate(), MESSAGE);
        byte[] second = Signatures.sign(SignatureAlgorithm.SM2_SM3, pair.getPrivate(), MESSAGE);
        assertEquals(0x30, first[0] & 0xFF);
        assertEquals(first.length - 2, first[1] & 0xFF);
        assertFalse(Arrays.equals(first, second));
    }

    @ParameterizedTest
    @EnumSource(SignatureAlgorithm.class)
    void verifiesConcurrentlyFromManyThreads(SignatureAlgorithm algorithm) throws Exception {
        KeyPair pair = KeyMaterial.generate(algorithm);
        byte[] spki = KeyMaterial.spki(pair.getPublic());
        byte[] signature = Signatures.sign(algorithm, pair.getPrivate(), MESSAGE);
        byte[] tampered = MESSAGE.clone();
        tampered[0] ^= 1;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean good = i % 2 == 0;
                results.add(pool.submit(() -> good == Signatures.verify(algorithm, spki, good ? MESSAGE : tampered,
                        signature)));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
