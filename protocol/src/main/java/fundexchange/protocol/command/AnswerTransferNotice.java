package fundexchange.protocol.command;

import fundexchange.protocol.money.Units;
import fundexchange.protocol.transfer.NoticeAnswer;

/**
 * The manager's or a holder's signed answer to the transfer notice of listing {@code listingId}: {@code units} only
 * with EXERCISE, {@code evidenceDigest} (SHA-256 of the attested notices and waivers) only with ATTEST_WAIVERS.
 */
public record AnswerTransferNotice(long listingId, NoticeAnswer answer, Units units, String evidenceDigest)
        implements Command {
}
