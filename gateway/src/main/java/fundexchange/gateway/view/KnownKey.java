package fundexchange.gateway.view;

/** A key as the gateway's key cache knows it: owner, algorithm, SubjectPublicKeyInfo DER, and whether revoked. */
public record KnownKey(String keyId, String participantId, String algorithm, byte[] publicKey, boolean revoked) {
}
