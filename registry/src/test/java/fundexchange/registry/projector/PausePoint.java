package fundexchange.registry.projector;

/**
 * Where a {@link ProjectorChild} stops for good, counting from its start: right after the {@code n}-th statement
 * executed inside a transaction, right before the {@code n}-th commit (every statement of that transaction done, the
 * watermark moved but not committed), or right after the {@code n}-th commit (between transactions). Written
 * {@code KIND:n}.
 */
record PausePoint(Kind kind, int n) {
    enum Kind {
        AFTER_STATEMENT, BEFORE_COMMIT, AFTER_COMMIT
    }

    PausePoint {
        if (n < 1) {
            throw new IllegalArgumentException("n counts from 1: " + n);
        }
    }

    static PausePoint parse(String text) {
        String[] parts = text.split(":", 2);
        return new PausePoint(Kind.valueOf(parts[0]), Integer.parseInt(parts[1]));
    }

    /** Whether the child stops with a transaction open. */
    boolean insideTransaction() {
        return kind != Kind.AFTER_COMMIT;
    }

    @Override
    public String toString() {
        return kind + ":" + n;
    }
}
