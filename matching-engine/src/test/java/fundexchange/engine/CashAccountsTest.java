package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.engine.cash.CashBalance;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.cash.AccountKind;
import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.command.AcknowledgeEscrowAlarm;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.AssignSuspenseReceipt;
import fundexchange.protocol.command.CorrectCash;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RecordBankStatement;
import fundexchange.protocol.command.RecordCashReceipt;
import fundexchange.protocol.command.RecordPayoutExecuted;
import fundexchange.protocol.command.RecordPayoutReturned;
import fundexchange.protocol.command.RecordUnidentifiedReceipt;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.ReturnSuspenseReceipt;
import fundexchange.protocol.command.WithdrawCash;
import fundexchange.protocol.event.BankStatementRecorded;
import fundexchange.protocol.event.CashCorrected;
import fundexchange.protocol.event.CashReceived;
import fundexchange.protocol.event.EscrowMismatchAcknowledged;
import fundexchange.protocol.event.EscrowMismatchRaised;
import fundexchange.protocol.event.PayoutExecuted;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.PayoutReturned;
import fundexchange.protocol.event.ProposalApproved;
import fundexchange.protocol.event.SuspenseAssigned;
import fundexchange.protocol.event.UnidentifiedReceiptRecorded;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cash accounts at the settlement bank (issue 22, rules version 7): the bank's confirmations, withdrawals, suspense,
 * statements and corrections, with whole event lists; every test replays its journal checking the invariants, cash
 * conservation among them.
 */
class CashAccountsTest {
    /** The scenarios' business date in Shanghai (Scenario.START is 2026-11-18T10:06:40Z). */
    private static final String TODAY = "2026-11-18";
    private static final AccountRef INVESTOR = AccountRef.participant("Investor-07");
    private static final AccountRef HOLDER = AccountRef.participant("Holder-01");
    private Market m;

    private Market market(Market base) {
        m = base.participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .fund("DGF3", false);
        if (base.s.engine.state().rulesVersion >= fundexchange.protocol.RulesVersion.CASH_ACCOUNTS) {
            m.participant("Bank-01", Role.BANK);
        }
        return m;
    }

    @AfterEach
    void replayAgrees() {
        m.replayCheckingInvariants();
    }

    private static Money cny(String amount) {
        return Money.of(amount);
    }

    private CashBalance balance(AccountRef account) {
        return m.s.engine.state().cash.balance("CNY", account);
    }

    @Test
    void aReceiptCreditsTheAccountAndAWithdrawalPaidByTheBankLeavesEscrow() {
        market(new Market());
        EventDocument in = m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("1000000.00"), "BOC-R-0001",
                TODAY));
        assertEquals(List.of(new CashReceived("Investor-07", "CNY", cny("1000000.00"), "BOC-R-0001", TODAY, "Bank-01")),
                in.events());

        EventDocument out = m.ok("Investor-07", new WithdrawCash("CNY", cny("250000.00")));
        long instruction = out.sourceIndex() * 4096;
        assertEquals(List.of(new PayoutInstructed(instruction, INVESTOR, "CNY", cny("250000.00"), null, null)),
                out.events());
        assertEquals(new CashBalance("CNY", INVESTOR, cny("750000.00"), cny("250000.00")), balance(INVESTOR));
        m.refused("Investor-07", new WithdrawCash("CNY", cny("750000.01")), RejectCode.INSUFFICIENT_CASH);

        EventDocument paid = m.ok("Bank-01", new RecordPayoutExecuted(instruction, "BOC-P-0001", TODAY));
        assertEquals(List.of(new PayoutExecuted(instruction, INVESTOR, "CNY", cny("250000.00"), "BOC-P-0001", TODAY,
                "Bank-01")), paid.events());
        assertEquals(new CashBalance("CNY", INVESTOR, cny("750000.00"), cny("0.00")), balance(INVESTOR));
        m.refused("Bank-01", new RecordPayoutExecuted(instruction, "BOC-P-0002", TODAY),
                RejectCode.INSTRUCTION_NOT_PENDING);
        m.refused("Bank-01", new RecordPayoutExecuted(instruction + 1, "BOC-P-0002", TODAY),
                RejectCode.UNKNOWN_INSTRUCTION);
        assertEquals(cny("750000.00"), m.s.engine.state().cash.escrow("CNY"));
    }

    @Test
    void aRepeatedBankReferenceIsRefusedWithItsOwnCodeAndMovesNothing() {
        market(new Market());
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("100.00"), "BOC-R-0001", TODAY));
        m.refused("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("100.00"), "BOC-R-0001", TODAY),
                RejectCode.DUPLICATE_BANK_REFERENCE);
        m.refused("Bank-01", new RecordUnidentifiedReceipt("CNY", cny("5.00"), "BOC-R-0001", TODAY, null),
                RejectCode.DUPLICATE_BANK_REFERENCE);
        m.refused("Bank-01", new RecordBankStatement("CNY", TODAY, cny("100.00"), "BOC-R-0001"),
                RejectCode.DUPLICATE_BANK_REFERENCE);
        assertEquals(new CashBalance("CNY", INVESTOR, cny("100.00"), cny("0.00")), balance(INVESTOR));
    }

    @Test
    void aReturnedPayoutMakesTheCashAvailableAgain() {
        market(new Market());
        m.ok("Bank-01", new RecordCashReceipt("Holder-01", "CNY", cny("500.00"), "R-1", TODAY));
        long instruction = m.ok("Holder-01", new WithdrawCash("CNY", cny("500.00"))).sourceIndex() * 4096;
        EventDocument back = m.ok("Bank-01", new RecordPayoutReturned(instruction, "R-2", TODAY,
                "beneficiary account closed"));
        assertEquals(List.of(new PayoutReturned(instruction, HOLDER, "CNY", cny("500.00"), "R-2", TODAY,
                "beneficiary account closed", "Bank-01")), back.events());
        assertEquals(new CashBalance("CNY", HOLDER, cny("500.00"), cny("0.00")), balance(HOLDER));
        m.refused("Bank-01", new RecordPayoutExecuted(instruction, "R-3", TODAY), RejectCode.INSTRUCTION_NOT_PENDING);
    }

    @Test
    void anUnidentifiedReceiptWaitsInSuspenseUntilStaffAssignItByMakerChecker() {
        market(new Market());
        EventDocument in = m.ok("Bank-01", new RecordUnidentifiedReceipt("CNY", cny("3000.00"), "R-9", TODAY,
                "ZHANG SAN 6222-XXXX"));
        assertEquals(List.of(new UnidentifiedReceiptRecorded("CNY", cny("3000.00"), "R-9", TODAY, "ZHANG SAN 6222-XXXX",
                "Bank-01")), in.events());
        assertEquals(cny("3000.00"), balance(AccountRef.SUSPENSE).available());
        m.refused("Staff-01", new Propose(new AssignSuspenseReceipt("R-8", "Investor-07", "identified")),
                RejectCode.UNKNOWN_SUSPENSE_RECEIPT);
        m.refused("Staff-01", new Propose(new AssignSuspenseReceipt("R-9", "Staff-02", "identified")),
                RejectCode.NO_CASH_ACCOUNT);
        long proposal = m.ok("Staff-01", new Propose(new AssignSuspenseReceipt("R-9", "Investor-07",
                "payer's name on the subscription form"))).sourceIndex();
        m.refused("Staff-01", new ApproveProposal(proposal), RejectCode.SAME_STAFF_APPROVAL);
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"), new SuspenseAssigned("R-9", "Investor-07",
                "CNY", cny("3000.00"), proposal, "payer's name on the subscription form")),
                m.ok("Staff-02", new ApproveProposal(proposal)).events());
        assertEquals(cny("0.00"), balance(AccountRef.SUSPENSE).available());
        assertEquals(cny("3000.00"), balance(INVESTOR).available());
        m.refused("Staff-01", new Propose(new ReturnSuspenseReceipt("R-9", "unknown payer")),
                RejectCode.SUSPENSE_RECEIPT_NOT_OPEN);
    }

    @Test
    void anUnidentifiedReceiptReturnedGoesBackToItsPayerThroughTheBank() {
        market(new Market());
        m.ok("Bank-01", new RecordUnidentifiedReceipt("CNY", cny("80.00"), "R-9", TODAY, null));
        long proposal = m.ok("Staff-01", new Propose(new ReturnSuspenseReceipt("R-9", "no such investor"))).sourceIndex();
        EventDocument approved = m.ok("Staff-02", new ApproveProposal(proposal));
        long instruction = approved.sourceIndex() * 4096;
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"), new PayoutInstructed(instruction,
                AccountRef.SUSPENSE, "CNY", cny("80.00"), "R-9", "no such investor")), approved.events());
        m.refused("Staff-01", new Propose(new AssignSuspenseReceipt("R-9", "Investor-07", "late")),
                RejectCode.SUSPENSE_RECEIPT_NOT_OPEN);
        // The bank could not return it: it is in suspense again, and can be assigned.
        m.ok("Bank-01", new RecordPayoutReturned(instruction, "R-10", TODAY, "payer account closed"));
        assertEquals(new CashBalance("CNY", AccountRef.SUSPENSE, cny("80.00"), cny("0.00")),
                balance(AccountRef.SUSPENSE));
        long again = m.ok("Staff-01", new Propose(new ReturnSuspenseReceipt("R-9", "second attempt"))).sourceIndex();
        long second = m.ok("Staff-02", new ApproveProposal(again)).sourceIndex() * 4096;
        m.ok("Bank-01", new RecordPayoutExecuted(second, "R-11", TODAY));
        assertEquals(cny("0.00"), m.s.engine.state().cash.escrow("CNY"));
    }

    @Test
    void aStatementThatDiffersRaisesAnAlarmThatStaffAcknowledgeByMakerChecker() {
        market(new Market());
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("100.00"), "R-1", TODAY));
        assertEquals(List.of(new BankStatementRecorded("CNY", "2026-11-17", cny("100.00"), cny("100.00"), "S-1",
                "Bank-01")), m.ok("Bank-01", new RecordBankStatement("CNY", "2026-11-17", cny("100.00"), "S-1")).events());
        m.refused("Bank-01", new RecordBankStatement("CNY", "2026-11-17", cny("100.00"), "S-2"),
                RejectCode.STATEMENT_DATE_INVALID);
        m.refused("Bank-01", new RecordBankStatement("CNY", "2026-11-19", cny("100.00"), "S-2"),
                RejectCode.STATEMENT_DATE_INVALID);
        m.refused("Bank-01", new RecordBankStatement("CNY", TODAY, cny("100.00"), "S-2"),
                RejectCode.STATEMENT_DATE_INVALID); // today has not closed
        m.s.advance(86_400_000L);
        EventDocument off = m.ok("Bank-01", new RecordBankStatement("CNY", TODAY, cny("90.00"), "S-2"));
        long alarm = off.sourceIndex();
        assertEquals(List.of(new BankStatementRecorded("CNY", TODAY, cny("90.00"), cny("100.00"), "S-2", "Bank-01"),
                new EscrowMismatchRaised(alarm, "CNY", TODAY, cny("90.00"), cny("100.00"))), off.events());
        long proposal = m.ok("Staff-01", new Propose(new AcknowledgeEscrowAlarm(alarm, "bank fee debited in error;"
                + " the bank corrects it tomorrow"))).sourceIndex();
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"), new EscrowMismatchAcknowledged(alarm, "CNY",
                proposal, "bank fee debited in error; the bank corrects it tomorrow")),
                m.ok("Staff-02", new ApproveProposal(proposal)).events());
        m.refused("Staff-01", new Propose(new AcknowledgeEscrowAlarm(alarm, "again")), RejectCode.ESCROW_ALARM_NOT_OPEN);
        m.refused("Staff-01", new Propose(new AcknowledgeEscrowAlarm(alarm + 1, "none")), RejectCode.UNKNOWN_ESCROW_ALARM);
    }

    @Test
    void aCorrectionMovesAvailableCashBetweenAccountsWithoutCreatingAny() {
        market(new Market());
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("700.00"), "R-1", TODAY));
        CorrectCash correction = new CorrectCash("CNY", INVESTOR, HOLDER, cny("200.00"), "receipt R-1 was Holder-01's");
        long proposal = m.ok("Staff-01", new Propose(correction)).sourceIndex();
        assertEquals(List.of(new ProposalApproved(proposal, "Staff-02"), new CashCorrected(proposal, "CNY", INVESTOR,
                HOLDER, cny("200.00"), "receipt R-1 was Holder-01's")),
                m.ok("Staff-02", new ApproveProposal(proposal)).events());
        assertEquals(cny("500.00"), balance(INVESTOR).available());
        assertEquals(cny("200.00"), balance(HOLDER).available());
        m.refused("Staff-01", new Propose(new CorrectCash("CNY", INVESTOR, INVESTOR, cny("1.00"), "r")),
                RejectCode.CORRECTION_SAME_ACCOUNT);
        m.refused("Staff-01", new Propose(new CorrectCash("CNY", INVESTOR, HOLDER, cny("500.01"), "r")),
                RejectCode.INSUFFICIENT_CASH);
        m.refused("Staff-01", new Propose(new CorrectCash("CNY", new AccountRef(AccountKind.SUSPENSE, "Holder-01"),
                HOLDER, cny("1.00"), "r")), RejectCode.INVALID_CASH_ACCOUNT);
        m.refused("Staff-01", new Propose(new CorrectCash("CNY", INVESTOR, AccountRef.participant("Regulator-01"),
                cny("1.00"), "r")), RejectCode.NO_CASH_ACCOUNT);
        m.refused("Staff-01", new Propose(new CorrectCash("CNY", INVESTOR, AccountRef.REVENUE, cny("0.00"), "r")),
                RejectCode.CASH_AMOUNT_INVALID);
        m.approved(new CorrectCash("CNY", INVESTOR, AccountRef.REVENUE, cny("0.01"), "rounding"));
        assertEquals(cny("700.00"), m.s.engine.state().cash.escrow("CNY"));
    }

    @Test
    void aCorrectionNeverMovesSuspenseSoAnUnidentifiedReceiptIsStillAssignedAfterOne() {
        market(new Market());
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("50.00"), "R-1", TODAY));
        m.ok("Bank-01", new RecordUnidentifiedReceipt("CNY", cny("30.00"), "R-2", TODAY, null));
        m.refused("Staff-01", new Propose(new CorrectCash("CNY", AccountRef.SUSPENSE, HOLDER, cny("30.00"), "r")),
                RejectCode.INVALID_CASH_ACCOUNT);
        m.refused("Staff-01", new Propose(new CorrectCash("CNY", INVESTOR, AccountRef.SUSPENSE, cny("10.00"), "r")),
                RejectCode.INVALID_CASH_ACCOUNT);
        long correction = m.ok("Staff-01", new Propose(new CorrectCash("CNY", INVESTOR, HOLDER, cny("20.00"),
                "receipt R-1 was partly Holder-01's"))).sourceIndex();
        assertEquals(List.of(new ProposalApproved(correction, "Staff-02"), new CashCorrected(correction, "CNY",
                INVESTOR, HOLDER, cny("20.00"), "receipt R-1 was partly Holder-01's")),
                m.ok("Staff-02", new ApproveProposal(correction)).events());
        long assign = m.ok("Staff-01", new Propose(new AssignSuspenseReceipt("R-2", "Holder-01",
                "payer identified"))).sourceIndex();
        assertEquals(List.of(new ProposalApproved(assign, "Staff-02"), new SuspenseAssigned("R-2", "Holder-01", "CNY",
                cny("30.00"), assign, "payer identified")), m.ok("Staff-02", new ApproveProposal(assign)).events());
        assertEquals(new CashBalance("CNY", HOLDER, cny("50.00"), cny("0.00")), balance(HOLDER));
        assertEquals(new CashBalance("CNY", AccountRef.SUSPENSE, cny("0.00"), cny("0.00")),
                balance(AccountRef.SUSPENSE));
    }

    @Test
    void onlyTheBankConfirmsAndOnlyInTheCurrenciesOfRegisteredFundsWithinItsDates() {
        market(new Market());
        m.refused("Staff-01", new RecordCashReceipt("Investor-07", "CNY", cny("1.00"), "R-1", TODAY),
                RejectCode.WRONG_ROLE);
        m.refused("Investor-07", new RecordCashReceipt("Investor-07", "CNY", cny("1.00"), "R-1", TODAY),
                RejectCode.WRONG_ROLE);
        m.refused("Bank-01", new RecordCashReceipt("Investor-07", "USD", cny("1.00"), "R-1", TODAY),
                RejectCode.CURRENCY_NOT_IN_USE);
        m.refused("Bank-01", new RecordCashReceipt("Staff-01", "CNY", cny("1.00"), "R-1", TODAY),
                RejectCode.NO_CASH_ACCOUNT);
        m.refused("Bank-01", new RecordCashReceipt("Nobody", "CNY", cny("1.00"), "R-1", TODAY),
                RejectCode.NO_CASH_ACCOUNT);
        m.refused("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("0.00"), "R-1", TODAY),
                RejectCode.CASH_AMOUNT_INVALID);
        m.refused("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("1.00"), "R-1", "2026-11-19"),
                RejectCode.BANK_DATE_INVALID);
        m.refused("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("1.00"), "R-1", "2026-10-17"),
                RejectCode.BANK_DATE_INVALID);
        m.refused("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("1.00"), "R-1", "18/11/2026"),
                RejectCode.BANK_DATE_INVALID);
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("1.00"), "R-1", "2026-10-18"));
        m.refused("Bank-01", new WithdrawCash("CNY", cny("1.00")), RejectCode.NO_CASH_ACCOUNT);
        // A USD fund opens USD accounts; each currency's escrow is its own.
        Market.accepted(m.s.by("Staff-01", new RegisterFund("USF1", "Demo Dollar Fund I", "Demo Capital Management",
                "GROWTH", 2020, "USD", LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.0000"), "2026-09-30",
                Units.of("100.00"), false)));
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "USD", Money.of("5.00"), "R-2", TODAY));
        assertEquals(Money.of("5.00"), m.s.engine.state().cash.escrow("USD"));
        assertEquals(cny("1.00"), m.s.engine.state().cash.escrow("CNY"));
    }

    @Test
    void theBankRoleIsHeldAlone() {
        market(new Market());
        for (List<Role> roles : List.of(List.of(Role.BANK, Role.INVESTOR), List.of(Role.BANK, Role.STAFF),
                List.of(Role.BANK, Role.MANAGER))) {
            m.refused("Staff-01", new RegisterParticipant("Bank-02", "Demo Bank Two", ParticipantType.INSTITUTION,
                    roles), RejectCode.BANK_ROLE_NOT_ALONE);
        }
    }

    @Test
    void noConfirmationIsValuedOnOrBeforeTheLastStatementNorAPayoutBeforeItsInstruction() {
        market(new Market());
        m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("100.00"), "R-1", "2026-11-16"));
        long instruction = m.ok("Investor-07", new WithdrawCash("CNY", cny("40.00"))).sourceIndex() * 4096;
        m.refused("Bank-01", new RecordPayoutExecuted(instruction, "P-1", "2026-11-17"), RejectCode.BANK_DATE_INVALID);
        m.refused("Bank-01", new RecordPayoutReturned(instruction, "P-1", "2026-11-17", "r"),
                RejectCode.BANK_DATE_INVALID);
        assertEquals(List.of(new BankStatementRecorded("CNY", "2026-11-17", cny("100.00"), cny("100.00"), "S-1",
                "Bank-01")), m.ok("Bank-01", new RecordBankStatement("CNY", "2026-11-17", cny("100.00"), "S-1"))
                .events());
        m.refused("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("1.00"), "R-2", "2026-11-17"),
                RejectCode.BANK_DATE_INVALID);
        m.refused("Bank-01", new RecordUnidentifiedReceipt("CNY", cny("1.00"), "R-2", "2026-11-16", null),
                RejectCode.BANK_DATE_INVALID);
        assertEquals(List.of(new PayoutExecuted(instruction, INVESTOR, "CNY", cny("40.00"), "P-1", TODAY, "Bank-01")),
                m.ok("Bank-01", new RecordPayoutExecuted(instruction, "P-1", TODAY)).events());
        assertEquals(List.of(new CashReceived("Investor-07", "CNY", cny("1.00"), "R-2", TODAY, "Bank-01")),
                m.ok("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("1.00"), "R-2", TODAY)).events());
    }

    @Test
    void oneSettlementBankIsActiveAndIsReplacedBySuspendingTheOldOneFirst() {
        market(new Market());
        RegisterParticipant second = new RegisterParticipant("Bank-02", "Demo Bank Two", ParticipantType.INSTITUTION,
                List.of(Role.BANK));
        m.refused("Staff-01", second, RejectCode.BANK_ALREADY_ACTIVE);
        m.approved(new fundexchange.protocol.command.SuspendParticipant("Bank-01", "replaced by Bank-02"));
        m.refused("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("1.00"), "R-1", TODAY),
                RejectCode.PARTICIPANT_SUSPENDED);
        m.ok("Staff-01", second);
        long approve = m.ok("Staff-01", new Propose(new fundexchange.protocol.command.ApproveParticipant("Bank-02")))
                .sourceIndex();
        assertEquals(List.of(new ProposalApproved(approve, "Staff-02"),
                new fundexchange.protocol.event.ParticipantApproved("Bank-02")),
                m.ok("Staff-02", new ApproveProposal(approve)).events());
        refusedAction(new fundexchange.protocol.command.ReinstateParticipant("Bank-01", "back"),
                RejectCode.BANK_ALREADY_ACTIVE);
        m.refused("Bank-01", new RecordCashReceipt("Investor-07", "CNY", cny("1.00"), "R-1", TODAY),
                RejectCode.PARTICIPANT_SUSPENDED);
    }

    private void refusedAction(fundexchange.protocol.command.SensitiveAction action, RejectCode code) {
        EventDocument proposal = m.s.by("Staff-01", new Propose(action));
        EventDocument decided = Engine.succeeded(proposal.outcome())
                ? m.s.by("Staff-02", new ApproveProposal(proposal.sourceIndex())) : proposal;
        assertEquals(code.code(), decided.outcome().code(), decided::toString);
    }

    @Test
    void aVersionSixJournalRefusesTheBankRoleAndEveryCashCommandAsBefore() {
        market(new Market(6));
        m.refused("Staff-01", new RegisterParticipant("Bank-01", "Demo Bank", ParticipantType.INSTITUTION,
                List.of(Role.BANK)), RejectCode.CASH_NOT_IN_RULES);
        m.refused("Investor-07", new WithdrawCash("CNY", cny("1.00")), RejectCode.CASH_NOT_IN_RULES);
        m.refused("Staff-01", new RecordCashReceipt("Investor-07", "CNY", cny("1.00"), "R-1", TODAY),
                RejectCode.CASH_NOT_IN_RULES);
        m.refused("Staff-01", new RecordUnidentifiedReceipt("CNY", cny("1.00"), "R-1", TODAY, null),
                RejectCode.CASH_NOT_IN_RULES);
        m.refused("Staff-01", new RecordPayoutExecuted(1, "R-1", TODAY), RejectCode.CASH_NOT_IN_RULES);
        m.refused("Staff-01", new RecordPayoutReturned(1, "R-1", TODAY, "r"), RejectCode.CASH_NOT_IN_RULES);
        m.refused("Staff-01", new RecordBankStatement("CNY", TODAY, cny("1.00"), "R-1"), RejectCode.CASH_NOT_IN_RULES);
        m.refused("Staff-01", new Propose(new AssignSuspenseReceipt("R-1", "Investor-07", "r")),
                RejectCode.CASH_NOT_IN_RULES);
        m.refused("Staff-01", new Propose(new ReturnSuspenseReceipt("R-1", "r")), RejectCode.CASH_NOT_IN_RULES);
        m.refused("Staff-01", new Propose(new AcknowledgeEscrowAlarm(1, "r")), RejectCode.CASH_NOT_IN_RULES);
        m.refused("Staff-01", new Propose(new CorrectCash("CNY", INVESTOR, HOLDER, cny("1.00"), "r")),
                RejectCode.CASH_NOT_IN_RULES);
        // A participant of the roles version 6 knows registers as before.
        Market.accepted(m.s.by("Staff-01", new RegisterParticipant("Holder-02", "Demo LP Two",
                ParticipantType.INSTITUTION, List.of(Role.HOLDER))));
    }
}
