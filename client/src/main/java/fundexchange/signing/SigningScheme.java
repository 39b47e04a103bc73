package fundexchange.signing;

/** The versions of the canonical string (docs/api-signing.md); the tag is its first line. */
public enum SigningScheme {
    /** Eleven lines, bound to no deployment. Verified only for records journaled before FXS2; the gateway refuses it. */
    FXS1,
    /** Twelve lines, the platform id on line 2: a request signed for one deployment verifies at no other. */
    FXS2;

    /** The version tag, the first line of the canonical string. */
    public String tag() {
        return name();
    }

    /**
     * The scheme a journaled request names; a request journaled before FXS2 names none ({@code null}) and is FXS1.
     *
     * @throws IllegalArgumentException for an unknown tag
     */
    public static SigningScheme ofJournaled(String tag) {
        if (tag == null) {
            return FXS1;
        }
        for (SigningScheme scheme : values()) {
            if (scheme.tag().equals(tag)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("unknown signing scheme: " + tag);
    }
}
