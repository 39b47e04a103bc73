package fundexchange.engine;

import static fundexchange.engine.BookMarket.FUND;
import static fundexchange.engine.BookMarket.accepted;
import static fundexchange.engine.BookMarket.rejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.SettleBookBatch;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.BookBatchSettled;
import fundexchange.protocol.event.TradeFailed;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.engine.listing.TradeStatus;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class BookSettlementTest {
    private final BookMarket m = new BookMarket();

    @Test
    void theDailyBatchSettlesEveryPendingBookTradeOfTheDateInTradeOrder() {
        long ask = m.sell("Holder-01", "300.00", "1.0000");
        long first = m.buy("Investor-07", "100.00", "1.0000");
        long second = m.buy("Investor-07", "200.00", "1.2000");
        m.s.advance(24 * 3_600_000L);
        long nextDay = m.buy("Investor-08", "100.00", "1.0000");
        m.sell("Holder-02", "100.00", "1.0000");
        rejected(m.s.by("Staff-01", new SettleBookBatch(FUND, "2026-11-20")), RejectCode.INVALID_FIELD);
        rejected(m.s.by("Investor-07", new SettleBookBatch(FUND, BookMarket.DATE)), RejectCode.WRONG_ROLE);

        EventDocument batch = accepted(m.s.by("Staff-01", new SettleBookBatch(FUND, BookMarket.DATE)));
        assertEquals(List.of(
                new TradeSettled(first * 4096, FUND, "Holder-01", "Investor-07", Units.of("100.00"), Money.of("100.00"),
                        Money.of("100.00"), 4, "2026-11-19"),
                new TradeSettled(second * 4096, FUND, "Holder-01", "Investor-07", Units.of("200.00"), Money.of("200.00"),
                        Money.of("200.00"), 4, "2026-11-19"),
                new BookBatchSettled(FUND, BookMarket.DATE, 2)), batch.events());
        assertEquals(Units.of("0.00"), m.position("Holder-01").locked());
        assertEquals(Units.of("9700.00"), m.position("Holder-01").units());
        assertEquals(Units.of("300.00"), m.position("Investor-07").units());
        assertEquals(Money.of("300.00"), m.position("Investor-07").cost());
        assertEquals(List.of(new BookBatchSettled(FUND, BookMarket.DATE, 0)),
                accepted(m.s.by("Staff-01", new SettleBookBatch(FUND, BookMarket.DATE))).events());
        assertEquals(1, m.s.engine.snapshot().funds().getFirst().reservedHolders(), "Investor-08's trade of the next day");
        assertEquals(TradeStatus.PENDING_SETTLEMENT, m.s.engine.snapshot().trades().stream()
                .filter(t -> t.tradeId() == (nextDay + 1) * 4096).findFirst().orElseThrow().status());
        assertEquals(ask, m.s.engine.snapshot().trades().getFirst().sellOrderId());
    }

    @Test
    void aBookTradeNotSettledByItsDeadlineFailsAndUnlocksTheSellersUnits() {
        m.sell("Holder-01", "300.00", "1.0000");
        long buy = m.buy("Investor-07", "300.00", "1.0000");
        m.s.advance(Scenario.settleBy(m.s.time) - m.s.time);
        EventDocument tick = m.s.submit(CommandRecord.unsigned(m.s.journal.size() + 1L, m.s.time, new Tick()));
        assertEquals(List.of(new TradeFailed(buy * 4096, FUND, "Holder-01", "Investor-07", Units.of("300.00"),
                RejectCode.SETTLEMENT_DEADLINE_PASSED.code(), "not confirmed by the settlement deadline")), tick.events());
        assertEquals(Units.of("0.00"), m.position("Holder-01").locked());
        assertEquals(0, m.s.engine.snapshot().funds().getFirst().reservedHolders());
    }

    @Test
    void aFailedReservingTradeLeavesTheBuyersPlaceReservedForTheirNextPendingTrade() {
        m.sell("Holder-01", "100.00", "1.0000");
        long first = m.buy("Investor-07", "100.00", "1.0000");
        long firstTime = m.s.time;
        m.s.advance(24 * 3_600_000L); // the next day: a later settlement deadline
        m.sell("Holder-02", "100.00", "1.0000");
        long second = m.buy("Investor-07", "100.00", "1.0000");
        m.s.advance(Scenario.settleBy(firstTime) - m.s.time);
        EventDocument tick = m.s.submit(CommandRecord.unsigned(m.s.journal.size() + 1L, m.s.time, new Tick()));
        assertEquals(List.of(TradeFailed.class), tick.events().stream().map(Object::getClass).toList());
        var trades = m.s.engine.snapshot().trades();
        assertEquals(List.of(first * 4096, second * 4096), trades.stream().map(t -> t.tradeId()).toList());
        assertEquals(1, m.s.engine.snapshot().funds().getFirst().reservedHolders(), "the pending trade still holds the place");
        assertEquals(List.of("DGF3|Investor-07"), m.s.engine.snapshot().holderReservations());
    }

    @Test
    void restoringASnapshotAndReplayingTheTailReproducesTheBookAndTheStateHash() {
        m.sell("Holder-01", "300.00", "1.0000");
        long ask = m.sell("Holder-02", "200.00", "1.0100");
        m.buy("Investor-07", "100.00", "0.9000");
        m.buy("Investor-08", "100.00", "0.9500");
        int cut = m.s.journal.size();
        EngineSnapshot snapshot = JournalCodec.read(JournalCodec.write(m.s.engine.snapshot()), EngineSnapshot.class);
        assertEquals(EngineSnapshot.VERSION, snapshot.version());
        m.buy("Dual-01", "400.00", "1.0100");
        accepted(m.s.by("Holder-02", new fundexchange.protocol.command.AmendOrder(ask, fundexchange.protocol.money.Price.of("1.0200"),
                null)));
        accepted(m.s.by("Staff-01", new SettleBookBatch(FUND, BookMarket.DATE)));

        Engine restored = Engine.restore(snapshot);
        Engine replayed = new Engine();
        m.s.journal.subList(0, cut).forEach(replayed::apply);
        assertEquals(replayed.stateHash(), restored.stateHash());
        for (CommandRecord record : m.s.journal.subList(cut, m.s.journal.size())) {
            assertEquals(replayed.apply(record), restored.apply(record));
        }
        assertEquals(m.s.engine.stateHash(), restored.stateHash());
        assertEquals(m.s.engine.snapshot().books(), restored.snapshot().books());
    }
}
