package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveCustody;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ConfirmHolding;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RejectCustody;
import fundexchange.protocol.command.SubmitCustody;
import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodyRejected;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.HoldingConfirmed;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustodyTest {
    static final String DIGEST = "ab".repeat(32);
    private static final String FULL = "DGF5";
    private static final String PARTIAL = "DGF6";
    private Market m;
    private Scenario s;

    @AfterEach
    void invariantsHeldAtEveryStepAndReplayAgrees() {
        m.replayCheckingInvariants();
    }

    @BeforeEach
    void market() {
        m = new Market().participant("Manager-01", Role.HOLDER).participant("Holder-01", Role.HOLDER)
                .participant("Holder-02", Role.HOLDER).participant("Investor-07", Role.INVESTOR);
        s = m.s;
        fund(FULL, CustodyMode.FULL, null);
        fund(PARTIAL, CustodyMode.PARTIAL, null);
    }

    void fund(String code, CustodyMode mode, Integer holderCap) {
        m.ok("Staff-01", new RegisterFund(code, "Demo Fund " + code, "Demo Capital Management", "BUYOUT", 2018, "CNY",
                LegalForm.PARTNERSHIP, mode, holderCap, Price.of("1.2000"), "2026-09-30", Units.of("100.00"), false));
    }

    static CustodyEntry entry(String holder, String units, String subscribed, String paidIn) {
        return new CustodyEntry(holder, Units.of(units), Money.of(subscribed), Money.of(paidIn), null);
    }

    private static CustodyEntry withCost(CustodyEntry entry) {
        return entry.withCost(entry.paidIn());
    }

    private Position position(String fund, String holder) {
        return s.engine.snapshot().positions().stream()
                .filter(p -> p.fundCode().equals(fund) && p.holder().equals(holder)).findFirst().orElseThrow();
    }

    private ListNegotiated lot(String fund, String units) {
        return new ListNegotiated(fund, "Investor-07", Units.of(units), Price.of("0.8000"), 0);
    }

    @Test
    void fullCustodyDepositsTheWholeRegisterAsUnconfirmedUnitsThatEachHolderConfirms() {
        CustodyEntry second = entry("Holder-02", "6000.00", "6000.00", "3000.00");
        CustodyEntry first = entry("Holder-01", "4000.00", "4000.00", "2000.00");
        long id = m.ok("Manager-01", new SubmitCustody(FULL, List.of(second, first), DIGEST)).sourceIndex();
        assertEquals(List.of(new CustodySubmitted(id, FULL, CustodyMode.FULL, "Manager-01",
                List.of(withCost(first), withCost(second)), DIGEST)), s.last.events());
        m.refused("Holder-01", lot(FULL, "100.00"), RejectCode.INSUFFICIENT_UNITS);

        assertEquals(List.of(new CustodyApproved(id, FULL, "Staff-02"),
                new UnitsDeposited(FULL, "Holder-01", Units.of("4000.00"), Money.of("2000.00"), 1, id,
                        Money.of("4000.00"), Money.of("2000.00"), Units.of("4000.00")),
                new UnitsDeposited(FULL, "Holder-02", Units.of("6000.00"), Money.of("3000.00"), 2, id,
                        Money.of("6000.00"), Money.of("3000.00"), Units.of("6000.00"))),
                m.ok("Staff-02", new ApproveCustody(id)).events());
        assertEquals(Units.ZERO, position(FULL, "Holder-02").available());
        m.refused("Holder-02", lot(FULL, "100.00"), RejectCode.INSUFFICIENT_UNITS);

        assertEquals(List.of(new HoldingConfirmed(id, FULL, "Holder-02", Units.of("6000.00"))),
                m.ok("Holder-02", new ConfirmHolding(id)).events());
        m.refused("Holder-02", new ConfirmHolding(id), RejectCode.NOTHING_TO_CONFIRM);
        m.refused("Manager-01", new ConfirmHolding(id), RejectCode.NOTHING_TO_CONFIRM);
        m.refused("Investor-07", new ConfirmHolding(id), RejectCode.WRONG_ROLE);
        m.ok("Holder-02", lot(FULL, "6000.00"));
        m.refused("Holder-01", lot(FULL, "100.00"), RejectCode.INSUFFICIENT_UNITS);
        assertEquals(new Position(FULL, "Holder-01", Units.of("4000.00"), Units.ZERO, Money.of("2000.00"), null, null,
                Units.ZERO, Units.ZERO, Units.of("4000.00"), Money.of("4000.00"), Money.of("2000.00")), position(FULL, "Holder-01"));
    }

    @Test
    void aFundTakesOneFullRegisterAndOnlyWhileItHasNoHolders() {
        List<CustodyEntry> register = List.of(entry("Holder-01", "4000.00", "4000.00", "4000.00"));
        long first = m.ok("Manager-01", new SubmitCustody(FULL, register, DIGEST)).sourceIndex();
        m.refused("Holder-01", new SubmitCustody(FULL, register, DIGEST), RejectCode.CUSTODY_EXISTS);
        m.ok("Staff-01", new DepositUnits(FULL, "Holder-02", Units.of("10.00"), Money.of("10.00")));
        m.refused("Staff-02", new ApproveCustody(first), RejectCode.REGISTER_NOT_EMPTY);
        assertEquals(List.of(new CustodyRejected(first, FULL, "Staff-02", "the register omits Holder-02")),
                m.ok("Staff-02", new RejectCustody(first, "the register omits Holder-02")).events());
        m.refused("Staff-01", new ApproveCustody(first), RejectCode.CUSTODY_NOT_PENDING);
        m.refused("Manager-01", new SubmitCustody(FULL, register, DIGEST), RejectCode.REGISTER_NOT_EMPTY);
        m.refused("Staff-01", new ApproveCustody(999), RejectCode.UNKNOWN_CUSTODY);
    }

    @Test
    void partialCustodyTakesOnlyTheHoldersOwnLotAvailableAtApproval() {
        m.refused("Holder-01", new SubmitCustody(PARTIAL, List.of(entry("Holder-02", "500.00", "500.00", "500.00")), DIGEST),
                RejectCode.NOT_OWN_LOT);
        CustodyEntry own = new CustodyEntry("Holder-01", Units.of("500.00"), Money.of("500.00"), Money.of("400.00"), Money.of("450.00"));
        long id = m.ok("Holder-01", new SubmitCustody(PARTIAL, List.of(own), DIGEST)).sourceIndex();
        m.refused("Holder-01", new ApproveCustody(id), RejectCode.WRONG_ROLE);
        assertEquals(List.of(new CustodyApproved(id, PARTIAL, "Staff-01"),
                new UnitsDeposited(PARTIAL, "Holder-01", Units.of("500.00"), Money.of("450.00"), 1, id,
                        Money.of("500.00"), Money.of("400.00"), null)),
                m.ok("Staff-01", new ApproveCustody(id)).events());
        m.refused("Holder-01", new ConfirmHolding(id), RejectCode.NOTHING_TO_CONFIRM);
        m.ok("Holder-01", lot(PARTIAL, "500.00"));
    }

    @Test
    void registrationsAreCheckedLineByLine() {
        m.refused("Manager-01", new SubmitCustody(FULL, List.of(entry("Holder-01", "10.00", "10.00", "20.00")), DIGEST),
                RejectCode.INVALID_FIELD);
        m.refused("Manager-01", new SubmitCustody(FULL, List.of(entry("Holder-01", "10.00", "10.00", "10.00"),
                entry("Holder-01", "5.00", "5.00", "5.00")), DIGEST), RejectCode.INVALID_FIELD);
        m.refused("Manager-01", new SubmitCustody(FULL, List.of(entry("Holder-01", "0.00", "10.00", "10.00")), DIGEST),
                RejectCode.NOT_POSITIVE);
        m.refused("Manager-01", new SubmitCustody(FULL, List.of(entry("Nobody", "10.00", "10.00", "10.00")), DIGEST),
                RejectCode.UNKNOWN_PARTICIPANT);
        m.refused("Manager-01", new SubmitCustody(FULL, List.of(entry("Investor-07", "10.00", "10.00", "10.00")), DIGEST),
                RejectCode.WRONG_ROLE);
        m.refused("Manager-01", new SubmitCustody(FULL, List.of(entry("Holder-01", "10.00", "10.00", "10.00")), "not-a-digest"),
                RejectCode.INVALID_FIELD);
        m.refused("Manager-01", new SubmitCustody(FULL, List.of(), DIGEST), RejectCode.INVALID_FIELD);
        m.refused("Investor-07", new SubmitCustody(FULL, List.of(entry("Holder-01", "10.00", "10.00", "10.00")), DIGEST),
                RejectCode.WRONG_ROLE);
        m.refused("Manager-01", new SubmitCustody("NOPE", List.of(entry("Holder-01", "10.00", "10.00", "10.00")), DIGEST),
                RejectCode.UNKNOWN_FUND);
    }

    @Test
    void approvalKeepsTheFundUnderItsHolderCap() {
        fund("DGF7", CustodyMode.FULL, 1);
        m.refused("Manager-01", new SubmitCustody("DGF7", List.of(entry("Holder-01", "10.00", "10.00", "10.00"),
                entry("Holder-02", "10.00", "10.00", "10.00")), DIGEST), RejectCode.HOLDER_CAP_REACHED);
        fund("DGF8", CustodyMode.PARTIAL, 1);
        long first = m.ok("Holder-01", new SubmitCustody("DGF8", List.of(entry("Holder-01", "10.00", "10.00", "10.00")), DIGEST)).sourceIndex();
        long second = m.ok("Holder-02", new SubmitCustody("DGF8", List.of(entry("Holder-02", "10.00", "10.00", "10.00")), DIGEST)).sourceIndex();
        m.ok("Staff-01", new ApproveCustody(first));
        m.refused("Staff-01", new ApproveCustody(second), RejectCode.HOLDER_CAP_REACHED);
        long more = m.ok("Holder-01", new SubmitCustody("DGF8", List.of(entry("Holder-01", "5.00", "5.00", "5.00")), DIGEST)).sourceIndex();
        m.ok("Staff-01", new ApproveCustody(more));
        assertEquals(Units.of("15.00"), position("DGF8", "Holder-01").available());
    }

    @Test
    void settlementMovesTheRegisteredCommitmentWithTheUnitsInProportion() {
        long id = m.ok("Manager-01", new SubmitCustody(FULL, List.of(entry("Holder-02", "6000.00", "6000.00", "3000.00")),
                DIGEST)).sourceIndex();
        m.ok("Staff-01", new ApproveCustody(id));
        m.ok("Holder-02", new ConfirmHolding(id));
        long listing = m.ok("Holder-02", lot(FULL, "2400.00")).sourceIndex();
        m.ok("Staff-02", new ApproveListing(listing));
        long tradeId = ((TradeExecuted) m.ok("Investor-07", new AcceptListing(listing)).events().getFirst()).tradeId();
        String today = Instant.ofEpochMilli(s.time).atZone(ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        assertEquals(List.of(new TradeSettled(tradeId, FULL, "Holder-02", "Investor-07", Units.of("2400.00"),
                        Money.of("1920.00"), Money.of("1200.00"), 2, today, Money.of("2400.00"), Money.of("1200.00"))),
                m.ok("Staff-01", new ConfirmSettlement(tradeId)).events());
        Position seller = position(FULL, "Holder-02");
        Position buyer = position(FULL, "Investor-07");
        assertEquals(List.of(Money.of("3600.00"), Money.of("1800.00"), Money.of("1800.00")),
                List.of(seller.subscribed(), seller.paidIn(), seller.cost()));
        assertEquals(List.of(Money.of("2400.00"), Money.of("1200.00"), Money.of("1920.00")),
                List.of(buyer.subscribed(), buyer.paidIn(), buyer.cost()));
    }
}
