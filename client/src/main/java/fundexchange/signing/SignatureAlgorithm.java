package fundexchange.signing;

/** The signature algorithms a participant key may use, with their names on the wire. */
public enum SignatureAlgorithm {
    /** Ed25519 (RFC 8032), 64-byte signatures. */
    ED25519("ED25519"),
    /** SM2 over sm2p256v1 with SM3 (GB/T 32918.2), DER-encoded signatures. */
    SM2_SM3("SM2-SM3");

    private final String wireName;

    SignatureAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the {@code X-Algorithm} header and the canonical string. */
    public String wireName() {
        return wireName;
    }

    /**
     * Looks up an algorithm by its wire name (case-sensitive).
     *
     * @throws IllegalArgumentException if no algorithm has that name
     */
    public static SignatureAlgorithm fromWireName(String wireName) {
        for (SignatureAlgorithm algorithm : values()) {
            if (algorithm.wireName.equals(wireName)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown signature algorithm: " + wireName);
    }
}
