package fundexchange.audit.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts the day's commands by outcome and by type, and remembers the day's first and last index. */
final class HeaderCollector {
    private static final String UNKNOWN_TYPE = "(unknown)";
    private final Map<String, long[]> byType = new TreeMap<>();
    private Long first;
    private Long last;
    private String zone;
    private long total;
    private long accepted;
    private long rejected;
    private long duplicate;
    private long ticks;

    void count(JournalDocument doc) {
        if (first == null) {
            first = doc.sourceIndex();
            zone = doc.zone().getId();
        }
        last = doc.sourceIndex();
        total++;
        String type = doc.commandType() == null ? UNKNOWN_TYPE : doc.commandType();
        long[] counts = byType.computeIfAbsent(type, t -> new long[3]);
        switch (doc.status()) {
            case "ACCEPTED" -> {
                counts[0]++;
                if ("Tick".equals(type)) {
                    ticks++;
                } else {
                    accepted++;
                }
            }
            case "REJECTED" -> {
                counts[1]++;
                rejected++;
            }
            case "DUPLICATE" -> {
                counts[2]++;
                duplicate++;
            }
            default -> {
                // A status this report does not know yet counts only in the total.
            }
        }
    }

    ReportHeader build(LocalDate date, String zoneNow, boolean complete) {
        List<CommandTypeCount> types = new ArrayList<>();
        byType.forEach((type, c) -> types.add(new CommandTypeCount(type, c[0], c[1], c[2])));
        return new ReportHeader(date.toString(), zone != null ? zone : zoneNow, first, last, complete,
                new CommandCounts(total, accepted, rejected, duplicate, ticks), types);
    }
}
