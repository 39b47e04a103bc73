package fundexchange.audit.report;

import java.util.List;

/**
 * The day's rejected commands (duplicates of rejected commands are counted as duplicates, not here).
 *
 * @param byCode   counts by reject code, sorted by code
 * @param commands each rejected command, in journal order
 */
public record RejectionsSection(List<RejectionCount> byCode, List<RejectedCommand> commands) {
    public RejectionsSection {
        byCode = List.copyOf(byCode);
        commands = List.copyOf(commands);
    }
}
