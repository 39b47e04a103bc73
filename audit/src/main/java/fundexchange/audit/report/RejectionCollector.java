package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The day's REJECTED outcomes, each and by code. */
final class RejectionCollector {
    private record Key(int code, String reason) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparingInt(Key::code)
            .thenComparing(Key::reason, Comparator.nullsFirst(Comparator.naturalOrder()));
    private final Map<Key, Long> counts = new TreeMap<>(ORDER);
    private final List<RejectedCommand> commands = new ArrayList<>();

    void accept(JournalDocument doc) {
        if (!"REJECTED".equals(doc.status())) {
            return;
        }
        JsonNode outcome = doc.outcome();
        int code = outcome.path("code").asInt();
        String reason = Json.text(outcome, "reason");
        counts.merge(new Key(code, reason), 1L, Long::sum);
        commands.add(new RejectedCommand(doc.sourceIndex(), doc.localTime(), doc.participant(), doc.commandType(), code,
                reason, Json.text(outcome, "message")));
    }

    RejectionsSection build() {
        List<RejectionCount> byCode = new ArrayList<>();
        counts.forEach((key, count) -> byCode.add(new RejectionCount(key.code(), key.reason(), count)));
        return new RejectionsSection(byCode, commands);
    }
}
