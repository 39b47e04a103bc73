package fundexchange.protocol.reference;

/** A participant's public key (X.509 SubjectPublicKeyInfo, Base64) and its status; key ids are never reused. */
public record KeyRecord(String keyId, String participantId, String algorithm, String publicKey, KeyStatus status,
                        long registeredAt, long revokedAt) {
    public KeyRecord revoked(long index) {
        return new KeyRecord(keyId, participantId, algorithm, publicKey, KeyStatus.REVOKED, registeredAt, index);
    }

    public boolean activeAt(long index) {
        return status == KeyStatus.ACTIVE || revokedAt > index;
    }
}
