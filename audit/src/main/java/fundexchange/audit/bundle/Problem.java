package fundexchange.audit.bundle;

import java.util.Objects;

/**
 * The first point where a bundle fails verification; {@link #toString} (the CLI's output) reads
 * {@code index 12 (EVENT): reason}, without the part when it is {@link Part#UNSPECIFIED}.
 *
 * @param index  the journal index of the failing line; 0 for the header
 * @param reason what failed, for a human
 * @param part   which part of the index failed ({@link Part#UNSPECIFIED} when the check spans the line)
 */
public record Problem(long index, String reason, Part part) {
    public Problem {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(part, "part");
    }

    /** A problem with no particular part. */
    public Problem(long index, String reason) {
        this(index, reason, Part.UNSPECIFIED);
    }

    @Override
    public String toString() {
        return (index == 0 ? "header" : "index " + index) + (part == Part.UNSPECIFIED ? "" : " (" + part + ")") + ": "
                + reason;
    }
}
