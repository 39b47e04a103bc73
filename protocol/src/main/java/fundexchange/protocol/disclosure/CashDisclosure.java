package fundexchange.protocol.disclosure;

import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.event.BankStatementRecorded;
import fundexchange.protocol.event.CashCorrected;
import fundexchange.protocol.event.CashEvent;
import fundexchange.protocol.event.CashReceived;
import fundexchange.protocol.event.DepositHeldForTrade;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.DepositReleased;
import fundexchange.protocol.event.EscrowMismatchAcknowledged;
import fundexchange.protocol.event.EscrowMismatchRaised;
import fundexchange.protocol.event.PayoutExecuted;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.PayoutReturned;
import fundexchange.protocol.event.SuspenseAssigned;
import fundexchange.protocol.event.UnidentifiedReceiptRecorded;
import fundexchange.protocol.event.RegistrationConfirmed;
import fundexchange.protocol.event.RegistrationRefused;
import fundexchange.protocol.event.SettlementOverridden;
import fundexchange.protocol.event.TradeCashSettled;
import fundexchange.protocol.event.TradeFunded;
import fundexchange.protocol.event.TradeFundingLocked;
import fundexchange.protocol.event.TradeFundingReleased;
import fundexchange.protocol.event.TradeProceedsLocked;
import fundexchange.protocol.event.TradeProceedsReleased;
import fundexchange.protocol.event.TradeProceedsReturned;
import fundexchange.protocol.event.TradeUnitsDelivered;
import fundexchange.protocol.event.TradeUnitsReturned;
import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * Who sees cash events (issue 22, docs/rules.md "Cash"): an account's participant (the viewer itself) sees the
 * movements of its own account; the settlement bank (an ACTIVE viewer with the BANK role) sees the
 * receipts, payout instructions, confirmations and statements, which it makes or which are addressed to it, and
 * nothing of trades, holdings, suspense assignments, alarms or corrections; anyone else nothing. A correction shows
 * each participant its own side, the platform account on the other side and staff's reason (which never names a
 * participant), never another participant's account. Delivery versus payment (rules version 8): the buyer sees its
 * funding; buyer, seller and the fund's manager see that a trade is funded and its registration change confirmed or
 * refused; buyer and seller see its cash settle (the fees are public parameters; the seller without the buyer's deposit
 * applied and amount released) and an override; a release is the
 * buyer's, and the seller sees only a deposit forfeited to it. A bid deposit's lock,
 * release or hold reaches its participant only (staff and regulators see everything). The bank sees only the payout
 * instructions. Rules version 9: the units delivered at funding and returned by an unwind reach buyer, seller and the
 * registrar (the registrar without the consideration and either party's cost released, the seller without the
 * buyer's cost released); the cash locked for the seller and in REVENUE, released or returned, buyer and seller (the seller without
 * the buyer's deposit applied and amount released).
 */
final class CashDisclosure {
    private CashDisclosure() {
    }

    static Disclosure toParty(Viewer viewer, CashEvent event) {
        boolean bank = viewer.roles().contains(Role.BANK) && viewer.status() == ParticipantStatus.ACTIVE;
        return switch (event) {
            case CashReceived e -> only(viewer.is(e.participantId()) || bank);
            case UnidentifiedReceiptRecorded e -> only(bank);
            case SuspenseAssigned e -> only(viewer.is(e.participantId()));
            case PayoutInstructed e -> only(owns(viewer, e.account()) || bank);
            case PayoutExecuted e -> only(owns(viewer, e.account()) || bank);
            case PayoutReturned e -> only(owns(viewer, e.account()) || bank);
            case BankStatementRecorded e -> only(bank);
            case EscrowMismatchRaised e -> Disclosure.WITHHELD;
            case EscrowMismatchAcknowledged e -> Disclosure.WITHHELD;
            case CashCorrected e -> owns(viewer, e.from()) ? otherSide("to", e.to())
                    : owns(viewer, e.to()) ? otherSide("from", e.from())
                    : Disclosure.WITHHELD;
            case TradeFundingLocked e -> only(viewer.is(e.buyer()));
            case TradeFunded e -> only(viewer.is(e.buyer()) || viewer.is(e.seller()) || viewer.is(e.manager()));
            case RegistrationConfirmed e -> only(viewer.is(e.buyer()) || viewer.is(e.seller()) || viewer.is(e.registrar()));
            case RegistrationRefused e -> only(viewer.is(e.buyer()) || viewer.is(e.seller()) || viewer.is(e.registrar()));
            // The deposit applied and the amount released back are the buyer's figures: hidden from the seller.
            case TradeCashSettled e -> viewer.is(e.buyer()) ? Disclosure.WHOLE
                    : viewer.is(e.seller()) ? EventDisclosure.shaped("depositApplied", Shown.HIDDEN, "released",
                            Shown.HIDDEN)
                    : Disclosure.WITHHELD;
            case TradeFundingReleased e -> viewer.is(e.buyer()) ? Disclosure.WHOLE
                    : viewer.is(e.seller()) && e.forfeited().positive() ? EventDisclosure.shaped("released", Shown.HIDDEN)
                    : Disclosure.WITHHELD;
            case SettlementOverridden e -> only(viewer.is(e.buyer()) || viewer.is(e.seller()));
            // A deposit names a bidder (in a sealed auction even that it bid is private) and moves no money in or out
            // of escrow: its participant only, never other bidders, the seller or the bank.
            case DepositLocked e -> only(viewer.is(e.participantId()));
            case DepositReleased e -> only(viewer.is(e.participantId()));
            case DepositHeldForTrade e -> only(viewer.is(e.participantId()));
            // Rules version 9: the units delivered at funding and returned by an unwind reach the parties and the
            // registrar (as TradeFunded); the registrar without the parties' price and cost figures, the seller
            // without the buyer's cost; the cash only the parties, the seller without the buyer's deposit and release.
            case TradeUnitsDelivered e -> viewer.is(e.buyer()) || viewer.is(e.seller()) ? Disclosure.WHOLE
                    : viewer.is(e.manager()) ? EventDisclosure.shaped("consideration", Shown.HIDDEN,
                            "sellerCostReleased", Shown.HIDDEN)
                    : Disclosure.WITHHELD;
            case TradeUnitsReturned e -> viewer.is(e.buyer()) ? Disclosure.WHOLE
                    : viewer.is(e.seller()) ? EventDisclosure.shaped("buyerCostReleased", Shown.HIDDEN)
                    : viewer.is(e.manager()) ? EventDisclosure.shaped("buyerCostReleased", Shown.HIDDEN,
                            "sellerCostReleased", Shown.HIDDEN)
                    : Disclosure.WITHHELD;
            case TradeProceedsLocked e -> viewer.is(e.buyer()) ? Disclosure.WHOLE
                    : viewer.is(e.seller()) ? EventDisclosure.shaped("depositApplied", Shown.HIDDEN, "released",
                            Shown.HIDDEN)
                    : Disclosure.WITHHELD;
            case TradeProceedsReleased e -> only(viewer.is(e.buyer()) || viewer.is(e.seller()));
            case TradeProceedsReturned e -> only(viewer.is(e.buyer()) || viewer.is(e.seller()));
        };
    }

    /** The participants whose accounts the event moves (never the bank that confirmed it, nor staff). */
    static List<String> names(CashEvent event) {
        return switch (event) {
            case CashReceived e -> List.of(e.participantId());
            case UnidentifiedReceiptRecorded e -> List.of();
            case SuspenseAssigned e -> List.of(e.participantId());
            case PayoutInstructed e -> holders(e.account());
            case PayoutExecuted e -> holders(e.account());
            case PayoutReturned e -> holders(e.account());
            case BankStatementRecorded e -> List.of();
            case EscrowMismatchRaised e -> List.of();
            case EscrowMismatchAcknowledged e -> List.of();
            case CashCorrected e -> holders(e.from(), e.to());
            case TradeFundingLocked e -> List.of(e.buyer());
            case TradeFunded e -> parties(e.seller(), e.buyer(), e.manager());
            case RegistrationConfirmed e -> parties(e.seller(), e.buyer(), e.registrar());
            case RegistrationRefused e -> parties(e.seller(), e.buyer(), e.registrar());
            case TradeCashSettled e -> List.of(e.seller(), e.buyer());
            case TradeFundingReleased e -> e.forfeited().positive() ? List.of(e.seller(), e.buyer()) : List.of(e.buyer());
            case SettlementOverridden e -> List.of(e.seller(), e.buyer());
            case DepositLocked e -> List.of(e.participantId());
            case DepositReleased e -> List.of(e.participantId());
            case DepositHeldForTrade e -> List.of(e.participantId());
            case TradeUnitsDelivered e -> parties(e.seller(), e.buyer(), e.manager());
            case TradeUnitsReturned e -> parties(e.seller(), e.buyer(), e.manager());
            case TradeProceedsLocked e -> List.of(e.seller(), e.buyer());
            case TradeProceedsReleased e -> List.of(e.seller(), e.buyer());
            case TradeProceedsReturned e -> List.of(e.seller(), e.buyer());
        };
    }

    /**
     * A correction's side the viewer does not own: hidden when it is another participant's account (a hidden side is
     * always one), shown when it is the platform's (REVENUE); the reason is shown, and staff never name a participant
     * in it.
     */
    private static Disclosure otherSide(String field, AccountRef other) {
        return other != null && other.participantId() != null ? EventDisclosure.shaped(field, Shown.HIDDEN)
                : Disclosure.WHOLE;
    }

    private static boolean owns(Viewer viewer, AccountRef account) {
        return account != null && account.participantId() != null && viewer.is(account.participantId());
    }

    /** The named participants, without a null (a fund whose registration staff confirm has no manager). */
    private static List<String> parties(String... ids) {
        List<String> named = new ArrayList<>();
        for (String id : ids) {
            if (id != null && !named.contains(id)) {
                named.add(id);
            }
        }
        return List.copyOf(named);
    }

    private static List<String> holders(AccountRef... accounts) {
        List<String> ids = new ArrayList<>();
        for (AccountRef account : accounts) {
            if (account != null && account.participantId() != null) {
                ids.add(account.participantId());
            }
        }
        return List.copyOf(ids);
    }

    private static Disclosure only(boolean shown) {
        return shown ? Disclosure.WHOLE : Disclosure.WITHHELD;
    }
}
