package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.AmendOrder;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.Propose;
import fundexchange.protocol.command.SetStateOwned;
import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generic encoder allocates nothing per record on a reused buffer (docs/design/binary-journal.md section 5.2),
 * measured with the JDK's per-thread allocation counter after warm-up. Not a timing: a count of bytes. The records
 * measured include a nested typed value whose length prefix grows past one byte (a {@code Propose} with a long reason)
 * and a list of structs (a {@code CustodySubmitted}). So do the hot commands' views (section 5.3) on every read, and
 * the streaming {@link EventDocumentWriter} on every write of the hot events, a rejection's reason and message
 * included (they move the events up, within the buffer). What is measured: a round of 20,000 iterations allocating
 * under one byte per iteration on average (in practice a round of zero bytes), which no per-iteration allocation
 * passes.
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
        assertAllocatesNothing(() -> encode(record, proposal, document, buffer, RECORDS),
                "two command records and an event document");
    }

    @Test
    void readingTheHotCommandsThroughTheirViewsAllocatesNothing() {
        SignedRequest request = new SignedRequest("Holder-01", "Holder-01-k1", "ED25519", "c2ln".repeat(22), 1_795_000_000_000L,
                "req-1", "POST", "/orders", "", "ab".repeat(32), "{\"fundCode\":\"DGF3\"}", "FXS2");
        List<byte[]> records = List.of(
                JournalBinary.encode(CommandRecord.signed(12, 1, request, new PlaceOrder("DGF3", Side.SELL, new Units(100_000), new Price(9_000)))),
                JournalBinary.encode(CommandRecord.signed(13, 2, request, new CancelOrder(12))),
                JournalBinary.encode(CommandRecord.signed(14, 3, request, new AmendOrder(12, new Price(9_100), null))),
                JournalBinary.encode(CommandRecord.signed(15, 4, request, new PlaceBid(7, new Price(9_000), new Units(5)))),
                JournalBinary.encode(CommandRecord.signed(16, 5, request, new PlaceSealedBid(7, new Price(9_000), "ab".repeat(32)))),
                JournalBinary.encode(CommandRecord.unsigned(17, 6, new AcceptListing(7))));
        Reader reader = new Reader();
        assertAllocatesNothing(() -> {
            for (int i = 0; i < RECORDS; i++) {
                for (byte[] record : records) {
                    reader.read(record);
                }
            }
        }, "six command records read through their views");
        assertTrue(reader.sink != 0, "the reads were not used");
    }

    @Test
    void streamingTheHotEventsIntoADocumentAllocatesNothingOnAReusedBuffer() {
        EventDocumentWriter writer = new EventDocumentWriter();
        WireBuffer buffer = new WireBuffer(4096);
        String reason = "cancelled at a fill: ".repeat(8);
        String nonce = "ab".repeat(32);
        String commitment = "cd".repeat(32);
        assertAllocatesNothing(() -> {
            for (int i = 0; i < RECORDS; i++) {
                writer.begin(buffer.clear(), 12, 1_795_000_000_123L, "Investor-07", "req-1")
                        .orderAccepted(12, "DGF3", "Investor-07", Side.BUY, 100_000, 9_000)
                        .tradeExecuted(12 * 4096, 0, "DGF3", "Holder-01", "Investor-07", 100_000, 9_000, 900_000_000, 150,
                                EventDocumentWriter.ABSENT, false, 1_795_259_200_000L, 12, 11, "2026-12-07",
                                EventDocumentWriter.ABSENT, 4_500, 4_500)
                        .orderCancelled(10, "DGF3", "Holder-02", Side.SELL, 5, 1205, reason)
                        .orderAmended(9, "DGF3", "Holder-03", Side.SELL, 9_100, 500, 1_000, false)
                        .bidPlaced(7, 13, "Investor-08", 3, 9_000, 1_795_300_000_000L, true)
                        .sealedBidPlaced(8, 14, "Investor-09", 4, 9_000, nonce, commitment)
                        .depositLocked(7, "Investor-08", "CNY", 50_000)
                        .end(OutcomeStatus.REJECTED, 1205, "SELF_TRADE_PREVENTED", "an order of your own crosses", 0);
            }
        }, "event documents of seven hot events written by the streaming writer");
    }

    /**
     * Runs {@code round} (of {@link #RECORDS} iterations) until one allocates nothing, at most MAX_ROUNDS, and requires
     * the last to allocate under one byte per iteration on average: an allocation on every iteration (16 bytes or
     * more) fails it, an amortised one (a buffer growing, a rare cache miss) may not.
     */
    private static void assertAllocatesNothing(Runnable round, String what) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "this JVM cannot count a thread's allocations: the test cannot measure");
        assertTrue(threads.isThreadAllocatedMemoryEnabled(), "counting a thread's allocations is disabled: the test cannot measure");
        // A shared CI machine may compile the code late: measure rounds until one allocates nothing, at most
        // MAX_ROUNDS (a count of rounds, not a timing); code that allocates per record never gets there.
        long allocated = -1;
        for (int r = 0; r < MAX_ROUNDS && allocated != 0; r++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            round.run();
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        }
        assertEquals(0, allocated / RECORDS, allocated + " bytes allocated over the last of " + MAX_ROUNDS
                + " rounds of " + RECORDS + " times " + what);
    }

    /**
     * Reads the fields the engine reads of a hot command (its header, participant, key, timestamp, request id and
     * command fields) through a reused view, summing them so none is optimised away.
     */
    private static final class Reader {
        final CommandRecordView record = new CommandRecordView();
        final WireStrings strings = new WireStrings();
        final PlaceOrderView placeOrder = new PlaceOrderView();
        final CancelOrderView cancelOrder = new CancelOrderView();
        final AmendOrderView amendOrder = new AmendOrderView();
        final PlaceBidView placeBid = new PlaceBidView();
        final PlaceSealedBidView placeSealedBid = new PlaceSealedBidView();
        final AcceptListingView acceptListing = new AcceptListingView();
        long sink;

        void read(byte[] bytes) {
            record.wrap(bytes, 0, bytes.length);
            sink += record.index() + record.time() + record.signedTimestamp() + record.clientRequestIdOffset()
                    + record.clientRequestIdLength();
            if (record.signed()) {
                sink += record.participant().length() + record.keyId().length() + record.request().stringHash(5);
            }
            if (placeOrder.reads(record)) {
                placeOrder.wrap(record);
                sink += placeOrder.fundCode(strings).length() + (placeOrder.fundCodeEquals("DGF3") ? 1 : 0)
                        + placeOrder.side().ordinal() + placeOrder.units() + placeOrder.price();
            } else if (cancelOrder.reads(record)) {
                cancelOrder.wrap(record);
                sink += cancelOrder.orderId();
            } else if (amendOrder.reads(record)) {
                amendOrder.wrap(record);
                sink += amendOrder.orderId() + amendOrder.price() + (amendOrder.hasUnits() ? amendOrder.units() : 1);
            } else if (placeBid.reads(record)) {
                placeBid.wrap(record);
                sink += placeBid.listingId() + placeBid.price() + placeBid.units();
            } else if (placeSealedBid.reads(record)) {
                placeSealedBid.wrap(record);
                sink += placeSealedBid.listingId() + placeSealedBid.price() + placeSealedBid.nonceOffset()
                        + placeSealedBid.nonceLength();
            } else if (acceptListing.reads(record)) {
                acceptListing.wrap(record);
                sink += acceptListing.listingId();
            }
        }
    }

    private static void encode(CommandRecord record, CommandRecord proposal, EventDocument document, WireBuffer buffer, int times) {
        for (int i = 0; i < times; i++) {
            JournalBinary.encode(record, buffer.clear());
            JournalBinary.encode(proposal, buffer.clear());
            JournalBinary.encode(document, buffer.clear());
        }
    }
}
