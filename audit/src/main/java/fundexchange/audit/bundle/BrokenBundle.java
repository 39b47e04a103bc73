package fundexchange.audit.bundle;

/** Thrown inside the verifier at the first check that fails; becomes the report's {@link Problem}. */
final class BrokenBundle extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    BrokenBundle(long index, String reason) {
        super(reason, null, false, false);
        this.problem = new Problem(index, reason);
    }

    Problem problem() {
        return problem;
    }
}
