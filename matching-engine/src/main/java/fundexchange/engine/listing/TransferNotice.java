package fundexchange.engine.listing;

import fundexchange.protocol.event.AuctionAwardedConditionally;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.event.TransferNoticeIssued.NoticeHolder;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.transfer.NoticeAnswer;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.transfer.SilenceMeans;
import java.util.ArrayList;
import java.util.List;

/**
 * An open transfer notice on a listing (engine state, hashed and snapshotted): what it asks and the answers so far.
 * {@code consent} is CONSENT, REFUSE or null (not given); {@code attestation} the manager's evidence digest or null;
 * {@code exercises} the priority answers in journal order (units ZERO: waived). An auction's notice (rules version 6)
 * is {@code matchAfterClose} before it opens (consent and attestation only: nobody exercises then) and carries the
 * {@code matchPrice} in its match stage after the close ({@code buyer} the winner, {@code answerBy} the match deadline);
 * both are null on a negotiated listing's notice.
 */
public record TransferNotice(long listingId, String fundCode, String seller, String buyer, String manager,
                             boolean consentRequired, SilenceMeans consentOnSilence, PriorityOrder priority,
                             boolean attestationRequired, List<NoticeHolder> holders, long answerBy,
                             NoticeAnswer consent, String attestation, List<PriorityAnswer> exercises,
                             Boolean matchAfterClose, Price matchPrice) {
    /** A priority answer: its participant, the units exercised (ZERO: waived) and the index that answered. */
    public record PriorityAnswer(String participant, Units units, long index) {
    }

    public static TransferNotice of(TransferNoticeIssued e, SilenceMeans consentOnSilence) {
        return new TransferNotice(e.listingId(), e.fundCode(), e.transferor(), e.buyer(), e.manager(),
                e.consentRequired(), consentOnSilence, e.priority(), e.attestationRequired(), List.copyOf(e.holders()),
                e.answerBy(), null, null, List.of(), e.matchAfterClose(), null);
    }

    /** An auction's match stage after its close: the holders of the right may match the clearing price. */
    public static TransferNotice of(AuctionAwardedConditionally e, String seller, SilenceMeans consentOnSilence) {
        return new TransferNotice(e.listingId(), e.fundCode(), seller, e.winner(), e.manager(), false, consentOnSilence,
                e.priority(), false, List.copyOf(e.holders()), e.matchBy(), null, null, List.of(), null, e.clearingPrice());
    }

    /** Whether this is an auction's match stage (after its close). */
    public boolean matchStage() {
        return matchPrice != null;
    }

    /** Whether this is an auction's notice before it opens, whose holders match only after the close. */
    public boolean beforeAuction() {
        return Boolean.TRUE.equals(matchAfterClose);
    }

    /** Whether the manager is a party to the sale (seller or named buyer), and so decides nothing on it. */
    public boolean managerIsParty() {
        return manager != null && (manager.equals(seller) || manager.equals(buyer));
    }

    /** Whether the manager holds the first priority right on this notice. */
    public boolean managerFirst() {
        return priority == PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA && manager != null && !managerIsParty();
    }

    /** Whether {@code participant} holds a priority right on this notice. */
    public boolean holdsRight(String participant) {
        if (priority == PriorityOrder.NONE || beforeAuction()) {
            return false;
        }
        if (managerFirst() && participant.equals(manager)) {
            return true;
        }
        return holders.stream().anyMatch(h -> h.holder().equals(participant));
    }

    public PriorityAnswer exerciseOf(String participant) {
        return exercises.stream().filter(a -> a.participant().equals(participant)).findFirst().orElse(null);
    }

    /** The participants whose answer is due and missing, in order: consent, attestation, then the priority rights. */
    public List<String> silent() {
        List<String> silent = new ArrayList<>();
        if (consentRequired && !managerIsParty() && consent == null) {
            silent.add(manager);
        }
        if (attestationRequired && !managerIsParty() && attestation == null && !silent.contains(manager)) {
            silent.add(manager);
        }
        for (String right : rightHolders()) {
            if (exerciseOf(right) == null && !silent.contains(right)) {
                silent.add(right);
            }
        }
        return silent;
    }

    /** Who holds the priority right: the manager first (if it does), then the holders in register order. */
    public List<String> rightHolders() {
        List<String> rights = new ArrayList<>();
        if (priority == PriorityOrder.NONE || beforeAuction()) {
            return rights;
        }
        if (managerFirst()) {
            rights.add(manager);
        }
        holders.forEach(h -> rights.add(h.holder()));
        return rights;
    }

    /** Whether every answer is in (and at least one was due), so the notice need not wait for its deadline. */
    public boolean allAnswered() {
        if ((consentRequired || attestationRequired) && managerIsParty()) {
            return false; // nobody may give that answer: the deadline (or staff's override) decides
        }
        boolean anyDue = (consentRequired && !managerIsParty()) || (attestationRequired && !managerIsParty())
                || !rightHolders().isEmpty();
        return anyDue && silent().isEmpty();
    }

    public TransferNotice withConsent(NoticeAnswer answer) {
        return new TransferNotice(listingId, fundCode, seller, buyer, manager, consentRequired, consentOnSilence,
                priority, attestationRequired, holders, answerBy, answer, attestation, exercises, matchAfterClose, matchPrice);
    }

    public TransferNotice withAttestation(String digest) {
        return new TransferNotice(listingId, fundCode, seller, buyer, manager, consentRequired, consentOnSilence,
                priority, attestationRequired, holders, answerBy, consent, digest, exercises, matchAfterClose, matchPrice);
    }

    public TransferNotice withExercise(PriorityAnswer answer) {
        List<PriorityAnswer> more = new ArrayList<>(exercises);
        more.add(answer);
        return new TransferNotice(listingId, fundCode, seller, buyer, manager, consentRequired, consentOnSilence,
                priority, attestationRequired, holders, answerBy, consent, attestation, List.copyOf(more), matchAfterClose, matchPrice);
    }
}
