package fundexchange.ops.verify;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code exchange verify} found.
 *
 * @param failure             the first bad index; empty when every check passed
 * @param indexesVerified     indexes whose command record and event document passed every check (before the failure)
 * @param signaturesVerified  participant signatures re-verified with the key of that index
 * @param checkpointsVerified checkpoints whose exchange signature and chain head were verified
 * @param lastCheckpointed    the last index a verified checkpoint covers (0: none); later documents rest on replay alone
 * @param chainHead           the audit link of the last verified index, to compare with a published checkpoint
 * @param notes               what was ignored or could not be checked, and why (a torn tail, pending commands, ...)
 * @param took                how long the verification ran
 */
public record Verdict(Optional<Failure> failure, long indexesVerified, long signaturesVerified, long checkpointsVerified,
                      long lastCheckpointed, String chainHead, List<String> notes, Duration took) {
    public Verdict {
        Objects.requireNonNull(failure, "failure");
        notes = List.copyOf(notes);
    }

    public boolean valid() {
        return failure.isEmpty();
    }

    /** The report a person reads, English / Chinese. */
    public String message() {
        StringBuilder text = new StringBuilder();
        String counts = indexesVerified + " indexes replayed and verified / 条记录已重放并校验, " + signaturesVerified
                + " participant signatures / 个参与者签名, " + checkpointsVerified + " checkpoints / 个检查点"
                + (lastCheckpointed > 0 && lastCheckpointed < indexesVerified ? " (indexes after " + lastCheckpointed
                + " rest on replay alone / 其后的记录仅由重放校验)" : "");
        failure.ifPresentOrElse(
                f -> text.append("INVALID / 不通过 at ").append(f).append(System.lineSeparator())
                        .append("before it / 在此之前: ").append(counts),
                () -> text.append("VALID / 通过: ").append(counts).append("; chain head / 链头 ").append(chainHead));
        for (String note : notes) {
            text.append(System.lineSeparator()).append("note / 说明: ").append(note);
        }
        text.append(System.lineSeparator()).append("took / 用时: ").append(took.toMillis()).append(" ms");
        return text.toString();
    }
}
