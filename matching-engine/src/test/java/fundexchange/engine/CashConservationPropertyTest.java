package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.RejectCode;
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
import fundexchange.protocol.command.ReturnSuspenseReceipt;
import fundexchange.protocol.command.WithdrawCash;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.UnidentifiedReceiptRecorded;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cash conservation over random sequences of cash commands (issue 22): receipts, unidentified receipts, withdrawals,
 * payouts executed and returned (of real and made-up instructions), statements that match or not, repeated bank
 * references, and staff's assignments, returns, acknowledgements and corrections by maker-checker. After every
 * document the {@link Invariants} hold (escrow = confirmed receipts - executed payouts per currency, no negative
 * balance, locked = pending payouts), no command fails internally, and a replay gives the same documents and hash.
 * Seeded, so a failure names its sequence.
 */
class CashConservationPropertyTest {
    private static final List<String> ACCOUNT_HOLDERS = List.of("Holder-01", "Investor-07", "Investor-08");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 17, 42, 2026})
    void randomCashSequencesConserveCash(long seed) {
        Random random = new Random(seed);
        Market m = new Market().participant("Holder-01", Role.HOLDER).participant("Investor-07", Role.INVESTOR)
                .participant("Investor-08", Role.INVESTOR).participant("Bank-01", Role.BANK).fund("DGF3", false);
        List<Long> instructions = new ArrayList<>();
        List<String> receipts = new ArrayList<>();
        List<Long> alarms = new ArrayList<>();
        List<String> references = new ArrayList<>();
        java.util.TreeSet<String> happened = new java.util.TreeSet<>();
        for (int step = 0; step < 400; step++) {
            String reference = random.nextInt(10) == 0 && !references.isEmpty()
                    ? references.get(random.nextInt(references.size())) : "REF-" + seed + "-" + step;
            references.add(reference);
            String holder = ACCOUNT_HOLDERS.get(random.nextInt(ACCOUNT_HOLDERS.size()));
            Money amount = new Money(1 + random.nextInt(100_000));
            EventDocument doc = switch (random.nextInt(9)) {
                case 0, 1 -> m.s.by("Bank-01", new RecordCashReceipt(holder, "CNY", amount, reference, today(m)));
                case 2 -> m.s.by("Bank-01", new RecordUnidentifiedReceipt("CNY", amount, reference, today(m), null));
                case 3 -> m.s.by(holder, new WithdrawCash("CNY", amount));
                case 4 -> m.s.by("Bank-01", new RecordPayoutExecuted(pick(random, instructions, 4096L), reference, today(m)));
                case 5 -> m.s.by("Bank-01", new RecordPayoutReturned(pick(random, instructions, 4096L), reference, today(m),
                        "returned"));
                case 6 -> {
                    Money escrow = m.s.engine.state().cash.escrow("CNY");
                    m.s.advance(86_400_000L); // one statement a day
                    String yesterday = java.time.Instant.ofEpochMilli(m.s.time).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                            .toLocalDate().minusDays(1).toString();
                    yield m.s.by("Bank-01", new RecordBankStatement("CNY", yesterday, random.nextBoolean() ? escrow
                            : amount, reference));
                }
                case 7 -> staff(m, random.nextInt(3) == 0 ? new ReturnSuspenseReceipt(pick(random, receipts, "none"), "r")
                        : random.nextBoolean() ? new AssignSuspenseReceipt(pick(random, receipts, "none"), holder, "r")
                        : new AcknowledgeEscrowAlarm(pick(random, alarms, 1L), "r"));
                default -> staff(m, new CorrectCash("CNY", random.nextBoolean() ? AccountRef.SUSPENSE
                        : AccountRef.participant(holder), random.nextBoolean() ? AccountRef.REVENUE
                        : AccountRef.participant(ACCOUNT_HOLDERS.get(random.nextInt(3))), amount, "r"));
            };
            assertNotEquals(RejectCode.INTERNAL.code(), doc.outcome().code(), () -> "seed " + seed + ": " + doc);
            for (Event event : doc.events()) {
                happened.add(event.getClass().getSimpleName());
                if (event instanceof PayoutInstructed p) {
                    instructions.add(p.instructionId());
                } else if (event instanceof UnidentifiedReceiptRecorded u) {
                    receipts.add(u.bankReference());
                } else if (event instanceof fundexchange.protocol.event.EscrowMismatchRaised a) {
                    alarms.add(a.alarmId());
                }
            }
        }
        m.replayCheckingInvariants();
        // The sequence did exercise every cash event, not only refusals.
        org.junit.jupiter.api.Assertions.assertTrue(happened.containsAll(List.of("CashReceived",
                "UnidentifiedReceiptRecorded", "SuspenseAssigned", "PayoutInstructed", "PayoutExecuted", "PayoutReturned",
                "BankStatementRecorded", "EscrowMismatchRaised", "EscrowMismatchAcknowledged", "CashCorrected")),
                () -> "seed " + seed + " exercised only " + happened);
    }

    /** Staff-01 proposes, Staff-02 approves (when the proposal was accepted); the approval's document. */
    private static EventDocument staff(Market m, fundexchange.protocol.command.SensitiveAction action) {
        EventDocument proposal = m.s.by("Staff-01", new Propose(action));
        if (!Engine.succeeded(proposal.outcome())) {
            return proposal;
        }
        return m.s.by("Staff-02", new ApproveProposal(proposal.sourceIndex()));
    }

    /** The scenario's business date in Shanghai now. */
    private static String today(Market m) {
        return java.time.Instant.ofEpochMilli(m.s.time).atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate()
                .toString();
    }

    private static <T> T pick(Random random, List<T> from, T otherwise) {
        return from.isEmpty() || random.nextInt(8) == 0 ? otherwise : from.get(random.nextInt(from.size()));
    }
}
