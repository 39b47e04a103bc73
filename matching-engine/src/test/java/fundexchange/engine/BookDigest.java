package fundexchange.engine;

import fundexchange.engine.book.BookOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The differential test's canonical digest of a book: SHA-256 over every fill and every exchange cancellation so far
 * (in the order they happened), then the resting orders in priority order, then each holder's units and locked units.
 */
final class BookDigest {
    private BookDigest() {
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void fill(MessageDigest digest, long tradeId, long buyOrderId, long sellOrderId, long units, long price) {
        digest.update(("T|" + tradeId + "|" + buyOrderId + "|" + sellOrderId + "|" + units + "|" + price + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    static void cancel(MessageDigest digest, long orderId, int code, long units) {
        digest.update(("C|" + orderId + "|" + code + "|" + units + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** {@code positions}: holder -> {units, locked}, raw, by holder; all-zero positions are left out. */
    static String of(MessageDigest fills, List<BookOrder> bids, List<BookOrder> asks, Map<String, long[]> positions) {
        try {
            MessageDigest digest = (MessageDigest) fills.clone();
            StringBuilder text = new StringBuilder();
            for (BookOrder o : bids) {
                text.append("B|").append(o).append('\n');
            }
            for (BookOrder o : asks) {
                text.append("S|").append(o).append('\n');
            }
            positions.forEach((holder, p) -> {
                if (p[0] != 0 || p[1] != 0) {
                    text.append("P|").append(holder).append('|').append(p[0]).append('|').append(p[1]).append('\n');
                }
            });
            digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
