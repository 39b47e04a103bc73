package fundexchange.gateway.view;

import fundexchange.signing.SignatureAlgorithm;
import fundexchange.signing.Signatures;
import java.util.Optional;

/**
 * A key as the gateway's key cache knows it: owner, algorithm, SubjectPublicKeyInfo DER, whether revoked, and the key
 * decoded once for verification (empty when the journaled key does not decode as its algorithm).
 */
public record KnownKey(String keyId, String participantId, String algorithm, byte[] publicKey, boolean revoked,
                       Optional<Signatures.VerifyingKey> verifier) {

    static KnownKey registered(String keyId, String participantId, String algorithm, byte[] publicKey) {
        Optional<Signatures.VerifyingKey> verifier;
        try {
            verifier = Signatures.verifyingKey(SignatureAlgorithm.fromWireName(algorithm), publicKey);
        } catch (IllegalArgumentException e) {
            verifier = Optional.empty();
        }
        return new KnownKey(keyId, participantId, algorithm, publicKey, false, verifier);
    }

    KnownKey revoke() {
        return new KnownKey(keyId, participantId, algorithm, publicKey, true, verifier);
    }
}
