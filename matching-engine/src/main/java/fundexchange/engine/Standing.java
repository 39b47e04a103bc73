package fundexchange.engine;

import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.AcceptMatch;
import fundexchange.protocol.command.AcceptQuote;
import fundexchange.protocol.command.AmendIntent;
import fundexchange.protocol.command.AmendOrder;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.ApproveCustody;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveProposal;
import fundexchange.protocol.command.BrokerMatch;
import fundexchange.protocol.command.CancelBid;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.CancelIntent;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.Checkpoint;
import fundexchange.protocol.command.ClearRofr;
import fundexchange.protocol.command.AnswerTransferNotice;
import fundexchange.protocol.command.ConfirmHolding;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.CounterQuote;
import fundexchange.protocol.command.DeclineListing;
import fundexchange.protocol.command.DeclineMatch;
import fundexchange.protocol.command.DeclineQuote;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.Genesis;
import fundexchange.protocol.command.HaltBook;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.PostIntent;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RegisterPledge;
import fundexchange.protocol.command.RegisterDocument;
import fundexchange.protocol.command.AcceptNda;
import fundexchange.protocol.command.DirectDisclosure;
import fundexchange.protocol.command.OpenDocument;
import fundexchange.protocol.command.RejectCustody;
import fundexchange.protocol.command.ReleasePledge;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.RotateKey;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.protocol.command.SettleBookBatch;
import fundexchange.protocol.command.SubmitCustody;
import fundexchange.protocol.command.SubmitQuote;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.command.WithdrawListing;
import fundexchange.protocol.command.WithdrawOffer;

/**
 * What a SUSPENDED participant may still sign (docs/rules.md, "Participant lifecycle"): it completes what it owes and
 * may step back, but enters no new trading interest and decides nothing. Allowed: confirming its custody holdings,
 * rotating or revoking its own keys, cancelling, withdrawing or declining what it is a party to, and a manager
 * opting its fund out of public market data (never in). Everything else
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
            case fundexchange.protocol.command.RegisterAppraisal c -> false;
            case RegisterDocument c -> false;
            case AcceptNda c -> false;
            case DirectDisclosure c -> false;
            case OpenDocument c -> false;
            case fundexchange.protocol.command.RegisterFundDocument c -> false;
            // Cash (issue 22): a suspended bank confirms nothing; a suspended participant's cash stays in escrow.
            case fundexchange.protocol.command.RecordCashReceipt c -> false;
            case fundexchange.protocol.command.RecordUnidentifiedReceipt c -> false;
            case fundexchange.protocol.command.RecordPayoutExecuted c -> false;
            case fundexchange.protocol.command.RecordPayoutReturned c -> false;
            case fundexchange.protocol.command.RecordBankStatement c -> false;
            case fundexchange.protocol.command.WithdrawCash c -> false;
            // Delivery versus payment (rules version 8): a suspended buyer may still fund the trade it made.
            case fundexchange.protocol.command.FundTrade c -> true;
            case fundexchange.protocol.command.ConfirmRegistration c -> false;
            case fundexchange.protocol.command.RefuseRegistration c -> false;
            case fundexchange.protocol.command.SetMarketDataConsent c -> !c.publish(); // may still opt out
            case AnswerTransferNotice c -> false;
        };
    }
}
