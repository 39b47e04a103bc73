package fundexchange.signing;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.SM2Signer;

/**
 * Signs and verifies with BouncyCastle's lightweight API. Stateless and thread-safe: every call
 * uses its own signer instance.
 */
public final class Signatures {

    private static final byte[] SM2_ID = CanonicalRequest.SM2_USER_ID.getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /**
     * Signs {@code message}. Ed25519 yields 64 bytes; SM2 yields a DER {@code SEQUENCE {r, s}}.
     *
     * @throws IllegalArgumentException if the key is not a PKCS#8-encodable key of {@code algorithm}
     */
    public static byte[] sign(SignatureAlgorithm algorithm, PrivateKey key, byte[] message) {
        byte[] pkcs8 = Objects.requireNonNull(key, "key").getEncoded();
        if (pkcs8 == null) {
            throw new IllegalArgumentException("private key cannot be exported as PKCS#8");
        }
        CipherParameters params = LightweightKeys.privateKey(algorithm, pkcs8);
        if (algorithm == SignatureAlgorithm.SM2_SM3) {
            params = new ParametersWithID(new ParametersWithRandom(params, RANDOM), SM2_ID);
        }
        Signer signer = newSigner(algorithm);
        signer.init(true, params);
        signer.update(message, 0, message.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** A public key decoded once, for verifying many signatures without decoding the key (and its point) again. */
    public static final class VerifyingKey {
        private final SignatureAlgorithm algorithm;
        private final CipherParameters params;

        private VerifyingKey(SignatureAlgorithm algorithm, CipherParameters params) {
            this.algorithm = algorithm;
            this.params = params;
        }

        public SignatureAlgorithm algorithm() {
            return algorithm;
        }
    }

    /**
     * Decodes a public key for {@link #verify(VerifyingKey, byte[], byte[])}.
     *
     * @param publicKeySpkiDer the public key as X.509 SubjectPublicKeyInfo DER
     * @return empty for a malformed key or a key of another algorithm
     */
    public static java.util.Optional<VerifyingKey> verifyingKey(SignatureAlgorithm algorithm, byte[] publicKeySpkiDer) {
        try {
            CipherParameters params = LightweightKeys.publicKey(algorithm, publicKeySpkiDer);
            if (algorithm == SignatureAlgorithm.SM2_SM3) {
                params = new ParametersWithID(params, SM2_ID);
            }
            return java.util.Optional.of(new VerifyingKey(algorithm, params));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Verifies {@code signature} over {@code message}.
     *
     * @param publicKeySpkiDer the public key as X.509 SubjectPublicKeyInfo DER
     * @return false for a wrong signature and also for a malformed key or signature
     */
    public static boolean verify(SignatureAlgorithm algorithm, byte[] publicKeySpkiDer, byte[] message,
            byte[] signature) {
        return verifyingKey(algorithm, publicKeySpkiDer).map(key -> verify(key, message, signature)).orElse(false);
    }

    /** Verifies {@code signature} over {@code message}; false for a wrong or malformed signature. */
    public static boolean verify(VerifyingKey key, byte[] message, byte[] signature) {
        try {
            Signer signer = newSigner(key.algorithm);
            signer.init(false, key.params);
            signer.update(message, 0, message.length);
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Signer newSigner(SignatureAlgorithm algorithm) {
        return switch (algorithm) {
            case ED25519 -> new Ed25519Signer();
            case SM2_SM3 -> new SM2Signer();
        };
    }
}
