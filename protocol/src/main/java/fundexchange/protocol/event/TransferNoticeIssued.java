package fundexchange.protocol.event;

import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.transfer.PriorityOrder;
import java.util.List;

/**
 * A listing in a fund with transfer terms gives notice of the transfer to the fund's manager and every holder on the
 * register (CONTRACTS.md 12's exception: it names the transferor and the terms). {@code holders} hold the priority
 * right, with their units at the notice (their pro-rata weights); answers are due by {@code answerBy}.
 */
public record TransferNoticeIssued(long listingId, String fundCode, String transferor, String buyer, Units units,
                                   Price price, String manager, boolean consentRequired, PriorityOrder priority,
                                   boolean attestationRequired, List<NoticeHolder> holders, long answerBy)
        implements ListingEvent {
    /** A holder on the register at the notice, with its units then. */
    public record NoticeHolder(String holder, Units units) {
    }
}
