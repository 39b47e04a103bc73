package fundexchange.ops;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Counts of the registry's custody registrations, non-listed offers, quotes, intents, match proposals, pledges and
 * freezes by status, read from the demo node's own registry database (the projection of the event journal).
 */
final class DemoRegistryCounts {
    private static final String QUERY = """
            SELECT 'custody registrations' AS what, mode || ' ' || status AS status, count(*) AS n
              FROM custody_registrations GROUP BY mode, status
            UNION ALL SELECT 'custody lines', CASE WHEN confirmed_index IS NULL THEN 'UNCONFIRMED' ELSE 'CONFIRMED' END,
              count(*) FROM custody_entries GROUP BY confirmed_index IS NULL
            UNION ALL SELECT 'offers', status, count(*) FROM offers GROUP BY status
            UNION ALL SELECT 'quotes', status, count(*) FROM quotes GROUP BY status
            UNION ALL SELECT 'quote rounds', side, count(*) FROM quote_rounds GROUP BY side
            UNION ALL SELECT 'intents', status, count(*) FROM intents GROUP BY status
            UNION ALL SELECT 'match proposals', status, count(*) FROM match_proposals GROUP BY status
            UNION ALL SELECT 'pledges', status, count(*) FROM pledges GROUP BY status
            UNION ALL SELECT 'freezes', status, count(*) FROM freezes GROUP BY status
            ORDER BY 1, 2""";

    /** One count: what, its status, how many. */
    record Count(String what, String status, long count) {
        @Override
        public String toString() {
            return "%-22s %-20s %d".formatted(what, status, count);
        }
    }

    private DemoRegistryCounts() {
    }

    static List<Count> read(DataSource registry) {
        List<Count> counts = new ArrayList<>();
        try (Connection connection = registry.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(QUERY)) {
            while (rows.next()) {
                counts.add(new Count(rows.getString("what"), rows.getString("status"), rows.getLong("n")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the registry's counts", e);
        }
        return counts;
    }
}
