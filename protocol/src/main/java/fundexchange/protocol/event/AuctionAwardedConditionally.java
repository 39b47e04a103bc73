package fundexchange.protocol.event;

import fundexchange.protocol.event.TransferNoticeIssued.NoticeHolder;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.transfer.PriorityOrder;
import java.util.List;

/**
 * An auction in a fund whose transfer terms give a priority right closed with a winner (rules version 6): the award is
 * conditional until {@code matchBy} (the close plus the terms' {@code matchDays}). The holders of the right ({@code
 * holders}, with their units at the close as pro-rata weights, and the manager first under {@code
 * MANAGER_FIRST_THEN_PRO_RATA}) may match {@code clearingPrice} for up to {@code units}; an {@link
 * AuctionMatchResolved} and the trades follow at the last answer or at {@code matchBy}. Follows the
 * {@link AuctionClosed} that named the winning bid.
 */
public record AuctionAwardedConditionally(long listingId, String fundCode, String seller, String winner,
                                          long winningBidId, Units units, Price clearingPrice, String manager,
                                          PriorityOrder priority, List<NoticeHolder> holders, long matchBy)
        implements ListingEvent {
}
