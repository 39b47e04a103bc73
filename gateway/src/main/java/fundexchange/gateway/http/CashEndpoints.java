package fundexchange.gateway.http;

import fundexchange.gateway.auth.Caller;
import fundexchange.protocol.reference.Role;
import fundexchange.registry.read.BankReceiptView;
import fundexchange.registry.read.BankStatementView;
import fundexchange.registry.read.BidDepositView;
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
 *       403), never another's balance nor a correction's other account;</li>
 *   <li>the settlement bank, while ACTIVE (else it reads without BANK, {@link Caller#withoutOversight()}, and
 *       {@code ReadHandler} refuses it), reads the payout instructions (all addressed to it), its receipts and its
 *       statements as its feed shows them (the status, never a suspense assignee nor an alarm's acknowledgement), and
 *       no account (403);</li>
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

    /** {@code ?kind&owner&currency&after&limit}: {@code {accounts[], nextAfter?}}. */
    Object accounts(Caller caller, ServerRequest request) {
        refuseBank(caller);
        ListParams params = ListParams.parse(request, "kind", "owner", "currency");
        List<CashAccountView> found = reads.accounts(kind(caller, params), owner(caller, params), currency(params),
                params.fetch());
        return params.body("accounts", found, CashAccountView::accountId, account -> account);
    }

    /**
     * {@code ?kind&owner&currency&after&limit}: {@code {movements[], nextAfter?}}; a staff correction's reason and proposal
     * to its account's participant too, as {@code CashCorrected} in its feed shows them (a row names only its own account,
     * never the other side; staff's reason must not name participants, docs/rules.md "Cash").
     */
    Object movements(Caller caller, ServerRequest request) {
        refuseBank(caller);
        ListParams params = ListParams.parse(request, "kind", "owner", "currency");
        List<CashMovementView> found = reads.movements(kind(caller, params), owner(caller, params), currency(params),
                params.fetch());
        return params.body("movements", found, CashMovementView::movementId, movement -> movement);
    }

    /**
     * {@code ?status&kind&owner&after&limit}: {@code {instructions[], nextAfter?}}: the settlement bank every one (each is
     * addressed to it), staff and regulators every one (or one owner's, SUSPENSE for receipts sent back), anyone else
     * its own ({@code owner} naming another: 403).
     */
    Object instructions(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "status", "kind", "owner");
        Optional<String> status = params.oneOf("status", "PENDING", "EXECUTED", "RETURNED");

        boolean all = bank(caller) && !Viewers.oversight(caller);
        Optional<String> kind = all ? kinds(params) : kind(caller, params);
        Optional<String> owner = all ? params.text("owner") : owner(caller, params);
        List<PayoutInstructionView> found = reads.payouts(kind, owner, status, params.fetch());
        return params.body("instructions", found, PayoutInstructionView::instructionId, instruction -> instruction);
    }

    /**
     * {@code ?owner&listingId&status&after&limit}: {@code {deposits[], nextAfter?}}: a participant its own bid deposits
     * ({@code owner} naming another: 403; a sealed bid's deposit names its bidder, so nobody else ever reads it), staff
     * and regulators every one; the bank none (403: a deposit moves no money in or out of escrow).
     */
    Object deposits(Caller caller, ServerRequest request) {
        refuseBank(caller);
        ListParams params = ListParams.parse(request, "owner", "listingId", "status");
        Optional<String> status = params.oneOf("status", "LOCKED", "HELD", "RELEASED", "APPLIED", "FORFEITED");
        List<BidDepositView> found = reads.deposits(owner(caller, params), params.number("listingId"), status,
                params.fetch());
        return params.body("deposits", found, BidDepositView::depositId, deposit -> deposit);
    }

    /** {@code ?status&after&limit}: {@code {receipts[], nextAfter?}}: the bank its own, oversight every bank's. */
    Object receipts(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "status");
        Optional<String> status = params.oneOf("status", "CREDITED", "SUSPENSE", "ASSIGNED", "RETURNING", "RETURNED");
        boolean oversight = Viewers.oversight(caller);
        List<BankReceiptView> found = reads.receipts(ownBank(caller), status, params.fetch());
        return params.body("receipts", found, BankReceiptView::receiptId,
                receipt -> oversight ? receipt : receipt.forBank());
    }

    /** {@code ?status&after&limit}: {@code {statements[], nextAfter?}}: the bank its own, oversight every bank's. */
    Object statements(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "status");
        Optional<String> status = params.oneOf("status", "MATCHED", "MISMATCH", "ACKNOWLEDGED");
        boolean oversight = Viewers.oversight(caller);
        List<BankStatementView> found = reads.statements(ownBank(caller), status, params.fetch());
        return params.body("statements", found, BankStatementView::statementId,
                statement -> oversight ? statement : statement.forBank());
    }

    /**
     * {@code ?status&after&limit}: {@code {trades[], nextAfter?}}: trades settled delivery versus payment (rules version
     * 8). A participant reads those it buys (with what is due and funded), sells (without the buyer's funding, and
     * with the index and time of the last change the seller was told of, so a partial funding does not show) and, as a
     * fund's manager, the registration changes it confirms (without the parties' cash nor an override's reason, with
     * the index and time of the last change it was told of; a trade staff's override or the registration deadline
     * ended is not listed to it: {@code CashReads#tradeFundings}); staff and regulators every one; the settlement bank
     * none (403: it sees only the payout instructions addressed to it).
     */
    Object trades(Caller caller, ServerRequest request) {
        refuseBank(caller);
        ListParams params = ListParams.parse(request, "status");
        Optional<String> status = params.oneOf("status", "AWAITING_FUNDING", "AWAITING_REGISTRATION", "SETTLED",
                "FAILED");
        boolean oversight = Viewers.oversight(caller);
        String me = caller.participantId();
        List<fundexchange.registry.read.TradeFundingRow> found = reads.tradeFundings(
                oversight ? Optional.empty() : Optional.of(me), status, params.fetch());
        return params.body("trades", found, fundexchange.registry.read.TradeFundingRow::tradeId,
                row -> oversight || me.equals(row.whole().buyer()) ? row.whole()
                        : me.equals(row.whole().seller()) ? row.forSeller() : row.forManager());
    }

    /** Receipts and statements are the bank's and oversight's: anyone else is refused before the read waits. */
    static void requireBankOrOversight(Caller caller) {
        if (!bank(caller) && !Viewers.oversight(caller)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only the bank, staff and regulators read the bank's records");
        }
    }

    /** The bank holds no account: its account reads answer 403 rather than an empty list. */
    private static void refuseBank(Caller caller) {
        if (bank(caller) && !Viewers.oversight(caller)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "the settlement bank holds no cash account here");
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

    /** The kind of account to read: any named for oversight, else a participant's (a platform account: 403). */
    private static Optional<String> kind(Caller caller, ListParams params) {
        Optional<String> kind = kinds(params);
        if (Viewers.oversight(caller)) {
            return kind;
        }
        if (kind.isPresent() && !kind.get().equals("PARTICIPANT")) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only staff and regulators read the platform's accounts");
        }
        return Optional.of("PARTICIPANT");
    }

    private static Optional<String> kinds(ListParams params) {
        return params.oneOf("kind", "PARTICIPANT", "SUSPENSE", "REVENUE");
    }

    private static Optional<String> currency(ListParams params) {
        Optional<String> currency = params.text("currency");
        if (currency.isPresent() && !currency.get().matches("[A-Z]{3}")) {
            throw ListParams.bad("currency must be three capital letters");
        }
        return currency;
    }
}
