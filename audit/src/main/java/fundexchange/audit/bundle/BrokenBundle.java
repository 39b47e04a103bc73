package fundexchange.audit.bundle;

/** Thrown inside the verifier at the first check that fails; becomes the report's {@link Problem}. */
final class BrokenBundle extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;

    BrokenBundle(long index, String reason) {
        this(index, Part.UNSPECIFIED, reason);
    }

    /** A problem with {@code part} of the index. */
    BrokenBundle(long index, Part part, String reason) {
        super(reason, null, false, false);
        this.problem = new Problem(index, reason, part);
    }

    Problem problem() {
        return problem;
    }

    Part part() {
        return problem.part();
    }
}
