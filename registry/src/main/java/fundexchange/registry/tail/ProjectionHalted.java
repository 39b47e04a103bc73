package fundexchange.registry.tail;

/** A projection stopped at a journal index: a constraint failure, a chain mismatch or a gap. Never retried. */
public final class ProjectionHalted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long sourceIndex;

    public ProjectionHalted(long sourceIndex, String message, Throwable cause) {
        super(message, cause);
        this.sourceIndex = sourceIndex;
    }

    public ProjectionHalted(long sourceIndex, String message) {
        this(sourceIndex, message, null);
    }

    public long sourceIndex() {
        return sourceIndex;
    }
}
