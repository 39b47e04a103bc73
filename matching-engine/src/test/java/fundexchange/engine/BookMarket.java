package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.engine.book.BookOrder;
import fundexchange.engine.book.BookView;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SensitiveAction;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import java.util.List;

/**
 * A market with an open book for DGF3 (lot 100.00, minimum transfer 100.00, NAV 1.5000, holder cap 50): holders
 * Holder-01 and Holder-02, qualified investors Investor-07..09, and Dual-01 who both holds and invests; each holder
 * (and Dual-01) has 10,000.00 units at cost 1.00 each. Business date 2026-11-18 in Asia/Shanghai.
 */
final class BookMarket {
    static final String FUND = "DGF3";
    static final String DATE = "2026-11-18";
    final Scenario s = new Scenario().genesis();

    BookMarket() {
        this(50);
    }

    BookMarket(int holderCap) {
        participant("Holder-01", Role.HOLDER);
        participant("Holder-02", Role.HOLDER);
        participant("Investor-07", Role.INVESTOR);
        participant("Investor-08", Role.INVESTOR);
        participant("Investor-09", Role.INVESTOR);
        participant("Dual-01", Role.HOLDER, Role.INVESTOR);
        accepted(s.by("Staff-01", new RegisterFund(FUND, "Demo Growth Fund III", "Demo Capital", "GROWTH", 2019, "CNY",
                LegalForm.PARTNERSHIP, CustodyMode.FULL, holderCap, Price.of("1.5000"), "2026-09-30", Units.of("100.00"), false)));
        for (String holder : List.of("Holder-01", "Holder-02", "Dual-01")) {
            accepted(s.by("Staff-01", new DepositUnits(FUND, holder, Units.of("10000.00"), Money.of("10000.00"))));
        }
        accepted(s.by("Staff-02", new OpenBook(FUND, Units.of("100.00"))));
    }

    private void participant(String id, Role... roles) {
        accepted(s.by("Staff-01", new RegisterParticipant(id, id, ParticipantType.INSTITUTION, List.of(roles))));
        approved(new ApproveParticipant(id));
        approved(new RegisterFirstKey(id, id + "-k1", "ED25519", Scenario.key(id + "-k1")));
        if (List.of(roles).contains(Role.INVESTOR)) {
            approved(new SetQualification(id, QualificationStatus.QUALIFIED, "2030-12-31"));
        }
    }

    void approved(SensitiveAction action) {
        EventDocument proposal = accepted(s.by("Staff-01", new Propose(action)));
        accepted(s.by("Staff-02", new ApproveProposal(proposal.sourceIndex())));
    }

    static EventDocument accepted(EventDocument doc) {
        assertEquals(Outcome.ACCEPTED, doc.outcome(), () -> "outcome of " + doc.sourceIndex());
        return doc;
    }

    static void rejected(EventDocument doc, RejectCode code) {
        assertEquals(OutcomeStatus.REJECTED, doc.outcome().status(), () -> "outcome of " + doc.sourceIndex());
        assertEquals(code.code(), doc.outcome().code(), doc.outcome().message());
        assertEquals(List.of(), doc.events());
    }

    EventDocument order(String who, Side side, String units, String price) {
        return s.by(who, new PlaceOrder(FUND, side, Units.of(units), Price.of(price)));
    }

    long sell(String who, String units, String price) {
        return accepted(order(who, Side.SELL, units, price)).sourceIndex();
    }

    long buy(String who, String units, String price) {
        return accepted(order(who, Side.BUY, units, price)).sourceIndex();
    }

    /** The trade event a fill of the command at {@code index} should carry (amounts as TradeTerms derives them). */
    TradeExecuted trade(long index, int n, String seller, String buyer, String units, String price, boolean reserves,
                        long buyOrderId, long sellOrderId) {
        Units u = Units.of(units);
        Price p = Price.of(price);
        Money consideration = Pricing.consideration(u, p);
        // Every seller here holds units at cost 1.00 each, so the multiple of cost is the price.
        return new fundexchange.protocol.event.TradeExecuted(index * 4096 + n, 0, FUND, seller, buyer, u, p, consideration,
                Pricing.percentOfNavBasisPoints(p, Price.of("1.5000")), fundexchange.protocol.money.Multiple.of(price),
                reserves, Scenario.settleBy(s.time), buyOrderId, sellOrderId, DATE);
    }

    BookView book() {
        return s.engine.snapshot().books().stream().filter(b -> b.fundCode().equals(FUND)).findFirst().orElseThrow();
    }

    List<BookOrder> bids() {
        return book().bids();
    }

    List<BookOrder> asks() {
        return book().asks();
    }

    static BookOrder resting(long id, String owner, String price, String units) {
        return new BookOrder(id, owner, Price.of(price), Units.of(units), id);
    }

    Position position(String holder) {
        return s.engine.snapshot().positions().stream()
                .filter(p -> p.fundCode().equals(FUND) && p.holder().equals(holder)).findFirst()
                .orElse(Position.empty(FUND, holder));
    }
}
