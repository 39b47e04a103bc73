package fundexchange.protocol.event;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.transfer.PriorityOrder;
import java.util.List;

/**
 * A listing in a fund with transfer terms gives notice of the transfer to the fund's manager and every holder on the
 * register (CONTRACTS.md 12's exception: it names the transferor and the terms). {@code holders} hold the priority
 * right, with their units at the notice (their pro-rata weights); answers are due by {@code answerBy}.
 * {@code matchAfterClose} is true on an auction's notice (rules version 6): it names no buyer and no holder and asks
 * only the consent (and a PARTIAL fund's attestation) before the auction opens; {@code price} is the starting price;
 * the holders of the right match the clearing price after the close ({@link AuctionAwardedConditionally}). Null on a
 * negotiated listing's notice.
 */
public record TransferNoticeIssued(long listingId, String fundCode, String transferor, String buyer, Units units,
                                   Price price, String manager, boolean consentRequired, PriorityOrder priority,
                                   boolean attestationRequired, List<NoticeHolder> holders, long answerBy,
                                   Boolean matchAfterClose)
        implements ListingEvent {
    /** A negotiated listing's notice (no {@code matchAfterClose}). */
    public TransferNoticeIssued(long listingId, String fundCode, String transferor, String buyer, Units units,
                                Price price, String manager, boolean consentRequired, PriorityOrder priority,
                                boolean attestationRequired, List<NoticeHolder> holders, long answerBy) {
        this(listingId, fundCode, transferor, buyer, units, price, manager, consentRequired, priority,
                attestationRequired, holders, answerBy, null);
    }

    /** A holder on the register at the notice, with its units then. */
    public record NoticeHolder(String holder, Units units) {
    }
}
