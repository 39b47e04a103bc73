package fundexchange.audit.bundle;

import fundexchange.journal.SealedBidRecord;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shown half of {@link SealedCommitments}' rule for withheld lines: a bundle that shows a sealed bid an honest
 * export of any build withholds is broken. Every event document the bundle carries as written (digest-checked) is
 * learnt by the exporter's own policy ({@link SealedBidWithholding}); a redacted one, which no digest covers, teaches
 * nothing (a close claimed in it is not believed). Every shown command record that is a sealed bid
 * ({@link SealedBidRecord}, read every way it can be, so a sealed bid whose type id was changed counts) is asked of
 * that policy once the whole bundle is learnt, since its listing may close after it. One thing today's exporter
 * withholds is allowed: a sealed bid that was not accepted, shown after its listing closed, which builds before
 * rejected bids were withheld for good showed, so their bundles still verify (docs/audit.md). Only for bundles: a
 * journal read in place withholds nothing.
 */
final class ShownSealedBids {
    private final SealedBidWithholding honest = SealedBidWithholding.learning();
    private final Map<Long, SealedBidRecord> shown = new TreeMap<>();

    /**
     * Learns a line: its event document unless {@code redacted} (then only its index), and its command unless withheld
     * (null).
     */
    void line(long index, byte[] command, byte[] event, boolean redacted) {
        if (redacted) {
            honest.unread(index);
        } else {
            honest.answered(index, event);
        }
        if (command != null && index > 1) {
            SealedBidRecord.of(command).ifPresent(bid -> shown.put(index, bid));
        }
    }

    /**
     * Fails at the first shown sealed bid that an honest export through the last line learnt withholds, but a bid not
     * accepted whose listing had closed (what older builds showed).
     */
    void finish(long toIndex) throws BrokenBundle {
        for (Map.Entry<Long, SealedBidRecord> bid : shown.entrySet()) {
            boolean withheld;
            try {
                withheld = honest.withhold(bid.getKey(), bid.getValue())
                        && !honest.refusedAfterClose(bid.getKey(), bid.getValue());
            } catch (UncheckedIOException e) {
                withheld = true;
            }
            if (withheld) {
                throw new BrokenBundle(bid.getKey(), Part.COMMAND, "a sealed bid is shown that an honest export through"
                        + " index " + toIndex + " withholds: it was not accepted, its listing had not closed, or it is"
                        + " not the sealed bid its signed request or nonce says / 包中显示了截至索引 " + toIndex
                        + " 的诚实导出会扣留的密封出价：它未被接受、其挂牌尚未结束，或它不是其签名请求或随机数所示的密封出价");
            }
        }
    }
}
