package fundexchange.engine;

import fundexchange.engine.cash.CashLedger;
import fundexchange.engine.cash.EscrowAlarm;
import fundexchange.engine.cash.InstructionStatus;
import fundexchange.engine.cash.PayoutInstruction;
import fundexchange.engine.cash.SuspenseReceipt;
import fundexchange.engine.cash.SuspenseStatus;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.RulesVersion;
import fundexchange.protocol.cash.AccountKind;
import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.command.AcknowledgeEscrowAlarm;
import fundexchange.protocol.command.AssignSuspenseReceipt;
import fundexchange.protocol.command.CorrectCash;
import fundexchange.protocol.command.RecordBankStatement;
import fundexchange.protocol.command.RecordCashReceipt;
import fundexchange.protocol.command.RecordPayoutExecuted;
import fundexchange.protocol.command.RecordPayoutReturned;
import fundexchange.protocol.command.RecordUnidentifiedReceipt;
import fundexchange.protocol.command.ReturnSuspenseReceipt;
import fundexchange.protocol.command.WithdrawCash;
import fundexchange.protocol.event.BankStatementRecorded;
import fundexchange.protocol.event.CashCorrected;
import fundexchange.protocol.event.CashReceived;
import fundexchange.protocol.event.EscrowMismatchAcknowledged;
import fundexchange.protocol.event.EscrowMismatchRaised;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.PayoutExecuted;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.PayoutReturned;
import fundexchange.protocol.event.SuspenseAssigned;
import fundexchange.protocol.event.UnidentifiedReceiptRecorded;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.Participant;
import fundexchange.protocol.reference.Role;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Cash in escrow at the settlement bank (issue 22, rules version 7; docs/rules.md "Cash"). The bank's participant
 * (role BANK) confirms receipts, unidentified receipts, payouts executed or returned and daily statements, each once
 * per bank reference; a participant withdraws available cash (locked, and an instruction to the bank); staff assign or
 * return unidentified receipts, acknowledge escrow alarms and correct accounts, each by maker-checker. Money enters or
 * leaves escrow only by the bank's confirmations; everything else moves it between accounts.
 */
final class CashRules {
    /** How many days before the command's business date a bank's value or statement date may lie. */
    static final int MAX_DATE_AGE_DAYS = 31;
    /** Payout instructions one command may make: ids are {@code index * 4096 + n} (CONTRACTS.md 11). */
    static final int INSTRUCTIONS_PER_INDEX = 4096;

    private final ExchangeState state;

    CashRules(ExchangeState state) {
        this.state = state;
    }

    private CashLedger ledger() {
        return state.cash;
    }

    List<Event> receipt(CommandContext ctx, RecordCashReceipt c) {
        String bank = bank(ctx);
        String reference = freshReference(c.bankReference());
        String currency = currency(c.currency());
        Money amount = positive(c.amount());
        String valueDate = afterStatement(currency, bankDate(ctx, c.valueDate(), "valueDate"));
        accountHolder(c.participantId());
        fits(currency, amount);
        return List.of(new CashReceived(c.participantId(), currency, amount, reference, valueDate, bank));
    }

    List<Event> unidentified(CommandContext ctx, RecordUnidentifiedReceipt c) {
        String bank = bank(ctx);
        String reference = freshReference(c.bankReference());
        String currency = currency(c.currency());
        Money amount = positive(c.amount());
        String valueDate = afterStatement(currency, bankDate(ctx, c.valueDate(), "valueDate"));
        String remitter = c.remitter() == null ? null : Validation.text(c.remitter(), "remitter");
        fits(currency, amount);
        return List.of(new UnidentifiedReceiptRecorded(currency, amount, reference, valueDate, remitter, bank));
    }

    List<Event> executed(CommandContext ctx, RecordPayoutExecuted c) {
        String bank = bank(ctx);
        String reference = freshReference(c.bankReference());
        String valueDate = bankDate(ctx, c.valueDate(), "valueDate");
        PayoutInstruction instruction = payoutDate(pending(c.instructionId()), valueDate);
        return List.of(new PayoutExecuted(instruction.instructionId(), instruction.account(), instruction.currency(),
                instruction.amount(), reference, valueDate, bank));
    }

    List<Event> returned(CommandContext ctx, RecordPayoutReturned c) {
        String bank = bank(ctx);
        String reference = freshReference(c.bankReference());
        String valueDate = bankDate(ctx, c.valueDate(), "valueDate");
        String reason = Validation.text(c.reason(), "reason");
        PayoutInstruction instruction = payoutDate(pending(c.instructionId()), valueDate);
        return List.of(new PayoutReturned(instruction.instructionId(), instruction.account(), instruction.currency(),
                instruction.amount(), reference, valueDate, reason, bank));
    }

    List<Event> statement(CommandContext ctx, RecordBankStatement c) {
        String bank = bank(ctx);
        String reference = freshReference(c.bankReference());
        String currency = currency(c.currency());
        Rejection.check(c.closingBalance() != null && c.closingBalance().raw() >= 0, RejectCode.CASH_AMOUNT_INVALID,
                "closingBalance must be zero or more");
        LocalDate date = date(ctx, c.statementDate(), "statementDate", RejectCode.STATEMENT_DATE_INVALID);
        Rejection.check(date.isBefore(ctx.date()), RejectCode.STATEMENT_DATE_INVALID, "a statement is of a day that"
                + " has closed: statementDate must be before " + ctx.date());
        String last = ledger().lastStatements().get(currency);
        Rejection.check(last == null || date.isAfter(LocalDate.parse(last)), RejectCode.STATEMENT_DATE_INVALID,
                "the last statement of " + currency + " is of " + last + "; a statement's date must be later");
        Money escrow = ledger().escrow(currency);
        BankStatementRecorded recorded = new BankStatementRecorded(currency, date.toString(), c.closingBalance(), escrow,
                reference, bank);
        if (escrow.equals(c.closingBalance())) {
            return List.of(recorded);
        }
        return List.of(recorded, new EscrowMismatchRaised(ctx.index(), currency, date.toString(), c.closingBalance(),
                escrow));
    }

    List<Event> withdraw(CommandContext ctx, WithdrawCash c) {
        inRules();
        Rejection.check(holdsAccounts(ctx.actor()), RejectCode.NO_CASH_ACCOUNT,
                "only holders, investors and managers hold cash accounts");
        String currency = currency(c.currency());
        Money amount = positive(c.amount());
        AccountRef account = AccountRef.participant(ctx.actorId());
        enough(currency, account, amount);
        return List.of(new PayoutInstructed(instructionId(ctx.index()), account, currency, amount, null, null));
    }

    /** Maker-checker: an unidentified receipt to a participant's account. */
    List<Event> assign(AssignSuspenseReceipt a, long proposalId) {
        inRules();
        String reason = Validation.text(a.reason(), "reason");
        SuspenseReceipt receipt = openReceipt(a.bankReference());
        accountHolder(a.participantId());
        enough(receipt.currency(), AccountRef.SUSPENSE, receipt.amount());
        return List.of(new SuspenseAssigned(receipt.bankReference(), a.participantId(), receipt.currency(),
                receipt.amount(), proposalId, reason));
    }

    /** Maker-checker: an unidentified receipt back to its payer; the instruction's id comes from {@code index}. */
    List<Event> returnReceipt(ReturnSuspenseReceipt r, long index) {
        inRules();
        String reason = Validation.text(r.reason(), "reason");
        SuspenseReceipt receipt = openReceipt(r.bankReference());
        enough(receipt.currency(), AccountRef.SUSPENSE, receipt.amount());
        return List.of(new PayoutInstructed(instructionId(index), AccountRef.SUSPENSE, receipt.currency(),
                receipt.amount(), receipt.bankReference(), reason));
    }

    /** Maker-checker: an open escrow alarm acknowledged with the reason. */
    List<Event> acknowledge(AcknowledgeEscrowAlarm a, long proposalId) {
        inRules();
        String reason = Validation.text(a.reason(), "reason");
        EscrowAlarm alarm = ledger().alarms().get(a.alarmId());
        Rejection.check(alarm != null, RejectCode.UNKNOWN_ESCROW_ALARM, "no escrow alarm " + a.alarmId());
        Rejection.check(alarm.open(), RejectCode.ESCROW_ALARM_NOT_OPEN, "escrow alarm " + a.alarmId()
                + " was already acknowledged");
        return List.of(new EscrowMismatchAcknowledged(alarm.alarmId(), alarm.currency(), proposalId, reason));
    }

    /**
     * Maker-checker: available cash from one account to another, the escrow total unchanged. Never from or to
     * SUSPENSE (8016): suspense holds exactly its open receipts, and leaves only by assignment or return.
     */
    List<Event> correct(CorrectCash c, long proposalId) {
        inRules();
        String reason = Validation.text(c.reason(), "reason");
        String currency = currency(c.currency());
        AccountRef from = account(c.from(), "from");
        AccountRef to = account(c.to(), "to");
        Rejection.check(from.kind() != AccountKind.SUSPENSE && to.kind() != AccountKind.SUSPENSE,
                RejectCode.INVALID_CASH_ACCOUNT, "a correction never moves suspense: unidentified receipts are assigned"
                        + " or returned");
        Rejection.check(!from.equals(to), RejectCode.CORRECTION_SAME_ACCOUNT, "a correction moves cash between two"
                + " different accounts");
        Money amount = positive(c.amount());
        enough(currency, from, amount);
        return List.of(new CashCorrected(proposalId, currency, from, to, amount, reason));
    }

    /** Refuses a staff member who is a party to the action (never: staff hold no cash accounts), CONTRACTS.md 18. */
    static void notParty(String staff, CorrectCash c) {
        Duties.notParty(staff, "a cash correction", c.from() == null ? null : c.from().participantId(),
                c.to() == null ? null : c.to().participantId());
    }

    /** Refuses a participant with the BANK role under rules version 6 or older, and BANK held with another role. */
    static void bankRole(int rulesVersion, java.util.Collection<Role> roles) {
        if (!roles.contains(Role.BANK)) {
            return;
        }
        Rejection.check(rulesVersion >= RulesVersion.CASH_ACCOUNTS, RejectCode.CASH_NOT_IN_RULES,
                "this journal's rules version has no BANK role");
        Rejection.check(roles.stream().allMatch(role -> role == Role.BANK), RejectCode.BANK_ROLE_NOT_ALONE,
                "the BANK role is held alone (segregation of duties)");
    }

    /**
     * One settlement bank (issue 22): refuses registering, approving or reinstating a participant with the BANK role
     * while another BANK participant is ACTIVE (8020); a bank is replaced by suspending the old one first.
     */
    static void oneBank(ExchangeState state, String participantId, java.util.Collection<Role> roles) {
        if (roles == null || !roles.contains(Role.BANK)) {
            return;
        }
        for (Participant other : state.participants.values()) {
            Rejection.check(other.participantId().equals(participantId) || !other.has(Role.BANK) || !other.active(),
                    RejectCode.BANK_ALREADY_ACTIVE, "settlement bank " + other.participantId() + " is active; suspend it"
                            + " before another bank is registered, approved or reinstated");
        }
    }

    // --- checks ---

    private void inRules() {
        Rejection.check(state.rulesVersion >= RulesVersion.CASH_ACCOUNTS, RejectCode.CASH_NOT_IN_RULES,
                "this journal's rules version keeps no cash accounts");
    }

    /** The signer, who must be the settlement bank's participant. */
    private String bank(CommandContext ctx) {
        inRules();
        ctx.requireRole(Role.BANK); // an active participant: and at most one bank is active (oneBank)
        return ctx.actorId();
    }

    private String freshReference(String reference) {
        Validation.id(reference, "bankReference");
        Rejection.check(!ledger().bankReferences().contains(reference), RejectCode.DUPLICATE_BANK_REFERENCE,
                "the bank's reference " + reference + " was already confirmed; nothing moved");
        return reference;
    }

    private String currency(String currency) {
        Validation.currency(currency);
        Rejection.check(state.funds.values().stream().anyMatch(f -> currency.equals(f.currency())),
                RejectCode.CURRENCY_NOT_IN_USE, "no registered fund uses " + currency);
        return currency;
    }

    private static Money positive(Money amount) {
        Rejection.check(amount != null && amount.positive(), RejectCode.CASH_AMOUNT_INVALID,
                "amount must be positive");
        return amount;
    }

    /** A bank's value date: an ISO date from {@link #MAX_DATE_AGE_DAYS} days before the command's date to that date. */
    private static String bankDate(CommandContext ctx, String value, String field) {
        return date(ctx, value, field, RejectCode.BANK_DATE_INVALID).toString();
    }

    private static LocalDate date(CommandContext ctx, String value, String field, RejectCode code) {
        Rejection.check(value != null, code, field + " is required (ISO date)");
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new Rejection(code, field + " must be an ISO date such as 2026-06-30");
        }
        LocalDate today = ctx.date();
        Rejection.check(!date.isAfter(today) && !date.isBefore(today.minusDays(MAX_DATE_AGE_DAYS)), code,
                field + " must lie from " + today.minusDays(MAX_DATE_AGE_DAYS) + " to " + today
                        + " (the business date in the platform zone)");
        return date;
    }

    private static boolean holdsAccounts(Participant participant) {
        return participant != null && (participant.has(Role.HOLDER) || participant.has(Role.INVESTOR)
                || participant.has(Role.MANAGER));
    }

    private void accountHolder(String participantId) {
        Participant participant = participantId == null ? null : state.participants.get(participantId);
        Rejection.check(holdsAccounts(participant), RejectCode.NO_CASH_ACCOUNT,
                "no cash account for " + participantId + " (holders, investors and managers hold them)");
    }

    private AccountRef account(AccountRef account, String field) {
        Rejection.check(account != null && account.wellFormed(), RejectCode.INVALID_CASH_ACCOUNT,
                field + " names a participant's account (kind PARTICIPANT with participantId) or a platform account"
                        + " (SUSPENSE or REVENUE, without participantId)");
        if (account.kind() == AccountKind.PARTICIPANT) {
            accountHolder(account.participantId());
        }
        return account;
    }

    private void enough(String currency, AccountRef account, Money amount) {
        Money available = ledger().available(currency, account);
        Rejection.check(available.compareTo(amount) >= 0, RejectCode.INSUFFICIENT_CASH,
                "available " + currency + " " + available + " is less than " + amount);
    }

    /** Refuses money entering escrow that would take the currency's total out of exact range. */
    private void fits(String currency, Money amount) {
        try {
            ledger().escrow(currency).plus(amount);
        } catch (ArithmeticException e) {
            throw new Rejection(RejectCode.CASH_LIMIT_EXCEEDED, "the escrow total of " + currency
                    + " would leave the range kept exact");
        }
    }

    /**
     * Refuses a confirmation valued on or before the currency's last statement date: that day's statement is closed,
     * and the movement would be missing from it.
     */
    private String afterStatement(String currency, String valueDate) {
        String last = ledger().lastStatements().get(currency);
        Rejection.check(last == null || valueDate.compareTo(last) > 0, RejectCode.BANK_DATE_INVALID,
                "valueDate must be after " + last + ", the date of the last " + currency + " statement");
        return valueDate;
    }

    /** A payout is valued after the last statement and not before the day it was instructed (platform zone). */
    private PayoutInstruction payoutDate(PayoutInstruction instruction, String valueDate) {
        afterStatement(instruction.currency(), valueDate);
        Rejection.check(instruction.instructedOn() == null || valueDate.compareTo(instruction.instructedOn()) >= 0,
                RejectCode.BANK_DATE_INVALID, "valueDate must not be before " + instruction.instructedOn()
                        + ", the day payout instruction " + instruction.instructionId() + " was made");
        return instruction;
    }

    private PayoutInstruction pending(long instructionId) {
        PayoutInstruction instruction = ledger().instructions().get(instructionId);
        Rejection.check(instruction != null, RejectCode.UNKNOWN_INSTRUCTION, "no payout instruction " + instructionId);
        Rejection.check(instruction.status() == InstructionStatus.PENDING, RejectCode.INSTRUCTION_NOT_PENDING,
                "payout instruction " + instructionId + " is already " + instruction.status());
        return instruction;
    }

    private SuspenseReceipt openReceipt(String bankReference) {
        SuspenseReceipt receipt = bankReference == null ? null : ledger().suspense().get(bankReference);
        Rejection.check(receipt != null, RejectCode.UNKNOWN_SUSPENSE_RECEIPT, "no unidentified receipt " + bankReference);
        Rejection.check(receipt.status() == SuspenseStatus.OPEN, RejectCode.SUSPENSE_RECEIPT_NOT_OPEN,
                "unidentified receipt " + bankReference + " is " + receipt.status());
        return receipt;
    }

    /** The next free instruction id of {@code index}: {@code index * 4096 + n} (CONTRACTS.md 11). */
    private long instructionId(long index) {
        long first = Math.multiplyExact(index, INSTRUCTIONS_PER_INDEX);
        int used = ledger().instructions().subMap(first, first + INSTRUCTIONS_PER_INDEX).size();
        Rejection.check(used < INSTRUCTIONS_PER_INDEX, RejectCode.TOO_MANY_INSTRUCTIONS, "too many payout instructions at index " + index);
        return first + used;
    }
}
