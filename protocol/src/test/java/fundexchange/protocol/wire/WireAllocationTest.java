package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetStateOwned;
import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.money.Units;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generic encoder allocates nothing per record on a reused buffer (docs/design/binary-journal.md section 5.2),
 * measured with the JDK's per-thread allocation counter after warm-up. Not a timing: a count of bytes. The records
 * measured include a nested typed value whose length prefix grows past one byte (a {@code Propose} with a long reason)
 * and a list of structs (a {@code CustodySubmitted}).
 */
class WireAllocationTest {
    private static final int RECORDS = 20_000;
    private static final int MAX_ROUNDS = 50;

    @Test
    void encodingACommandRecordAndAnEventDocumentAllocatesNothingOnAReusedBuffer() {
        SignedRequest request = new SignedRequest("Holder-01", "Holder-01-k1", "ED25519", "c2ln".repeat(22), 1_795_000_000_000L,
                "req-1", "POST", "/orders", "", "ab".repeat(32), "{\"fundCode\":\"DGF3\",\"note\":\"\u4e2d\"}", "FXS2");
        CommandRecord record = CommandRecord.signed(12, 1_795_000_000_123L, request,
                new PlaceOrder("DGF3", Side.SELL, new Units(100_000), new Price(9_000)));
        CommandRecord proposal = CommandRecord.signed(13, 1_795_000_000_124L, request,
                new Propose(new SetStateOwned("Investor-07", true, "State-owned since the 2026 restructuring; ".repeat(6))));
        assertTrue(((Propose) proposal.command()).action() instanceof SetStateOwned owned && owned.reason().length() >= 200);
        EventDocument document = new EventDocument(EventDocument.VERSION, 12, 1_795_000_000_123L, "Holder-01", "req-1",
                Outcome.ACCEPTED, List.of(
                new OrderAccepted(12, "DGF3", "Holder-01", Side.SELL, new Units(100_000), new Price(9_000)),
                new OrderCancelled(11, "DGF3", "Holder-01", Side.BUY, new Units(5), 1205, "SELF_TRADE".repeat(20)),
                new CustodySubmitted(4, "DGF3", CustodyMode.PARTIAL, "Ops-01", List.of(
                        new CustodyEntry("Investor-07", new Units(1_000), new Money(50_000), new Money(25_000), new Money(25_000)),
                        new CustodyEntry("Investor-08", new Units(2_000), new Money(90_000), new Money(90_000), null)), "ab".repeat(32))));
        WireBuffer buffer = new WireBuffer(4096);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations: the test cannot measure");
        assertTrue(threads.isThreadAllocatedMemoryEnabled(), "counting a thread's allocations is disabled: the test cannot measure");
        // A shared CI machine may compile the encoder late: measure rounds until one allocates nothing, at most
        // MAX_ROUNDS (a count of rounds, not a timing); an encoder that allocates per record never gets there.
        long allocated = -1;
        for (int round = 0; round < MAX_ROUNDS && allocated != 0; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            encode(record, proposal, document, buffer, RECORDS);
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertEquals(0, allocated / RECORDS, allocated + " bytes allocated over the last of " + MAX_ROUNDS
                + " rounds of " + RECORDS + " times two command records and an event document");
    }

    private static void encode(CommandRecord record, CommandRecord proposal, EventDocument document, WireBuffer buffer, int times) {
        for (int i = 0; i < times; i++) {
            JournalBinary.encode(record, buffer.clear());
            JournalBinary.encode(proposal, buffer.clear());
            JournalBinary.encode(document, buffer.clear());
        }
    }
}
