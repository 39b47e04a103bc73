package fundexchange.audit.bundle;

import java.util.Objects;

/**
 * The first point where a bundle fails verification.
 *
 * @param index  the journal index of the failing line; 0 for the header
 * @param reason what failed, for a human
 */
public record Problem(long index, String reason) {
    public Problem {
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return (index == 0 ? "header" : "index " + index) + ": " + reason;
    }
}
