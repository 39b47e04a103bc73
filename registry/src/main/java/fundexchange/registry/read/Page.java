package fundexchange.registry.read;

/** A page of a list in id order: the ids after {@code after}, at most {@code limit} of them. */
public record Page(long after, int limit) {
    public Page {
        if (after < 0 || limit < 1) {
            throw new IllegalArgumentException("after must not be negative and limit must be positive");
        }
    }
}
