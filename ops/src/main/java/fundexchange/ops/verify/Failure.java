package fundexchange.ops.verify;

import java.util.Objects;

/**
 * The first bad index and what is wrong there.
 *
 * @param index  the journal index (the command record and event document of that number)
 * @param kind   which kind of place is damaged
 * @param reason what the failed check saw, for a person
 */
public record Failure(long index, Kind kind, String reason) {
    public Failure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "index " + index + ": " + kind.label() + ": " + reason;
    }
}
