package fundexchange.audit.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The day's rejected commands counted by participant, then code; unsigned commands come first. */
final class Refusals {
    private record Key(String participant, int code, String reason) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::participant,
                    Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparingInt(Key::code)
            .thenComparing(Key::reason, Comparator.nullsFirst(Comparator.naturalOrder()));

    private Refusals() {
    }

    static List<RefusalCount> byParticipant(List<RejectedCommand> commands, Directory directory) {
        Map<Key, Long> counts = new TreeMap<>(ORDER);
        commands.forEach(c -> counts.merge(new Key(c.participant(), c.code(), c.reason()), 1L, Long::sum));
        List<RefusalCount> rows = new ArrayList<>();
        counts.forEach((k, n) -> rows.add(new RefusalCount(k.participant(), directory.name(k.participant()), k.code(),
                k.reason(), n)));
        return rows;
    }
}
