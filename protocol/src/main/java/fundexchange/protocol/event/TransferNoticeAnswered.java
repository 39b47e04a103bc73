package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;
import fundexchange.protocol.transfer.NoticeAnswer;

/** The manager or a holder answered a transfer notice (units only for EXERCISE, a digest only for ATTEST_WAIVERS). */
public record TransferNoticeAnswered(long listingId, String participant, NoticeAnswer answer, Units units,
                                     String evidenceDigest) implements ListingEvent {
}
