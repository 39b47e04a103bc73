package fundexchange.engine;

import fundexchange.engine.command.AcceptListing;
import fundexchange.engine.command.AcceptMatch;
import fundexchange.engine.command.AcceptQuote;
import fundexchange.engine.command.AmendIntent;
import fundexchange.engine.command.AmendOrder;
import fundexchange.engine.command.AmendSealedBid;
import fundexchange.engine.command.ApproveCustody;
import fundexchange.engine.command.ApproveListing;
import fundexchange.engine.command.ApproveProposal;
import fundexchange.engine.command.BrokerMatch;
import fundexchange.engine.command.CancelBid;
import fundexchange.engine.command.Command;
import fundexchange.engine.command.CancelIntent;
import fundexchange.engine.command.CancelOrder;
import fundexchange.engine.command.Checkpoint;
import fundexchange.engine.command.ClearRofr;
import fundexchange.engine.command.ConfirmHolding;
import fundexchange.engine.command.ConfirmSettlement;
import fundexchange.engine.command.CounterQuote;
import fundexchange.engine.command.DeclineListing;
import fundexchange.engine.command.DeclineMatch;
import fundexchange.engine.command.DeclineQuote;
import fundexchange.engine.command.DepositUnits;
import fundexchange.engine.command.Genesis;
import fundexchange.engine.command.HaltBook;
import fundexchange.engine.command.ListAuction;
import fundexchange.engine.command.ListNegotiated;
import fundexchange.engine.command.OpenBook;
import fundexchange.engine.command.PlaceBid;
import fundexchange.engine.command.PlaceOrder;
import fundexchange.engine.command.PlaceSealedBid;
import fundexchange.engine.command.PostIntent;
import fundexchange.engine.command.PostOffer;
import fundexchange.engine.command.Propose;
import fundexchange.engine.command.RegisterFund;
import fundexchange.engine.command.RegisterParticipant;
import fundexchange.engine.command.RegisterPledge;
import fundexchange.engine.command.RejectCustody;
import fundexchange.engine.command.ReleasePledge;
import fundexchange.engine.command.RevokeKey;
import fundexchange.engine.command.RotateKey;
import fundexchange.engine.command.SetHolidays;
import fundexchange.engine.command.SettleBookBatch;
import fundexchange.engine.command.SubmitCustody;
import fundexchange.engine.command.SubmitQuote;
import fundexchange.engine.command.Tick;
import fundexchange.engine.command.UpdateNav;
import fundexchange.engine.command.WithdrawListing;
import fundexchange.engine.command.WithdrawOffer;

/**
 * What a SUSPENDED participant may still sign (docs/rules.md, "Participant lifecycle"): it completes what it owes and
 * may step back, but enters no new trading interest and decides nothing. Allowed: confirming its custody holdings,
 * rotating or revoking its own keys, and cancelling, withdrawing or declining what it is a party to. Everything else
 * is refused with {@link RejectCode#PARTICIPANT_SUSPENDED}, staff actions included. The switch is exhaustive, so a new
 * command must be placed on one side.
 */
final class Standing {
    private Standing() {
    }

    static boolean allowedWhileSuspended(Command command) {
        return switch (command) {
            case ConfirmHolding c -> true;
            case RotateKey c -> true;
            case RevokeKey c -> true;
            case CancelOrder c -> true;
            case CancelBid c -> true;
            case CancelIntent c -> true;
            case WithdrawOffer c -> true;
            case WithdrawListing c -> true;
            case DeclineListing c -> true;
            case DeclineQuote c -> true;
            case DeclineMatch c -> true;
            case Genesis c -> false;
            case Tick c -> false;
            case Checkpoint c -> false;
            case RegisterParticipant c -> false;
            case Propose c -> false;
            case ApproveProposal c -> false;
            case RegisterFund c -> false;
            case UpdateNav c -> false;
            case SetHolidays c -> false;
            case DepositUnits c -> false;
            case ListNegotiated c -> false;
            case ApproveListing c -> false;
            case AcceptListing c -> false;
            case ConfirmSettlement c -> false;
            case ListAuction c -> false;
            case PlaceBid c -> false;
            case PlaceSealedBid c -> false;
            case AmendSealedBid c -> false;
            case ClearRofr c -> false;
            case OpenBook c -> false;
            case HaltBook c -> false;
            case PlaceOrder c -> false;
            case AmendOrder c -> false;
            case SettleBookBatch c -> false;
            case PostOffer c -> false;
            case PostIntent c -> false;
            case AmendIntent c -> false;
            case SubmitQuote c -> false;
            case CounterQuote c -> false;
            case AcceptQuote c -> false;
            case BrokerMatch c -> false;
            case AcceptMatch c -> false;
            case SubmitCustody c -> false;
            case ApproveCustody c -> false;
            case RejectCustody c -> false;
            case RegisterPledge c -> false;
            case ReleasePledge c -> false;
        };
    }
}
