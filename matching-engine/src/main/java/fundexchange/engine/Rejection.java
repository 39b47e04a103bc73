package fundexchange.engine;

import fundexchange.protocol.refusal.Refusal;

/**
 * Thrown inside the engine while deciding, before anything is mutated; it becomes a REJECTED outcome carrying its
 * refusal's code and name (a shared {@code RejectCode} or a mechanism's own).
 */
final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    // transient: a Rejection is never serialised (no state, snapshot or message holds one), and Refusal is not
    // Serializable, which -Xlint:serial would refuse on a Serializable exception's field.
    private final transient Refusal code;

    Rejection(Refusal code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    Refusal code() {
        return code;
    }

    static void check(boolean condition, Refusal code, String message) {
        if (!condition) {
            throw new Rejection(code, message);
        }
    }
}
