package fundexchange.audit.bundle;

/** How a checked command was authenticated; the verifier counts these. */
sealed interface Authenticity {
    /** {@code Genesis} or {@code Tick}: unsigned by contract (CONTRACTS.md 15). */
    record Unsigned() implements Authenticity {
    }

    /** A participant signature re-verified with the key registered at that index. */
    record ParticipantSigned(String participant, String keyId) implements Authenticity {
    }

    /** A checkpoint whose exchange signature and chain head were verified. */
    record Checkpointed(long chainIndex) implements Authenticity {
    }

    /** A rejected command whose key was unknown or revoked: legitimately journaled, but nothing to verify. */
    record RejectedUnverifiable(String reason) implements Authenticity {
    }

    /** The command body is withheld; only its digest entered the chain. */
    record Withheld() implements Authenticity {
    }
}
