package fundexchange.registry.projector;

import static fundexchange.registry.TestJournal.HOLDER;
import static fundexchange.registry.TestJournal.INVESTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.BankStatementRecorded;
import fundexchange.protocol.event.CashCorrected;
import fundexchange.protocol.event.CashReceived;
import fundexchange.protocol.event.DepositHeldForTrade;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.DepositReleased;
import fundexchange.protocol.event.EscrowMismatchAcknowledged;
import fundexchange.protocol.event.EscrowMismatchRaised;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.PayoutExecuted;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.PayoutReturned;
import fundexchange.protocol.event.SuspenseAssigned;
import fundexchange.protocol.event.UnidentifiedReceiptRecorded;
import fundexchange.protocol.money.Money;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.RegistryDump;
import fundexchange.registry.RegistryFixture;
import fundexchange.registry.TestJournal;
import fundexchange.registry.read.BankReceiptView;
import fundexchange.registry.read.BankStatementView;
import fundexchange.registry.read.CashAccountView;
import fundexchange.registry.read.CashMovementView;
import fundexchange.registry.read.CashReads;
import fundexchange.registry.read.Page;
import fundexchange.registry.read.PayoutInstructionView;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.tail.ProjectionHalted;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal of cash events (issue 22) as the registry projects it (V24): whole rows of accounts, movements, receipts,
 * payout instructions and statements; the same rows one document per transaction, after a second projector over the
 * same journal, and rebuilt from an empty database (each event exactly once); a projection that disagrees halts.
 */
class CashProjectionTest {
    private static final Page ALL = new Page(0, 1000);
    private static final String BANK = "Bank-01";
    private static final String DAY = "2026-12-07";
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;
    private long first;

    @BeforeEach
    void market() {
        journal = new TestJournal(data).market();
        first = journal.lastIndex() + 1;
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    /** Index {@code n} of the cash journal (the first cash document is 1). */
    private long at(int n) {
        return first + n - 1;
    }

    private long time(int n) {
        return TestJournal.START + 1_000_000 + n;
    }

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    /** Twelve documents: receipts, a suspense assignment, a withdrawal paid, a suspense return bounced, a correction, statements. */
    private void cashJournal() {
        plant(1, new CashReceived(INVESTOR, "CNY", Money.of("1000.00"), "BR-1", DAY, BANK));
        plant(2, new UnidentifiedReceiptRecorded("CNY", Money.of("300.00"), "BR-2", DAY, "Demo Remitter Ltd", BANK));
        plant(3, new SuspenseAssigned("BR-2", HOLDER, "CNY", Money.of("300.00"), at(3) - 1, "remitter identified"));
        plant(4, new PayoutInstructed(at(4) * 4096, AccountRef.participant(INVESTOR), "CNY", Money.of("400.00"), null, null));
        plant(5, new PayoutExecuted(at(4) * 4096, AccountRef.participant(INVESTOR), "CNY", Money.of("400.00"), "BP-1",
                "2026-12-08", BANK));
        plant(6, new UnidentifiedReceiptRecorded("USD", Money.of("50.00"), "BR-3", DAY, null, BANK),
                new PayoutInstructed(at(6) * 4096, AccountRef.SUSPENSE, "USD", Money.of("50.00"), "BR-3", "payer unknown"));
        plant(7, new PayoutReturned(at(6) * 4096, AccountRef.SUSPENSE, "USD", Money.of("50.00"), "BP-2", "2026-12-08",
                "account closed", BANK));
        plant(8, new CashCorrected(at(8) - 1, "CNY", AccountRef.participant(INVESTOR), AccountRef.participant(HOLDER),
                Money.of("100.00"), "credited to the wrong account"));
        plant(9, new BankStatementRecorded("CNY", DAY, Money.of("900.00"), Money.of("900.00"), "BS-1", BANK));
        plant(10, new BankStatementRecorded("USD", DAY, Money.of("40.00"), Money.of("50.00"), "BS-2", BANK),
                new EscrowMismatchRaised(at(10), "USD", DAY, Money.of("40.00"), Money.of("50.00")));
        plant(11, new EscrowMismatchAcknowledged(at(10), "USD", at(11) - 1, "bank charge, refunded next day"));
    }

    @Test
    void aJournalOfCashEventsLeavesTheseRows() {
        cashJournal();
        project(Projector.MAX_DOCUMENTS);
        CashReads reads = new RegistryReads(dataSource).cash();

        assertEquals(List.of(
                new CashAccountView(at(1) * 4096, INVESTOR, "CNY", "PARTICIPANT", d("500.00"), d("0.00"), at(8)),
                new CashAccountView(at(2) * 4096, "SUSPENSE", "CNY", "SUSPENSE", d("0.00"), d("0.00"), at(3)),
                new CashAccountView(at(3) * 4096 + 1, HOLDER, "CNY", "PARTICIPANT", d("400.00"), d("0.00"), at(8)),
                new CashAccountView(at(6) * 4096, "SUSPENSE", "USD", "SUSPENSE", d("50.00"), d("0.00"), at(7))),
                reads.accounts(Optional.empty(), Optional.empty(), Optional.empty(), ALL));

        assertEquals(List.of(
                move(1, 0, INVESTOR, "CNY", "CREDIT", "1000.00", "1000.00", "0.00", "CashReceived", "BR-1", null, null, null),
                move(2, 0, "SUSPENSE", "CNY", "CREDIT", "300.00", "300.00", "0.00", "UnidentifiedReceiptRecorded", "BR-2",
                        null, null, null),
                move(3, 0, "SUSPENSE", "CNY", "DEBIT", "300.00", "0.00", "0.00", "SuspenseAssigned", "BR-2", null,
                        at(3) - 1, "remitter identified"),
                move(3, 1, HOLDER, "CNY", "CREDIT", "300.00", "300.00", "0.00", "SuspenseAssigned", "BR-2", null,
                        at(3) - 1, "remitter identified"),
                move(4, 0, INVESTOR, "CNY", "LOCK", "400.00", "600.00", "400.00", "PayoutInstructed", null, at(4) * 4096,
                        null, null),
                move(5, 0, INVESTOR, "CNY", "DEBIT_LOCKED", "400.00", "600.00", "0.00", "PayoutExecuted", "BP-1",
                        at(4) * 4096, null, null),
                move(6, 0, "SUSPENSE", "USD", "CREDIT", "50.00", "50.00", "0.00", "UnidentifiedReceiptRecorded", "BR-3",
                        null, null, null),
                move(6, 1, "SUSPENSE", "USD", "LOCK", "50.00", "0.00", "50.00", "PayoutInstructed", "BR-3", at(6) * 4096,
                        null, "payer unknown"),
                move(7, 0, "SUSPENSE", "USD", "RELEASE", "50.00", "50.00", "0.00", "PayoutReturned", "BP-2", at(6) * 4096,
                        null, "account closed"),
                move(8, 0, INVESTOR, "CNY", "DEBIT", "100.00", "500.00", "0.00", "CashCorrected", null, null, at(8) - 1,
                        "credited to the wrong account"),
                move(8, 1, HOLDER, "CNY", "CREDIT", "100.00", "400.00", "0.00", "CashCorrected", null, null, at(8) - 1,
                        "credited to the wrong account")),
                reads.movements(Optional.empty(), Optional.empty(), Optional.empty(), ALL));

        assertEquals(List.of(
                new BankReceiptView(at(1), BANK, "BR-1", "CNY", d("1000.00"), DAY, INVESTOR, null, "CREDITED", time(1),
                        null, null, null),
                new BankReceiptView(at(2), BANK, "BR-2", "CNY", d("300.00"), DAY, null, "Demo Remitter Ltd", "ASSIGNED",
                        time(2), HOLDER, at(3), time(3)),
                new BankReceiptView(at(6), BANK, "BR-3", "USD", d("50.00"), DAY, null, null, "SUSPENSE", time(6), null,
                        null, null)),
                reads.receipts(Optional.empty(), Optional.empty(), ALL));

        assertEquals(List.of(
                new PayoutInstructionView(at(4) * 4096, INVESTOR, "PARTICIPANT", "CNY", d("400.00"), null, null,
                        "EXECUTED", at(4), time(4), BANK, "BP-1", "2026-12-08", at(5), time(5), null),
                new PayoutInstructionView(at(6) * 4096, "SUSPENSE", "SUSPENSE", "USD", d("50.00"), "BR-3",
                        "payer unknown", "RETURNED", at(6), time(6), BANK, "BP-2", "2026-12-08", at(7), time(7),
                        "account closed")),
                reads.payouts(Optional.empty(), Optional.empty(), Optional.empty(), ALL));

        assertEquals(List.of(
                new BankStatementView(at(9), BANK, "BS-1", DAY, "CNY", d("900.00"), d("900.00"), "MATCHED", time(9),
                        null, null, null, null, null),
                new BankStatementView(at(10), BANK, "BS-2", DAY, "USD", d("40.00"), d("50.00"), "ACKNOWLEDGED", time(10),
                        at(10), at(11), time(11), at(11) - 1, "bank charge, refunded next day")),
                reads.statements(Optional.empty(), Optional.empty(), ALL));

        // What each filter keeps: a participant's own, the suspense queue, the open alarms (none left), a page.
        assertEquals(List.of(at(1) * 4096), reads.accounts(Optional.of("PARTICIPANT"), Optional.of(INVESTOR), Optional.empty(), ALL).stream()
                .map(CashAccountView::accountId).toList());
        assertEquals(List.of("BR-3"), reads.receipts(Optional.of(BANK), Optional.of("SUSPENSE"), ALL).stream()
                .map(BankReceiptView::bankReference).toList());
        assertEquals(List.of(), reads.statements(Optional.empty(), Optional.of("MISMATCH"), ALL));
        assertEquals(List.of(at(3) * 4096 + 1, at(8) * 4096 + 1), reads.movements(Optional.of("PARTICIPANT"), Optional.of(HOLDER), Optional.of("CNY"),
                new Page(0, 2)).stream().map(CashMovementView::movementId).toList());
        assertEquals(List.of(at(8) * 4096 + 1), reads.movements(Optional.of("PARTICIPANT"), Optional.of(HOLDER), Optional.empty(),
                new Page(at(3) * 4096 + 1, 2)).stream().map(CashMovementView::movementId).toList());
    }

    @Test
    void aSuspenseReturnPaidOutLeavesItsReceiptReturnedAndTheAccountsSumToTheStatementsEscrowTotal() {
        plant(1, new UnidentifiedReceiptRecorded("CNY", Money.of("70.00"), "BR-9", DAY, "Demo Remitter Ltd", BANK));
        plant(2, new PayoutInstructed(at(2) * 4096, AccountRef.SUSPENSE, "CNY", Money.of("70.00"), "BR-9", "payer asked"));
        plant(3, new PayoutExecuted(at(2) * 4096, AccountRef.SUSPENSE, "CNY", Money.of("70.00"), "BP-9", "2026-12-08", BANK));
        plant(4, new CashReceived(INVESTOR, "CNY", Money.of("200.00"), "BR-8", DAY, BANK));
        plant(5, new BankStatementRecorded("CNY", DAY, Money.of("200.00"), Money.of("200.00"), "BS-9", BANK));
        project(Projector.MAX_DOCUMENTS);
        CashReads reads = new RegistryReads(dataSource).cash();

        assertEquals(List.of(
                new BankReceiptView(at(1), BANK, "BR-9", "CNY", d("70.00"), DAY, null, "Demo Remitter Ltd", "RETURNED",
                        time(1), null, at(3), time(3)),
                new BankReceiptView(at(4), BANK, "BR-8", "CNY", d("200.00"), DAY, INVESTOR, null, "CREDITED", time(4),
                        null, null, null)),
                reads.receipts(Optional.empty(), Optional.empty(), ALL));
        assertEquals(List.of(
                new PayoutInstructionView(at(2) * 4096, "SUSPENSE", "SUSPENSE", "CNY", d("70.00"), "BR-9", "payer asked",
                        "EXECUTED", at(2), time(2), BANK, "BP-9", "2026-12-08", at(3), time(3), null)),
                reads.payouts(Optional.empty(), Optional.empty(), Optional.empty(), ALL));
        assertEquals(List.of(
                move(1, 0, "SUSPENSE", "CNY", "CREDIT", "70.00", "70.00", "0.00", "UnidentifiedReceiptRecorded", "BR-9",
                        null, null, null),
                move(2, 0, "SUSPENSE", "CNY", "LOCK", "70.00", "0.00", "70.00", "PayoutInstructed", "BR-9", at(2) * 4096,
                        null, "payer asked"),
                move(3, 0, "SUSPENSE", "CNY", "DEBIT_LOCKED", "70.00", "0.00", "0.00", "PayoutExecuted", "BP-9",
                        at(2) * 4096, null, null)),
                reads.movements(Optional.of("SUSPENSE"), Optional.empty(), Optional.empty(), ALL));

        // Every account of the currency, available and locked, sums to the escrow total the statement was checked against.
        BigDecimal escrow = reads.accounts(Optional.empty(), Optional.empty(), Optional.of("CNY"), ALL).stream()
                .map(account -> account.available().add(account.locked())).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BankStatementView> statements = reads.statements(Optional.empty(), Optional.empty(), ALL);
        assertEquals(List.of(new BankStatementView(at(5), BANK, "BS-9", DAY, "CNY", d("200.00"), d("200.00"), "MATCHED",
                time(5), null, null, null, null, null)), statements);
        assertEquals(0, statements.getFirst().escrowBalance().compareTo(escrow), escrow::toPlainString);
    }

    /**
     * Bid deposits (V27): a lock, a release of the part above the trade and the hold for the trade in one document, a
     * loser's deposit released whole; the movements lock and release, the hold moves no cash; one document per
     * transaction leaves the same rows.
     */
    @Test
    void bidDepositsAreLockedHeldForTheirTradeAndReleased() {
        plant(1, new CashReceived(INVESTOR, "CNY", Money.of("1000.00"), "BR-1", DAY, BANK));
        plant(2, new CashReceived(HOLDER, "CNY", Money.of("500.00"), "BR-2", DAY, BANK),
                new DepositLocked(77, INVESTOR, "CNY", Money.of("300.00")));
        plant(3, new DepositLocked(77, HOLDER, "CNY", Money.of("300.00")));
        plant(4, new DepositReleased(77, HOLDER, "CNY", Money.of("300.00")),
                new DepositReleased(77, INVESTOR, "CNY", Money.of("100.00")),
                new DepositHeldForTrade(77, at(4) * 4096, INVESTOR, "CNY", Money.of("200.00")));
        project(1);
        TreeMap<String, List<String>> oneByOne = RegistryDump.of(dataSource);
        CashReads reads = new RegistryReads(dataSource).cash();
        assertEquals(List.of(
                new fundexchange.registry.read.BidDepositView(at(2), 77, INVESTOR, "CNY", d("300.00"), d("200.00"), "HELD",
                        at(4) * 4096, time(2), at(4), time(4)),
                new fundexchange.registry.read.BidDepositView(at(3), 77, HOLDER, "CNY", d("300.00"), d("0.00"), "RELEASED",
                        null, time(3), at(4), time(4))),
                reads.deposits(Optional.empty(), Optional.of(77L), Optional.empty(), ALL));
        assertEquals(1, reads.deposits(Optional.of(HOLDER), Optional.empty(), Optional.empty(), ALL).size());
        assertEquals(List.of(d("800.00"), d("200.00")), reads.accounts(Optional.empty(), Optional.of(INVESTOR),
                Optional.empty(), ALL).stream().flatMap(a -> java.util.stream.Stream.of(a.available(), a.locked())).toList());
        assertEquals(List.of("DepositLocked", "DepositReleased"), reads.movements(Optional.empty(), Optional.of(INVESTOR),
                Optional.empty(), ALL).stream().map(CashMovementView::cause).filter(c -> c.startsWith("Deposit")).toList());
        RegistryFixture.empty(dataSource);
        project(Projector.MAX_DOCUMENTS);
        assertEquals(oneByOne, RegistryDump.of(dataSource));
    }

    /**
     * A deposit held for a trade made without delivery versus payment is released when the trade settles: the row goes
     * HELD to RELEASED, keeping its trade, nothing locked; one document per transaction leaves the same rows.
     */
    @Test
    void aDepositHeldForATradeWithoutDeliveryVersusPaymentIsReleasedWithIt() {
        plant(1, new CashReceived(INVESTOR, "CNY", Money.of("1000.00"), "BR-1", DAY, BANK));
        plant(2, new DepositLocked(77, INVESTOR, "CNY", Money.of("300.00")),
                new DepositHeldForTrade(77, at(2) * 4096, INVESTOR, "CNY", Money.of("300.00")));
        plant(3, new DepositReleased(77, INVESTOR, "CNY", Money.of("300.00"), at(2) * 4096));
        project(1);
        TreeMap<String, List<String>> oneByOne = RegistryDump.of(dataSource);
        CashReads reads = new RegistryReads(dataSource).cash();
        assertEquals(List.of(new fundexchange.registry.read.BidDepositView(at(2), 77, INVESTOR, "CNY", d("300.00"),
                        d("0.00"), "RELEASED", at(2) * 4096, time(2), at(3), time(3))),
                reads.deposits(Optional.empty(), Optional.of(77L), Optional.empty(), ALL));
        assertEquals(List.of(d("1000.00"), d("0.00")), reads.accounts(Optional.empty(), Optional.of(INVESTOR),
                Optional.empty(), ALL).stream().flatMap(a -> java.util.stream.Stream.of(a.available(), a.locked())).toList());
        RegistryFixture.empty(dataSource);
        project(Projector.MAX_DOCUMENTS);
        assertEquals(oneByOne, RegistryDump.of(dataSource));
    }

    @Test
    void eachCashEventTakesEffectExactlyOnceWhateverTheTransactions() {
        cashJournal();
        project(1);
        TreeMap<String, List<String>> oneByOne = RegistryDump.of(dataSource);
        project(Projector.MAX_DOCUMENTS); // a second projector over the same journal applies nothing again
        assertEquals(oneByOne, RegistryDump.of(dataSource));
        RegistryFixture.empty(dataSource);
        project(Projector.MAX_DOCUMENTS);
        assertEquals(oneByOne, RegistryDump.of(dataSource));
        assertEquals(11, oneByOne.get("cash_movements").size());
        assertEquals(4, oneByOne.get("cash_accounts").size());
    }

    @Test
    void aPayoutOfMoreThanIsLockedHaltsTheProjectorRatherThanGoNegative() {
        plant(1, new CashReceived(INVESTOR, "CNY", Money.of("10.00"), "BR-1", DAY, BANK));
        plant(2, new PayoutExecuted(at(2) * 4096, AccountRef.participant(INVESTOR), "CNY", Money.of("10.00"), "BP-1", DAY,
                BANK));
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            assertThrows(IllegalStateException.class, projector::catchUp);
            ProjectionHalted halted = assertInstanceOf(ProjectionHalted.class, projector.failure().orElseThrow());
            assertEquals(at(2), halted.sourceIndex());
            assertTrue(halted.getMessage().contains("pending payout instruction " + at(2) * 4096)
                    || halted.getMessage().contains("cash_movements_balances_ck"), halted.getMessage());
            assertEquals(at(1), projector.watermark());
        }
    }

    private CashMovementView move(int n, int ordinal, String owner, String currency, String kind, String amount,
                                  String available, String locked, String cause, String reference, Long instruction,
                                  Long proposal, String reason) {
        return new CashMovementView(at(n) * 4096 + ordinal, at(n), time(n),
                owner.equals("SUSPENSE") ? "SUSPENSE" : "PARTICIPANT", owner, currency, kind, d(amount), d(available),
                d(locked), cause, reference, instruction, proposal, reason);
    }

    /**
     * Delivery versus payment (rules version 8, V26) from a real engine: a trade funded and its registration confirmed
     * (proceeds instructed to the bank, fees to REVENUE), a trade funded and its registration refused (funding back to
     * the buyer); the rows of {@code trade_funding} and the accounts they leave, and what each party reads.
     */
    @Test
    void tradesSettledDeliveryVersusPaymentLeaveTheseRowsAndBalances() {
        journal.settlementBank();
        String today = java.time.Instant.ofEpochMilli(journal.time()).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate().toString();
        journal.acceptedBy("Bank-01", new fundexchange.protocol.command.RecordCashReceipt(INVESTOR, "CNY",
                Money.of("400000.00"), "BR-D1", today));
        long settled = trade("400000.00", "0.9000");
        long refused = trade("1000.00", "1.0000");
        long overridden = trade("1000.00", "1.0000");
        long listing = journal.acceptedBy(HOLDER, new fundexchange.protocol.command.ListNegotiated(TestJournal.FUND,
                INVESTOR, fundexchange.protocol.money.Units.of("1000.00"), fundexchange.protocol.money.Price.of("1.0000"),
                0, Money.of("500.00"), null)).sourceIndex();
        journal.acceptedBy("Staff-02", new fundexchange.protocol.command.ApproveListing(listing));
        long deposited = journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.AcceptListing(listing))
                .sourceIndex() * 4096;
        journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(settled));
        journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(refused));
        journal.acceptedBy("Staff-01", new fundexchange.protocol.command.ConfirmRegistration(settled));
        journal.acceptedBy("Staff-01", new fundexchange.protocol.command.RefuseRegistration(refused, "not registered"));
        journal.approved(new fundexchange.protocol.command.OverrideSettlement(overridden, "registered off the platform"));
        project(Projector.MAX_DOCUMENTS);
        CashReads reads = new RegistryReads(dataSource).cash();

        List<fundexchange.registry.read.TradeFundingView> trades = reads.tradeFundings(Optional.empty(),
                Optional.empty(), ALL).stream().map(fundexchange.registry.read.TradeFundingRow::whole).toList();
        assertEquals(List.of(settled, refused, overridden, deposited), trades.stream().map(fundexchange.registry.read.TradeFundingView::tradeId)
                .toList());
        // The override of an unfunded trade moved its units: SETTLED, though its (empty) funding was released.
        assertEquals(List.of("SETTLED", "FAILED", "SETTLED", "AWAITING_FUNDING"), trades.stream().map(fundexchange.registry.read.TradeFundingView::status)
                .toList());
        assertEquals(List.of(d("360360.00"), d("1100.00"), d("1100.00"), d("1100.00")), trades.stream()
                .map(fundexchange.registry.read.TradeFundingView::due).toList());
        assertEquals(List.of(d("360360.00"), d("1100.00"), d("0.00"), d("500.00")), trades.stream()
                .map(fundexchange.registry.read.TradeFundingView::funded).toList());
        assertEquals(List.of(d("360.00"), d("100.00"), d("100.00"), d("100.00")), trades.stream()
                .map(fundexchange.registry.read.TradeFundingView::sellerFee).toList());
        assertEquals(4, reads.tradeFundings(Optional.of(HOLDER), Optional.empty(), ALL).size());
        assertEquals(List.of(), reads.tradeFundings(Optional.of("Bank-01"), Optional.empty(), ALL));
        assertEquals(List.of(deposited), reads.tradeFundings(Optional.of(INVESTOR), Optional.of("AWAITING_FUNDING"), ALL)
                .stream().map(fundexchange.registry.read.TradeFundingRow::tradeId).toList());

        assertEquals(List.of(List.of(INVESTOR, "39140.00", "500.00"), List.of(HOLDER, "0.00", "359640.00"),
                        List.of("REVENUE", "720.00", "0.00")),
                reads.accounts(Optional.empty(), Optional.empty(), Optional.of("CNY"), ALL).stream()
                        .map(a -> List.of(a.owner(), a.available().toPlainString(), a.locked().toPlainString()))
                        .toList());
        assertEquals(List.of(d("359640.00")), reads.payouts(Optional.empty(), Optional.of(HOLDER), Optional.of("PENDING"),
                ALL).stream().map(PayoutInstructionView::amount).toList());

        // Rules version 9: the refused trade's units went back to the seller; a trade funded now delivers its units to
        // the buyer, locked pending the registration change (V31), and locks the seller's proceeds and the fees.
        long delivered = trade("2000.00", "1.0000");
        journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(delivered));
        project(Projector.MAX_DOCUMENTS);
        RegistryReads registry = new RegistryReads(dataSource);
        fundexchange.registry.read.Holding buyer = registry.holdingsOf(INVESTOR).getFirst();
        assertEquals(List.of(d("403000.00"), d("2000.00"), d("401000.00")),
                List.of(buyer.units(), buyer.pendingRegistration(), buyer.available()));
        assertEquals(List.of(List.of(INVESTOR, "37040.00", "500.00"), List.of(HOLDER, "0.00", "361540.00"),
                        List.of("REVENUE", "720.00", "200.00")),
                registry.cash().accounts(Optional.empty(), Optional.empty(), Optional.of("CNY"), ALL).stream()
                        .map(a -> List.of(a.owner(), a.available().toPlainString(), a.locked().toPlainString()))
                        .toList());
        journal.acceptedBy("Staff-01", new fundexchange.protocol.command.ConfirmRegistration(delivered));
        project(Projector.MAX_DOCUMENTS);
        buyer = registry.holdingsOf(INVESTOR).getFirst();
        assertEquals(List.of(d("403000.00"), d("0.00"), d("403000.00")),
                List.of(buyer.units(), buyer.pendingRegistration(), buyer.available()));
    }

    /**
     * The buyer's partial funding reaches the buyer alone (TradeFundingLocked), so it moves the buyer's row (what is
     * funded, its index and time) but not what the seller reads: the seller's row keeps the index and time of the trade
     * until the funding is complete (TradeFunded, which the seller is told of). One document per transaction and a
     * rebuild in one transaction (the fund, the trade and its fundings in one batch) leave the same rows.
     */
    @Test
    void aPartialFundingMovesTheBuyersRowButNotWhatTheSellerReads() {
        journal.settlementBank();
        String today = java.time.Instant.ofEpochMilli(journal.time()).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate().toString();
        journal.acceptedBy("Bank-01", new fundexchange.protocol.command.RecordCashReceipt(INVESTOR, "CNY",
                Money.of("600.00"), "BR-P1", today));
        long made = journal.time();
        long trade = trade("1000.00", "1.0000"); // due 1,100.00: the consideration and the buyer's minimum fee
        long tradeIndex = trade / 4096;
        long partlyAt = journal.advance(60_000).time();
        long partly = journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(trade)).sourceIndex();
        project(1);
        CashReads reads = new RegistryReads(dataSource).cash();

        fundexchange.registry.read.TradeFundingRow row = reads.tradeFundings(Optional.of(HOLDER), Optional.empty(), ALL)
                .getFirst();
        fundexchange.registry.read.TradeFundingView whole = row.whole();
        assertEquals(List.of(trade, "AWAITING_FUNDING", d("600.00"), tradeIndex, partly, partlyAt), List.of(
                whole.tradeId(), whole.status(), whole.funded(), whole.createdIndex(), whole.updatedIndex(),
                whole.updatedAt()));
        assertEquals(new fundexchange.registry.read.TradeFundingView(trade, TestJournal.FUND, HOLDER, INVESTOR, null,
                "CNY", d("1000.00"), d("100.00"), d("100.00"), d("1100.00"), null, "AWAITING_FUNDING", whole.settleBy(),
                null, null, tradeIndex, tradeIndex, made), row.forSeller());

        journal.acceptedBy("Bank-01", new fundexchange.protocol.command.RecordCashReceipt(INVESTOR, "CNY",
                Money.of("500.00"), "BR-P2", today));
        long fundedAt = journal.advance(60_000).time();
        long funded = journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(trade)).sourceIndex();
        project(1);
        row = reads.tradeFundings(Optional.of(HOLDER), Optional.empty(), ALL).getFirst();
        whole = row.whole();
        assertEquals(List.of("AWAITING_REGISTRATION", d("1100.00"), funded, fundedAt), List.of(whole.status(),
                whole.funded(), whole.updatedIndex(), whole.updatedAt()));
        assertEquals(List.of("AWAITING_REGISTRATION", funded, fundedAt), List.of(row.forSeller().status(),
                row.forSeller().updatedIndex(), row.forSeller().updatedAt()));
        assertEquals(null, row.forSeller().funded());

        TreeMap<String, List<String>> oneByOne = RegistryDump.of(dataSource);
        RegistryFixture.empty(dataSource);
        project(Projector.MAX_DOCUMENTS);
        assertEquals(oneByOne, RegistryDump.of(dataSource));
    }

    /**
     * The fund's manager is told of a trade funded (TradeFunded) and of its own decision, never of staff's override
     * (SettlementOverridden, and the TradeCashSettled of its document, reach buyer and seller only): after the override
     * of a trade awaiting registration the manager's view keeps the funding's index and time and shows no reason, and
     * its read no longer lists the trade (it left AWAITING_REGISTRATION by a change the manager was not told of); a
     * trade the manager confirmed stays listed to it, SETTLED at its confirmation's index. The seller's view moves
     * with both.
     */
    @Test
    void theManagerIsNotShownAnOverrideItIsNotToldOf() {
        String manager = "Manager-01";
        journal.acceptedBy("Staff-01", new fundexchange.protocol.command.RegisterParticipant(manager, manager,
                fundexchange.protocol.reference.ParticipantType.INSTITUTION,
                List.of(fundexchange.protocol.reference.Role.MANAGER)));
        journal.approved(new fundexchange.protocol.command.ApproveParticipant(manager));
        journal.approved(new fundexchange.protocol.command.RegisterFirstKey(manager, manager + "-k1", "ED25519",
                fundexchange.testsupport.JournalWriter.key(manager + "-k1")));
        journal.approved(new fundexchange.protocol.command.SetTransferTerms(TestJournal.FUND, manager, false, null,
                fundexchange.protocol.transfer.PriorityOrder.NONE, null, null, List.of(), TestJournal.DIGEST));
        journal.settlementBank();
        String today = java.time.Instant.ofEpochMilli(journal.time()).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate().toString();
        journal.acceptedBy("Bank-01", new fundexchange.protocol.command.RecordCashReceipt(INVESTOR, "CNY",
                Money.of("2200.00"), "BR-M1", today));
        long overridden = trade("1000.00", "1.0000");
        long confirmed = trade("1000.00", "1.0000");
        long fundedAt = journal.advance(60_000).time();
        long funded = journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(overridden))
                .sourceIndex();
        journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(confirmed));
        project(1);
        CashReads reads = new RegistryReads(dataSource).cash();
        fundexchange.registry.read.TradeFundingRow before = reads.tradeFundings(Optional.of(manager), Optional.empty(),
                ALL).getFirst();
        assertEquals(List.of(overridden, "AWAITING_REGISTRATION", funded, fundedAt), List.of(before.tradeId(),
                before.forManager().status(), before.forManager().updatedIndex(), before.forManager().updatedAt()));

        long overrideAt = journal.advance(60_000).time();
        journal.approved(new fundexchange.protocol.command.OverrideSettlement(overridden, "registered off the platform"));
        long override = journal.lastIndex(); // the approval decides it
        long confirmedAt = journal.advance(60_000).time();
        long confirmation = journal.acceptedBy(manager, new fundexchange.protocol.command.ConfirmRegistration(confirmed))
                .sourceIndex();
        project(1);

        fundexchange.registry.read.TradeFundingRow row = reads.tradeFundings(Optional.empty(), Optional.empty(), ALL)
                .getFirst();
        assertEquals(List.of(overridden, "SETTLED", "registered off the platform", override, overrideAt), List.of(
                row.tradeId(), row.whole().status(), row.whole().overrideReason(), row.whole().updatedIndex(),
                row.whole().updatedAt()));
        assertEquals(List.of("registered off the platform", override, overrideAt), java.util.Arrays.asList(
                row.forSeller().overrideReason(), row.forSeller().updatedIndex(), row.forSeller().updatedAt()));
        fundexchange.registry.read.TradeFundingView seen = row.forManager();
        assertEquals(java.util.Arrays.asList(null, funded, fundedAt, null), java.util.Arrays.asList(
                seen.overrideReason(), seen.updatedIndex(), seen.updatedAt(), seen.funded()));
        assertEquals(List.of(List.of(confirmed, "SETTLED", confirmation, confirmedAt)), reads.tradeFundings(
                Optional.of(manager), Optional.empty(), ALL).stream().map(r -> List.<Object>of(r.tradeId(),
                r.forManager().status(), r.forManager().updatedIndex(), r.forManager().updatedAt())).toList());
        assertEquals(List.of(), reads.tradeFundings(Optional.of(manager), Optional.of("AWAITING_REGISTRATION"), ALL));

        TreeMap<String, List<String>> oneByOne = RegistryDump.of(dataSource);
        RegistryFixture.empty(dataSource);
        project(Projector.MAX_DOCUMENTS);
        assertEquals(oneByOne, RegistryDump.of(dataSource));
    }

    /**
     * Rules version 9: a delivered trade's unwind (TradeUnitsReturned) is told to the fund's manager, so a trade the
     * registration deadline or staff's FailSettlement unwound stays listed to the manager, FAILED at the unwind's index
     * and time, like one the manager refused.
     */
    @Test
    void anUnwoundTradeStaysListedToItsManagerAsFailedAtTheUnwind() {
        String manager = managedFund();
        long lapsed = trade("1000.00", "1.0000");
        long failed = trade("1000.00", "1.0000");
        long refused = trade("1000.00", "1.0000");
        journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(lapsed));
        journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(failed));
        journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(refused));
        long refusedAt = journal.advance(60_000).time();
        long refusal = journal.acceptedBy(manager, new fundexchange.protocol.command.RefuseRegistration(refused,
                "not registered")).sourceIndex();
        long failedAt = journal.advance(60_000).time();
        journal.approved(new fundexchange.protocol.command.FailSettlement(failed, "registered off the platform"));
        long failure = journal.lastIndex(); // the approval decides it
        long lapsedAt = journal.advance(30L * 86_400_000).time();
        EventDocument deadline = journal.unsigned(new Tick());
        assertTrue(deadline.events().stream().anyMatch(e -> e instanceof fundexchange.protocol.event.TradeUnitsReturned r
                && r.tradeId() == lapsed), deadline.events().toString());
        project(1);

        CashReads reads = new RegistryReads(dataSource).cash();
        assertEquals(List.of(List.of(lapsed, "FAILED", deadline.sourceIndex(), lapsedAt),
                        List.of(failed, "FAILED", failure, failedAt), List.of(refused, "FAILED", refusal, refusedAt)),
                reads.tradeFundings(Optional.of(manager), Optional.empty(), ALL).stream().map(r -> List.<Object>of(
                        r.tradeId(), r.forManager().status(), r.forManager().updatedIndex(),
                        r.forManager().updatedAt())).toList());

        TreeMap<String, List<String>> oneByOne = RegistryDump.of(dataSource);
        RegistryFixture.empty(dataSource);
        project(Projector.MAX_DOCUMENTS);
        assertEquals(oneByOne, RegistryDump.of(dataSource));
    }

    /**
     * Under rules version 8 nothing is delivered before the registration change, so the registration deadline and
     * FailSettlement fail a funded trade without telling its manager: the trades leave the manager's list (a refusal,
     * the manager's own, stays).
     */
    @Test
    void aVersionEightJournalDropsATradeTheDeadlineOrFailSettlementEndedFromItsManagersList() {
        journal.close();
        journal = new TestJournal(data.resolve("v8")).market(8);
        first = journal.lastIndex() + 1;
        String manager = managedFund();
        long lapsed = trade("1000.00", "1.0000");
        long failed = trade("1000.00", "1.0000");
        long refused = trade("1000.00", "1.0000");
        journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(lapsed));
        journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(failed));
        journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.FundTrade(refused));
        long refusal = journal.acceptedBy(manager, new fundexchange.protocol.command.RefuseRegistration(refused,
                "not registered")).sourceIndex();
        journal.approved(new fundexchange.protocol.command.FailSettlement(failed, "registered off the platform"));
        journal.advance(30L * 86_400_000);
        EventDocument deadline = journal.unsigned(new Tick());
        assertTrue(deadline.events().stream().anyMatch(e -> e instanceof fundexchange.protocol.event.TradeFailed f
                && f.tradeId() == lapsed), deadline.events().toString());
        assertTrue(deadline.events().stream().noneMatch(e -> e instanceof fundexchange.protocol.event.TradeUnitsReturned));
        project(Projector.MAX_DOCUMENTS);

        CashReads reads = new RegistryReads(dataSource).cash();
        assertEquals(List.of("FAILED", "FAILED", "FAILED"), reads.tradeFundings(Optional.empty(), Optional.empty(), ALL)
                .stream().map(r -> r.whole().status()).toList());
        assertEquals(List.of(List.of(refused, "FAILED", refusal)), reads.tradeFundings(Optional.of(manager),
                Optional.empty(), ALL).stream().map(r -> List.<Object>of(r.tradeId(), r.forManager().status(),
                r.forManager().updatedIndex())).toList());
    }

    /** Manager-01, the fund's manager by its transfer terms; the settlement bank; 3,300.00 CNY for Investor-07. */
    private String managedFund() {
        String manager = "Manager-01";
        journal.acceptedBy("Staff-01", new fundexchange.protocol.command.RegisterParticipant(manager, manager,
                fundexchange.protocol.reference.ParticipantType.INSTITUTION,
                List.of(fundexchange.protocol.reference.Role.MANAGER)));
        journal.approved(new fundexchange.protocol.command.ApproveParticipant(manager));
        journal.approved(new fundexchange.protocol.command.RegisterFirstKey(manager, manager + "-k1", "ED25519",
                fundexchange.testsupport.JournalWriter.key(manager + "-k1")));
        journal.approved(new fundexchange.protocol.command.SetTransferTerms(TestJournal.FUND, manager, false, null,
                fundexchange.protocol.transfer.PriorityOrder.NONE, null, null, List.of(), TestJournal.DIGEST));
        journal.settlementBank();
        String today = java.time.Instant.ofEpochMilli(journal.time()).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate().toString();
        journal.acceptedBy("Bank-01", new fundexchange.protocol.command.RecordCashReceipt(INVESTOR, "CNY",
                Money.of("3300.00"), "BR-U1", today));
        return manager;
    }

    /**
     * A trade with fees of a fund the registry does not hold halts the projector at its document: its row takes the
     * fund's currency by {@code INSERT ... SELECT}, which must insert one row (the transfer's foreign key to the fund
     * may refuse it first), never a trade without its row.
     */
    @Test
    void aTradeOfAnUnknownFundHaltsTheProjector() {
        long tradeId = at(1) * 4096;
        plant(1, new fundexchange.protocol.event.TradeExecuted(tradeId, 0, "NOFUND", HOLDER, INVESTOR,
                fundexchange.protocol.money.Units.of("1.00"), fundexchange.protocol.money.Price.of("1.0000"),
                Money.of("1.00"), 6667, fundexchange.protocol.money.Multiple.of("1.0000"), false, 0, null, null, null,
                at(1) - 1, Money.of("0.10"), Money.of("0.10")));
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            assertThrows(IllegalStateException.class, projector::catchUp);
            ProjectionHalted halted = assertInstanceOf(ProjectionHalted.class, projector.failure().orElseThrow());
            assertEquals(at(1), halted.sourceIndex());
            assertTrue(halted.getMessage().contains("no fund NOFUND of trade " + tradeId)
                    || halted.getMessage().contains("transfers_fund_fk"), halted.getMessage());
            assertEquals(at(1) - 1, projector.watermark());
        }
        assertEquals(List.of(), new RegistryReads(dataSource).cash().tradeFundings(Optional.empty(), Optional.empty(),
                ALL));
    }

    /** Lists, approves and accepts {@code units} at {@code price} to Investor-07; the trade id. */
    private long trade(String units, String price) {
        long listing = journal.acceptedBy(HOLDER, new fundexchange.protocol.command.ListNegotiated(TestJournal.FUND,
                INVESTOR, fundexchange.protocol.money.Units.of(units), fundexchange.protocol.money.Price.of(price), 0))
                .sourceIndex();
        journal.acceptedBy("Staff-02", new fundexchange.protocol.command.ApproveListing(listing));
        return journal.acceptedBy(INVESTOR, new fundexchange.protocol.command.AcceptListing(listing)).sourceIndex()
                * 4096;
    }

    /** Appends document {@code n} of the cash journal: these events after a Tick, as the engine would write them. */
    private void plant(int n, Event... events) {
        long index = at(n);
        journal.append(CommandRecord.unsigned(index, time(n), new Tick()),
                new EventDocument(EventDocument.VERSION, index, time(n), null, null, Outcome.ACCEPTED, List.of(events)));
    }

    private void project(int maxDocuments) {
        try (Projector projector = new Projector(journal.journals(), dataSource, maxDocuments)) {
            projector.catchUp();
            assertEquals(journal.lastIndex(), projector.watermark());
        }
    }
}
