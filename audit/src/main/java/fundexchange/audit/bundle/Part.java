package fundexchange.audit.bundle;

/** Which part of a journal index a failed check is about, for a verifier that must say what is wrong. */
public enum Part {
    /** A participant's signature does not verify, or its key was not usable for an accepted command. */
    SIGNATURE,
    /** The command record does not decode, or is not what its signed request says, or is unsigned where it may not be. */
    COMMAND,
    /** The event document does not decode, or does not answer its command. */
    EVENT,
    /** A checkpoint's exchange signature or chain head. */
    CHECKPOINT,
    /** A check that spans both documents (e.g. a sealed-bid commitment). */
    UNSPECIFIED
}
