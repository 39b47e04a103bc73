package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generic encoder allocates nothing per record on a reused buffer (docs/design/binary-journal.md section 5.2),
 * measured with the JDK's per-thread allocation counter after warm-up. Not a timing: a count of bytes.
 */
class WireAllocationTest {
    private static final int RECORDS = 20_000;

    @Test
    void encodingACommandRecordAndAnEventDocumentAllocatesNothingOnAReusedBuffer() {
        SignedRequest request = new SignedRequest("Holder-01", "Holder-01-k1", "ED25519", "c2ln".repeat(22), 1_795_000_000_000L,
                "req-1", "POST", "/orders", "", "ab".repeat(32), "{\"fundCode\":\"DGF3\",\"note\":\"\u4e2d\"}", "FXS2");
        CommandRecord record = CommandRecord.signed(12, 1_795_000_000_123L, request,
                new PlaceOrder("DGF3", Side.SELL, new Units(100_000), new Price(9_000)));
        EventDocument document = new EventDocument(EventDocument.VERSION, 12, 1_795_000_000_123L, "Holder-01", "req-1",
                Outcome.ACCEPTED, List.of(
                new OrderAccepted(12, "DGF3", "Holder-01", Side.SELL, new Units(100_000), new Price(9_000)),
                new OrderCancelled(11, "DGF3", "Holder-01", Side.BUY, new Units(5), 1205, "SELF_TRADE".repeat(20))));
        WireBuffer buffer = new WireBuffer(4096);
        encode(record, document, buffer, RECORDS);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        encode(record, document, buffer, RECORDS);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(0, allocated / RECORDS, allocated + " bytes allocated over " + RECORDS + " command records and event documents");
    }

    private static void encode(CommandRecord record, EventDocument document, WireBuffer buffer, int times) {
        for (int i = 0; i < times; i++) {
            JournalBinary.encode(record, buffer.clear());
            JournalBinary.encode(document, buffer.clear());
        }
    }
}
