package fundexchange.audit.report;

import java.util.List;

/**
 * What the report covers.
 *
 * @param date             the business day, ISO
 * @param zone             the platform zone at the day's first document (the current zone if the day has none)
 * @param firstSourceIndex the first document of the day; absent when the day has none
 * @param lastSourceIndex  the last document of the day; absent when the day has none
 * @param complete         whether the journal already holds a document after the day, so the day cannot grow
 * @param commands         the day's commands by outcome
 * @param commandsByType   the day's commands by command type, sorted by type
 */
public record ReportHeader(String date, String zone, Long firstSourceIndex, Long lastSourceIndex, boolean complete,
                           CommandCounts commands, List<CommandTypeCount> commandsByType) {
    public ReportHeader {
        commandsByType = List.copyOf(commandsByType);
    }
}
