package fundexchange.registry.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.registry.read.MarketReads.FundFigures;
import fundexchange.registry.read.MarketReads.Snapshot;
import fundexchange.registry.read.MarketReads.Summary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The funds' pages of a snapshot: the cursor's order is the funds' order, whatever order the database gave them in. */
class MarketSnapshotPagesTest {
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-18");

    @Test
    void pagingVisitsEveryFundOnceWhateverTheDatabaseCollation() {
        // A linguistic collation (en_US) ignores punctuation and case: DF1, DF-2, df3, Df4, DF10 is such an order, and
        // a cursor compared with String.compareTo after 'DF1' would skip DF-2 ('-' sorts before '1').
        List<String> collated = List.of("DF1", "DF-2", "df3", "Df4", "DF10", "DG1");
        Snapshot snapshot = new Snapshot(new Summary(AS_OF, "Asia/Shanghai", 3, collated.size(), List.of(), List.of()),
                collated.stream().map(MarketSnapshotPagesTest::fund).toList(), List.of(), 0);

        List<String> visited = new ArrayList<>();
        String cursor = null;
        do {
            List<FundFigures> page = snapshot.funds(cursor, 2);
            page.forEach(f -> visited.add(f.fundCode()));
            cursor = page.size() == 2 ? page.getLast().fundCode() : null;
        } while (cursor != null);

        assertEquals(List.of("DF-2", "DF1", "DF10", "DG1", "Df4", "df3"), visited);
    }

    private static FundFigures fund(String code) {
        return new FundFigures(code, "Demo Fund " + code, "GROWTH", 2020, "CNY", AS_OF, new BigDecimal("1.0000"),
                new BigDecimal("66.67"), AS_OF, new BigDecimal("1.0000"), 3, new BigDecimal("300.00"),
                new BigDecimal("300.00"), null, null);
    }
}
