package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.engine.book.BookOrder;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.book.BookStatus;
import fundexchange.engine.book.BookView;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.AmendOrder;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.HaltBook;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.SettleBookBatch;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.engine.listing.Trade;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 100,000 seeded random book commands (orders, cancellations, amendments, batch settlements, and staff halting and
 * reopening the book, sometimes with another lot) go to the engine and to {@link NaiveBook}; every outcome code must
 * agree, and every 100 commands the book's status and lot and the canonical digests (fills, exchange cancellations,
 * resting orders in priority order, positions) must be equal and the engine's invariants hold. Each command kind must
 * have met each book state it can ({@code MUST_EXERCISE}). Ends with a snapshot restore reproducing the state hash.
 */
class BookDifferentialTest {
    private static final String FUND = "DGF3";
    private static final int COMMANDS = 100_000;
    private static final long LOT = 1_000;      // 10.00 units
    private static final long MINIMUM = 2_000;  // 20.00 units
    private static final int CAP = 7;
    private static final List<String> PEOPLE = List.of("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P10");

    /** Command kind, book state before it, outcome code: each must happen at least once, or the mix has regressed. */
    private static final List<String> MUST_EXERCISE = List.of(
            "HaltBook on open book -> 0",
            "HaltBook on halted book -> " + RejectCode.BOOK_NOT_OPEN.code(),
            "OpenBook on halted book -> 0",
            "OpenBook on open book -> " + RejectCode.BOOK_ALREADY_OPEN.code(),
            "OpenBook with another lot on halted book -> 0",
            "OpenBook with another lot on halted book -> " + RejectCode.LOT_CHANGE_WITH_ORDERS.code(),
            "PlaceOrder on open book -> 0",
            "PlaceOrder on halted book -> " + RejectCode.BOOK_NOT_OPEN.code(),
            "AmendOrder on open book -> 0",
            "AmendOrder on halted book -> " + RejectCode.BOOK_NOT_OPEN.code(),
            "CancelOrder on open book -> 0",
            "CancelOrder on halted book -> 0",
            "SettleBookBatch on open book -> 0",
            "SettleBookBatch on halted book -> 0");

    /** Steps from which the next key is revoked, as soon as an order rests whose owner's key stands. */
    private static final int[] REVOCATIONS = {30_000, 50_000, 70_000};

    private final Scenario s = new Scenario().genesis();
    private final NaiveBook naive = new NaiveBook(LOT, MINIMUM, CAP);
    private final MessageDigest engineFills = BookDigest.newDigest();
    private final Random random = new Random(20261127L);
    private final TreeMap<Integer, Integer> exchangeCancels = new TreeMap<>();
    private final TreeMap<String, Integer> exercised = new TreeMap<>();
    private String bookState = "open";
    private int revocations;

    @Test
    void theBookAndTheNaiveReferenceAgreeOnEveryOutcomeAndEveryHundredthDigest() {
        setUp();
        for (int i = 1; i <= COMMANDS; i++) {
            s.advance(300);
            step(i);
            if (i % 100 == 0) {
                compare(i);
            }
        }
        assertEquals(REVOCATIONS.length, revocations, "keys revoked");
        assertTrue(s.engine.state().trades.size() > 5_000, "trades made: " + s.engine.state().trades.size());
        for (RejectCode code : List.of(RejectCode.SELF_TRADE_PREVENTED, RejectCode.HOLDER_CAP_REACHED,
                RejectCode.PARTICIPANT_NOT_ACTIVE)) {
            assertTrue(exchangeCancels.getOrDefault(code.code(), 0) > 0, () -> "no resting order cancelled for " + code
                    + ": " + exchangeCancels);
        }
        for (String outcome : MUST_EXERCISE) {
            assertTrue(exercised.getOrDefault(outcome, 0) > 0, () -> "never exercised: " + outcome + "; mix: " + exercised);
        }
        Engine restored = Engine.restore(fundexchange.journal.JournalCodec.read(
                fundexchange.journal.JournalCodec.write(s.engine.snapshot()), EngineSnapshot.class));
        assertEquals(s.engine.stateHash(), restored.stateHash());
    }

    private void setUp() {
        for (String person : PEOPLE) {
            ok(s.by("Staff-01", new RegisterParticipant(person, person, ParticipantType.INSTITUTION, List.of(Role.HOLDER, Role.INVESTOR))));
            approved(new ApproveParticipant(person));
            approved(new RegisterFirstKey(person, person + "-k1", "ED25519", Scenario.key(person + "-k1")));
            approved(new SetQualification(person, QualificationStatus.QUALIFIED, "2030-12-31"));
        }
        approved(new SetPlatformParameter("anti-flip-business-days", "0"));
        ok(s.by("Staff-01", new RegisterFund(FUND, "Demo", "Demo Capital", "GROWTH", 2019, "CNY", LegalForm.PARTNERSHIP,
                CustodyMode.FULL, CAP, Price.of("1.0000"), "2026-09-30", new Units(MINIMUM), false)));
        for (String person : PEOPLE.subList(0, 6)) {
            ok(s.by("Staff-01", new DepositUnits(FUND, person, Units.of("600.00"), Money.of("600.00"))));
            naive.position(person)[0] = Units.of("600.00").raw();
        }
        ok(s.by("Staff-01", new OpenBook(FUND, new Units(LOT))));
    }

    private void step(int i) {
        long index = s.journal.size() + 1L;
        String date = Instant.ofEpochMilli(s.time).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        bookState = naive.open ? "open" : "halted";
        if (revocations < REVOCATIONS.length && i >= REVOCATIONS[revocations]) {
            Optional<String> person = restingOwner();
            if (person.isPresent()) {
                // the owner revokes its own last key (a single staff member may not: LAST_KEY_NEEDS_PROPOSAL)
                run("RevokeKey", s.by(person.get(), new RevokeKey(person.get() + "-k1")), 0);
                naive.revoked.add(person.get());
                revocations++;
                return;
            }
        }
        int roll = random.nextInt(1000);
        String who = PEOPLE.get(random.nextInt(PEOPLE.size()));
        if (roll < 10) {
            String day = random.nextInt(4) == 0
                    ? Instant.ofEpochMilli(s.time - 86_400_000L).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString() : date;
            run("SettleBookBatch", s.by("Staff-02", new SettleBookBatch(FUND, day)), naive.settleBatch(day));
        } else if (roll < 12) {
            run("HaltBook", s.by("Staff-01", new HaltBook(FUND)), naive.halt());
        } else if (roll < 42) {
            long lot = random.nextInt(8) == 0 ? (naive.lot == LOT ? LOT / 2 : LOT) : naive.lot;
            run(lot == naive.lot ? "OpenBook" : "OpenBook with another lot", s.by("Staff-01", new OpenBook(FUND, new Units(lot))),
                    naive.reopen(lot));
        } else if (roll < 520) {
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            long units = random.nextInt(40) == 0 ? LOT * 3 / 2 : LOT * (1 + random.nextInt(12));
            long price = 9_500 + 50L * random.nextInt(21);
            run("PlaceOrder", s.by(who, new PlaceOrder(FUND, side, new Units(units), new Price(price))),
                    naive.place(index, who, side, units, price, date));
        } else if (roll < 760) {
            NaiveBook.Order order = anyOrder();
            long id = order == null || random.nextInt(20) == 0 ? index - 1 - random.nextInt(50) : order.id;
            String by = order != null && random.nextInt(8) != 0 ? order.owner : who;
            run("CancelOrder", s.by(by, new CancelOrder(id)), naive.cancel(by, id));
        } else {
            NaiveBook.Order order = anyOrder();
            if (order == null) {
                return;
            }
            String by = random.nextInt(15) == 0 ? who : order.owner;
            int variant = random.nextInt(4);
            Long price = variant == 0 || variant == 3 ? Long.valueOf(9_500 + 50L * random.nextInt(21)) : null;
            Long units = variant >= 1 ? Long.valueOf(LOT * (1 + random.nextInt(12))) : null;
            run("AmendOrder", s.by(by, new AmendOrder(order.id, price == null ? null : new Price(price), units == null ? null : new Units(units))),
                    naive.amend(index, by, order.id, price, units, date));
        }
    }

    /**
     * The owner of the best resting ask (else bid) whose key still stands: revoking that key leaves an order resting that
     * a later crossing order meets, so the exchange cancels it at the fill (1007).
     */
    private Optional<String> restingOwner() {
        for (Side side : List.of(Side.SELL, Side.BUY)) {
            for (BookOrder order : naive.resting(side)) {
                if (!naive.revoked.contains(order.owner())) {
                    return Optional.of(order.owner());
                }
            }
        }
        return Optional.empty();
    }

    private NaiveBook.Order anyOrder() {
        return naive.orders.isEmpty() ? null : naive.orders.get(random.nextInt(naive.orders.size()));
    }

    /** Checks the engine's outcome against the reference's and counts it under the kind and the book's state before. */
    private void run(String kind, EventDocument doc, int expectedCode) {
        int code = doc.outcome().status() == OutcomeStatus.REJECTED ? doc.outcome().code() : 0;
        assertEquals(expectedCode, code, () -> "outcome of " + kind + " at " + doc.sourceIndex() + ": " + doc.outcome());
        exercised.merge(kind + " on " + bookState + " book -> " + code, 1, Integer::sum);
        for (Event event : doc.events()) {
            if (event instanceof TradeExecuted t) {
                BookDigest.fill(engineFills, t.tradeId(), t.buyOrderId(), t.sellOrderId(), t.units().raw(), t.price().raw());
            } else if (event instanceof OrderCancelled c && c.rejectCode() != 0) {
                BookDigest.cancel(engineFills, c.orderId(), c.rejectCode(), c.units().raw());
                exchangeCancels.merge(c.rejectCode(), 1, Integer::sum);
            }
        }
    }

    private void compare(int step) {
        ExchangeState state = s.engine.state();
        BookView book = state.books.views().getFirst();
        assertEquals(naive.open ? BookStatus.OPEN : BookStatus.HALTED, book.status(), () -> "book status after step " + step);
        assertEquals(naive.lot, book.lotUnits().raw(), () -> "lot after step " + step);
        TreeMap<String, long[]> positions = new TreeMap<>();
        long total = 0;
        for (Position p : state.positions().values()) {
            assertTrue(p.units().raw() >= 0 && p.locked().raw() >= 0 && p.locked().compareTo(p.units()) <= 0, p::toString);
            positions.put(p.holder(), new long[] {p.units().raw(), p.locked().raw()});
            total += p.units().raw();
        }
        assertEquals(6 * Units.of("600.00").raw(), total, "units are conserved");
        TreeMap<String, Long> locked = new TreeMap<>();
        for (BookOrder ask : book.asks()) {
            locked.merge(ask.owner(), ask.units().raw(), Long::sum);
        }
        for (Trade t : state.trades.values()) {
            if (t.status() == fundexchange.engine.listing.TradeStatus.PENDING_SETTLEMENT) {
                locked.merge(t.seller(), t.units().raw(), Long::sum);
            }
        }
        for (Position p : state.positions().values()) {
            assertEquals(locked.getOrDefault(p.holder(), 0L), p.locked().raw(),
                    () -> "locked units of " + p.holder() + " equal open sells plus pending trades as seller");
        }
        assertEquals(BookDigest.of(naive.fills, naive.resting(Side.BUY), naive.resting(Side.SELL), naive.positions),
                BookDigest.of(engineFills, book.bids(), book.asks(), positions), () -> "digests differ after step " + step);
    }

    private void approved(SensitiveAction action) {
        EventDocument proposal = ok(s.by("Staff-01", new Propose(action)));
        ok(s.by("Staff-02", new ApproveProposal(proposal.sourceIndex())));
    }

    private static EventDocument ok(EventDocument doc) {
        assertEquals(OutcomeStatus.ACCEPTED, doc.outcome().status(), () -> doc.outcome().toString());
        return doc;
    }

}
