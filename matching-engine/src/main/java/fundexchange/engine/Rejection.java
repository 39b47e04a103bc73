package fundexchange.engine;

import fundexchange.protocol.RejectCode;

/** Thrown inside the engine while deciding, before anything is mutated; it becomes a REJECTED outcome. */
final class Rejection extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final RejectCode code;

    Rejection(RejectCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    RejectCode code() {
        return code;
    }

    static void check(boolean condition, RejectCode code, String message) {
        if (!condition) {
            throw new Rejection(code, message);
        }
    }
}
