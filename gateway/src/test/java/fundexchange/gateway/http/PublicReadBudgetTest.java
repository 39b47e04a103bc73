package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public market-data reads' rate bound, on a stepped clock; and the ETag a 304 is decided by. */
class PublicReadBudgetTest {
    private long now = 1_000L;

    @Test
    void aBurstOfPerSecondReadsPassesTheNextIsRefusedAndTimeRefillsIt() {
        PublicReadBudget budget = new PublicReadBudget(4, () -> now);
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(budget.tryAcquire());
        }
        now += 250_000_000L; // a quarter of a second: one read's worth
        answers.add(budget.tryAcquire());
        answers.add(budget.tryAcquire());
        now += 10_000_000_000L; // ten seconds refill only up to the burst
        for (int i = 0; i < 5; i++) {
            answers.add(budget.tryAcquire());
        }
        assertEquals(List.of(true, true, true, true, false, true, false, true, true, true, true, false), answers);
    }

    @Test
    void ifNoneMatchNamesTheTagAmongOthersOrByStar() {
        String etag = MarketDataEndpoints.etag("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(true, true, true, true, false, false), List.of(MarketDataEndpoints.matches(etag, etag),
                MarketDataEndpoints.matches("\"x\", " + etag, etag), MarketDataEndpoints.matches("W/" + etag, etag),
                MarketDataEndpoints.matches("*", etag), MarketDataEndpoints.matches("\"x\"", etag),
                MarketDataEndpoints.matches("", etag)));
    }
}
