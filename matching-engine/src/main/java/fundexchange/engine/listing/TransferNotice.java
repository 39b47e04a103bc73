package fundexchange.engine.listing;

import fundexchange.protocol.event.TransferNoticeIssued;
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
 * {@code exercises} the priority answers in journal order (units ZERO: waived).
 */
public record TransferNotice(long listingId, String fundCode, String seller, String buyer, String manager,
                             boolean consentRequired, SilenceMeans consentOnSilence, PriorityOrder priority,
                             boolean attestationRequired, List<NoticeHolder> holders, long answerBy,
                             NoticeAnswer consent, String attestation, List<PriorityAnswer> exercises) {
    /** A priority answer: its participant, the units exercised (ZERO: waived) and the index that answered. */
    public record PriorityAnswer(String participant, Units units, long index) {
    }

    public static TransferNotice of(TransferNoticeIssued e, SilenceMeans consentOnSilence) {
        return new TransferNotice(e.listingId(), e.fundCode(), e.transferor(), e.buyer(), e.manager(),
                e.consentRequired(), consentOnSilence, e.priority(), e.attestationRequired(), List.copyOf(e.holders()),
                e.answerBy(), null, null, List.of());
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
        if (priority == PriorityOrder.NONE) {
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
        if (priority == PriorityOrder.NONE) {
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
                priority, attestationRequired, holders, answerBy, answer, attestation, exercises);
    }

    public TransferNotice withAttestation(String digest) {
        return new TransferNotice(listingId, fundCode, seller, buyer, manager, consentRequired, consentOnSilence,
                priority, attestationRequired, holders, answerBy, consent, digest, exercises);
    }

    public TransferNotice withExercise(PriorityAnswer answer) {
        List<PriorityAnswer> more = new ArrayList<>(exercises);
        more.add(answer);
        return new TransferNotice(listingId, fundCode, seller, buyer, manager, consentRequired, consentOnSilence,
                priority, attestationRequired, holders, answerBy, consent, attestation, List.copyOf(more));
    }
}
