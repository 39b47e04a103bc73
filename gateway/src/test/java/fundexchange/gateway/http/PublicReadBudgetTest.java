package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fundexchange.registry.read.MarketReads;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The public market-data reads' rate bound, per address and shared, on a stepped clock; the answers serialised once a
 * snapshot; and the ETag a 304 is decided by.
 */
class PublicReadBudgetTest {
    private static final String A = "192.0.2.1";
    private static final String B = "192.0.2.2";
    private static final String C = "2001:db8:0:0:0:0:0:3";
    private long now = 1_000L;

    @Test
    void aBurstOfPerSecondReadsPassesTheNextIsRefusedAndTimeRefillsIt() {
        PublicReadBudget budget = new PublicReadBudget(4, 1_000, 10, () -> now);
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(budget.tryAcquire(A));
        }
        now += 250_000_000L; // a quarter of a second: one read's worth
        answers.add(budget.tryAcquire(A));
        answers.add(budget.tryAcquire(A));
        now += 10_000_000_000L; // ten seconds refill only up to the burst
        for (int i = 0; i < 5; i++) {
            answers.add(budget.tryAcquire(A));
        }
        assertEquals(List.of(true, true, true, true, false, true, false, true, true, true, true, false), answers);
    }

    @Test
    void theStandardBurstIsTenSecondsOfReadsThenTheRateHolds() {
        PublicReadBudget budget = new PublicReadBudget(2, 1_000, 10, 10, 1, () -> now);
        List<Boolean> answers = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            answers.add(budget.tryAcquire(A));
        }
        now += 500_000_000L; // half a second: one read's worth at 2 a second
        answers.add(budget.tryAcquire(A));
        answers.add(budget.tryAcquire(A));
        assertEquals(java.util.Collections.nCopies(20, true), answers.subList(0, 20));
        assertEquals(List.of(false, true, false), answers.subList(20, 23));
        assertEquals(10, PublicReadBudget.DEFAULT_BURST_SECONDS);
    }

    /**
     * The standard bounds: 200 addresses each within its own burst of 200 (ten seconds at 20 a second) try 40,000 reads
     * at one instant; the shared backstop passes one second of its rate (2,000), not ten (20,000), then refills at
     * 2,000 a second and, however long idle, again to one second's worth; one address alone still has its burst.
     */
    @Test
    void theSharedBackstopsBurstIsOneSecondOfItsRateHoweverManyAddressesBurst() {
        PublicReadBudget budget = new PublicReadBudget(PublicReadBudget.DEFAULT_PER_ADDRESS,
                PublicReadBudget.DEFAULT_TOTAL, PublicReadBudget.DEFAULT_MAX_ADDRESSES,
                PublicReadBudget.DEFAULT_BURST_SECONDS, PublicReadBudget.DEFAULT_TOTAL_BURST_SECONDS, () -> now);
        List<Integer> passed = new ArrayList<>();
        passed.add(burst(budget, 200, 200));
        now += 500_000_000L; // half a second: 1,000 shared reads' worth
        passed.add(burst(budget, 200, 200));
        now += 60_000_000_000L; // a minute idle refills only up to the shared burst
        passed.add(burst(budget, 200, 200));
        assertEquals(List.of(2_000, 1_000, 2_000), passed);
        assertEquals(List.of(10, 1), List.of(PublicReadBudget.DEFAULT_BURST_SECONDS,
                PublicReadBudget.DEFAULT_TOTAL_BURST_SECONDS));

        now += 60_000_000_000L;
        PublicReadBudget alone = new PublicReadBudget(PublicReadBudget.DEFAULT_PER_ADDRESS,
                PublicReadBudget.DEFAULT_TOTAL, PublicReadBudget.DEFAULT_MAX_ADDRESSES,
                PublicReadBudget.DEFAULT_BURST_SECONDS, PublicReadBudget.DEFAULT_TOTAL_BURST_SECONDS, () -> now);
        assertEquals(200, burst(alone, 1, 201));
    }

    /** Reads that pass when each of {@code addresses} addresses tries {@code each} at this instant. */
    private static int burst(PublicReadBudget budget, int addresses, int each) {
        int passed = 0;
        for (int address = 0; address < addresses; address++) {
            for (int i = 0; i < each; i++) {
                passed += budget.tryAcquire("198.51.100." + address) ? 1 : 0;
            }
        }
        return passed;
    }

    @Test
    void oneAddressOverItsBoundIsRefusedWhileAnotherStillReads() {
        PublicReadBudget budget = new PublicReadBudget(2, 1_000, 10, () -> now);
        List<Boolean> answers = new ArrayList<>();
        for (String address : List.of(A, A, A, A, B, B, B, C)) {
            answers.add(budget.tryAcquire(address));
        }
        assertEquals(List.of(true, true, false, false, true, true, false, true), answers);
    }

    @Test
    void theSharedBoundRefusesEveryAddressOnceManyHaveTakenIt() {
        PublicReadBudget budget = new PublicReadBudget(2, 3, 10, () -> now);
        List<Boolean> answers = new ArrayList<>();
        for (String address : List.of(A, A, B, C, C)) {
            answers.add(budget.tryAcquire(address));
        }
        now += 1_000_000_000L / 3; // one shared read's worth
        answers.add(budget.tryAcquire(C));
        // A refused read takes nothing: C's own bucket still held a read when the shared one was empty.
        assertEquals(List.of(true, true, true, false, false, true), answers);
    }

    @Test
    void theLeastRecentlyUsedAddressIsForgottenBeyondTheBound() {
        PublicReadBudget budget = new PublicReadBudget(1, 1_000, 2, () -> now);
        List<Boolean> answers = new ArrayList<>();
        for (String address : List.of(A, B, A, C, A, B)) {
            answers.add(budget.tryAcquire(address));
        }
        // C pushes out B (A was used after it): A stays refused, B starts again with a full bucket.
        assertEquals(List.of(true, true, false, true, false, true), answers);
        assertEquals(2, budget.addresses());
    }

    @Test
    void eachSnapshotSerialisesAnAnswerOnceAndALaterSnapshotAnswersAfresh() {
        PublicAnswers answers = new PublicAnswers();
        MarketReads.Snapshot first = snapshot("2026-11-18", 1);
        MarketReads.Snapshot second = snapshot("2026-11-19", 2);
        AtomicInteger built = new AtomicInteger();

        PublicAnswers.Answer summary = answers.answer(first, "summary", () -> body(first, built));
        PublicAnswers.Answer again = answers.answer(first, "summary", () -> body(first, built));
        PublicAnswers.Answer index = answers.answer(first, "index", () -> body(first, built));
        assertSame(summary, again);
        assertEquals(List.of(2, 2), List.of(built.get(), answers.size()));
        assertEquals(MarketDataEndpoints.etag(summary.body()), summary.etag());

        PublicAnswers.Answer next = answers.answer(second, "summary", () -> body(second, built));
        PublicAnswers.Answer stale = answers.answer(first, "summary", () -> body(first, built));
        assertEquals(List.of(4, 1), List.of(built.get(), answers.size()));
        assertEquals("{\"asOf\":\"2026-11-19\"}", new String(next.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(summary.etag(), stale.etag()); // an older snapshot is answered, never cached over the newer
        assertEquals(List.of(false, true), List.of(next.etag().equals(summary.etag()), index != summary));
    }

    @Test
    void ifNoneMatchNamesTheTagAmongOthersOrByStar() {
        String etag = MarketDataEndpoints.etag("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(List.of(true, true, true, true, false, false), List.of(MarketDataEndpoints.matches(etag, etag),
                MarketDataEndpoints.matches("\"x\", " + etag, etag), MarketDataEndpoints.matches("W/" + etag, etag),
                MarketDataEndpoints.matches("*", etag), MarketDataEndpoints.matches("\"x\"", etag),
                MarketDataEndpoints.matches("", etag)));
    }

    private static MarketReads.Snapshot snapshot(String asOf, long generation) {
        return new MarketReads.Snapshot(new MarketReads.Summary(LocalDate.parse(asOf), "Asia/Shanghai", 3, 0, List.of(),
                List.of()), List.of(), List.of(), generation);
    }

    private static Map<String, Object> body(MarketReads.Snapshot snapshot, AtomicInteger built) {
        built.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", snapshot.asOf().toString());
        return body;
    }
}
