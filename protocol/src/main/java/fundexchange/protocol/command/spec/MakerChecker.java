package fundexchange.protocol.command.spec;

/** A command's part in maker-checker (CONTRACTS.md 4). */
public enum MakerChecker {
    /** Takes effect on its own. */
    NONE,
    /** Proposes a sensitive action, which takes effect only when another staff member approves it. */
    MAKER,
    /** Approves another staff member's proposal: the proposed action takes effect here. */
    CHECKER
}
