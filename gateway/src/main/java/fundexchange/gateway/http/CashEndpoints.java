package fundexchange.gateway.http;

import fundexchange.gateway.auth.Caller;
import fundexchange.protocol.reference.Role;
import fundexchange.registry.read.BankReceiptView;
import fundexchange.registry.read.BankStatementView;
import fundexchange.registry.read.CashAccountView;
import fundexchange.registry.read.CashMovementView;
import fundexchange.registry.read.CashReads;
import fundexchange.registry.read.PayoutInstructionView;
import fundexchange.registry.read.RegistryReads;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Optional;

/**
 * Cash at the settlement bank (docs/api.md, Cash), every list paged by {@code after} and {@code limit}:
 * <ul>
 *   <li>a participant reads its own accounts, movements and payout instructions ({@code owner} naming anyone else:
 *       403), never another's balance nor a staff correction's reason, which may name the other side;</li>
 *   <li>the bank reads the payout instructions addressed to it, its receipts and its statements;</li>
 *   <li>staff and regulators read everything: every account (the exchange's {@code SUSPENSE} and {@code REVENUE}
 *       included), the suspense queue ({@code receipts?status=SUSPENSE}) and the open mismatch alarms
 *       ({@code statements?status=MISMATCH}).</li>
 * </ul>
 */
final class CashEndpoints {
    private final CashReads reads;

    CashEndpoints(RegistryReads registry) {
        this.reads = registry.cash();
    }

    /** {@code ?owner&currency&after&limit}: {@code {accounts[], nextAfter?}}. */
    Object accounts(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "owner", "currency");
        List<CashAccountView> found = reads.accounts(owner(caller, params), currency(params), params.fetch());
        return params.body("accounts", found, CashAccountView::accountId, account -> account);
    }

    /** {@code ?owner&currency&after&limit}: {@code {movements[], nextAfter?}}; a correction's reason for oversight only. */
    Object movements(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "owner", "currency");
        boolean oversight = Viewers.oversight(caller);
        List<CashMovementView> found = reads.movements(owner(caller, params), currency(params), params.fetch());
        return params.body("movements", found, CashMovementView::movementId,
                movement -> oversight ? movement : withoutReason(movement));
    }

    /**
     * {@code ?status&participant&after&limit}: {@code {payouts[], nextAfter?}}: oversight every one (or one
     * participant's), the bank those addressed to it, anyone else its own.
     */
    Object payouts(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "status", "participant");
        Optional<String> status = params.oneOf("status", "PENDING", "EXECUTED", "RETURNED");
        Optional<String> participant = params.text("participant");
        Optional<String> bank = Optional.empty();
        if (!Viewers.oversight(caller)) {
            if (bank(caller)) {
                bank = Optional.of(caller.participantId());
            } else if (participant.isPresent() && !participant.get().equals(caller.participantId())) {
                throw new ApiException(403, ApiError.FORBIDDEN, "a participant reads only its own payout instructions");
            } else {
                participant = Optional.of(caller.participantId());
            }
        }
        List<PayoutInstructionView> found = reads.payouts(bank, participant, status, params.fetch());
        return params.body("payouts", found, PayoutInstructionView::instructionId, payout -> payout);
    }

    /** {@code ?status&after&limit}: {@code {receipts[], nextAfter?}}: the bank its own, oversight every bank's. */
    Object receipts(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "status");
        Optional<String> status = params.oneOf("status", "CREDITED", "SUSPENSE", "ASSIGNED");
        List<BankReceiptView> found = reads.receipts(ownBank(caller), status, params.fetch());
        return params.body("receipts", found, BankReceiptView::receiptId, receipt -> receipt);
    }

    /** {@code ?status&after&limit}: {@code {statements[], nextAfter?}}: the bank its own, oversight every bank's. */
    Object statements(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "status");
        Optional<String> status = params.oneOf("status", "MATCHED", "MISMATCH", "ACKNOWLEDGED");
        List<BankStatementView> found = reads.statements(ownBank(caller), status, params.fetch());
        return params.body("statements", found, BankStatementView::statementId, statement -> statement);
    }

    /** Receipts and statements are the bank's and oversight's: anyone else is refused before the read waits. */
    static void requireBankOrOversight(Caller caller) {
        if (!bank(caller) && !Viewers.oversight(caller)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only the bank, staff and regulators read the bank's records");
        }
    }

    private static Optional<String> ownBank(Caller caller) {
        return Viewers.oversight(caller) ? Optional.empty() : Optional.of(caller.participantId());
    }

    static boolean bank(Caller caller) {
        return caller.has(Role.BANK);
    }

    /** The accounts' owner to read: any for oversight (empty: all), else the caller's own ({@code owner} another: 403). */
    private static Optional<String> owner(Caller caller, ListParams params) {
        Optional<String> owner = params.text("owner");
        if (Viewers.oversight(caller)) {
            return owner;
        }
        if (owner.isPresent() && !owner.get().equals(caller.participantId())) {
            throw new ApiException(403, ApiError.FORBIDDEN, "a participant reads only its own cash");
        }
        return Optional.of(caller.participantId());
    }

    private static Optional<String> currency(ListParams params) {
        Optional<String> currency = params.text("currency");
        if (currency.isPresent() && !currency.get().matches("[A-Z]{3}")) {
            throw ListParams.bad("currency must be three capital letters");
        }
        return currency;
    }

    private static CashMovementView withoutReason(CashMovementView m) {
        return new CashMovementView(m.movementId(), m.sourceIndex(), m.movedAt(), m.owner(), m.currency(), m.kind(),
                m.amount(), m.availableAfter(), m.lockedAfter(), m.cause(), m.bankReference(), m.instructionId(), null);
    }
}
