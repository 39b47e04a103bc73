package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.AmendOrder;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.BookHalted;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hot views and the streaming writer against the generic codec (docs/design/binary-journal.md section 5.3), over
 * seeded random values (edge numbers, absent components, empty, non-ASCII and lone-surrogate strings, strings whose
 * length prefix takes two bytes): a view reads what {@link RecordDecoder} decodes, and {@link EventDocumentWriter}
 * writes the bytes {@link RecordEncoder} writes for the same value.
 */
class HotCodecDifferentialTest {
    private static final long SEED = 0x5EED_C4L;
    private static final int CASES = 3_000;

    @Test
    void theCommandViewsReadWhatTheGenericDecoderDecodes() {
        Values values = new Values(new SplittableRandom(SEED));
        CommandRecordView view = new CommandRecordView();
        HotCodecs.Views views = new HotCodecs.Views();
        WireBuffer buffer = new WireBuffer(64);
        for (int i = 0; i < CASES; i++) {
            CommandRecord record = values.commandRecord(i);
            JournalBinary.encode(record, buffer.clear());
            byte[] bytes = buffer.toByteArray();
            CommandRecord decoded = JournalBinary.decodeCommandRecord(bytes);
            assertEquals(record, decoded);
            // At an offset inside a larger array, as a reused journal buffer holds it.
            byte[] padded = new byte[bytes.length + 7];
            System.arraycopy(bytes, 0, padded, 5, bytes.length);
            view.wrap(padded, 5, bytes.length);
            String what = "case " + i + ": " + record;
            HotCodecs.assertViewsRead(decoded, view, views, what);
            assertEquals(decoded, view.toRecord(), what);
        }
    }

    @Test
    void theWriterWritesTheGenericEncodersBytes() {
        Values values = new Values(new SplittableRandom(SEED + 1));
        EventDocumentWriter writer = new EventDocumentWriter();
        WireBuffer generic = new WireBuffer(64);
        WireBuffer streamed = new WireBuffer(64);
        for (int i = 0; i < CASES; i++) {
            EventDocument document = values.eventDocument();
            JournalBinary.encode(document, generic.clear());
            // Written after some bytes already in the buffer, as a writer appending to a batch would.
            streamed.clear().putBytes(new byte[] {9, 9, 9}, 0, 3);
            HotCodecs.write(writer, document, streamed);
            byte[] expected = generic.toByteArray();
            byte[] actual = java.util.Arrays.copyOfRange(streamed.array(), 3, streamed.position());
            assertArrayEquals(expected, actual, () -> "case " + document + "\n" + HexFormat.of().formatHex(expected)
                    + "\n" + HexFormat.of().formatHex(actual));
            assertEquals(document, JournalBinary.decodeEventDocument(actual));
        }
    }

    @Test
    void aViewRefusesARecordOfAnotherTypeAndAWriterOutsideADocument() {
        CommandRecordView view = new CommandRecordView();
        byte[] cancel = JournalBinary.encode(CommandRecord.unsigned(3, 4, new CancelOrder(7)));
        view.wrap(cancel, 0, cancel.length);
        assertFalse(new PlaceOrderView().reads(view));
        assertThrows(IllegalArgumentException.class, () -> new PlaceOrderView().wrap(view));
        CancelOrderView cancelOrder = new CancelOrderView();
        cancelOrder.wrap(view);
        assertEquals(7, cancelOrder.orderId());
        assertNull(view.participant());
        EventDocumentWriter writer = new EventDocumentWriter();
        assertThrows(IllegalStateException.class, () -> writer.orderAccepted(1, "DGF3", "Holder-01", Side.BUY, 1, 1));
        WireBuffer buffer = new WireBuffer();
        writer.begin(buffer, 1, 2, null, null);
        assertThrows(IllegalStateException.class, () -> writer.begin(buffer, 1, 2, null, null));
        writer.end(OutcomeStatus.ACCEPTED, 0, null, null, 0);
        assertFalse(writer.open());
        writer.begin(buffer.clear(), 1, 2, null, null);
        writer.abandon();
        writer.begin(buffer.clear(), 1, 2, null, null).end(OutcomeStatus.ACCEPTED, 0, null, null, 0);
        assertEquals(JournalBinary.encode(new EventDocument(EventDocument.VERSION, 1, 2, null, null, Outcome.ACCEPTED,
                List.of())).length, buffer.position());
        byte[] bytes = new byte[] {(byte) 0xFE, 2, 'C', 0};
        assertThrows(WireFormatException.class, () -> view.wrap(bytes, 0, bytes.length));
    }

    /** Seeded random values of the hot types, biased to edges and absences. */
    static final class Values {
        private static final String[] TEXTS = {"", "DGF3", "Holder-01", "Investor-07", "中文基金", "\uD800x", "x\uDC00",
                "\uD83D\uDE00", "cancelled at a fill: ".repeat(8), "é"};
        private final SplittableRandom random;

        Values(SplittableRandom random) {
            this.random = random;
        }

        CommandRecord commandRecord(int i) {
            Command command = switch (random.nextInt(7)) {
                case 0 -> new PlaceOrder(text(), side(), units(), price());
                case 1 -> new CancelOrder(number());
                case 2 -> new AmendOrder(number(), price(), units());
                case 3 -> new PlaceBid(number(), price(), units());
                case 4 -> new PlaceSealedBid(number(), price(), text());
                case 5 -> new AcceptListing(number());
                default -> new Tick();
            };
            long index = number();
            long time = number();
            return random.nextInt(4) == 0 ? CommandRecord.unsigned(index, time, command)
                    : CommandRecord.signed(index, time, request(), command);
        }

        SignedRequest request() {
            return new SignedRequest(text(), text(), text(), text(), number(), text(), text(), text(), text(), text(),
                    text(), text());
        }

        EventDocument eventDocument() {
            List<Event> events = new ArrayList<>();
            for (int n = random.nextInt(6); n > 0; n--) {
                events.add(event());
            }
            OutcomeStatus status = OutcomeStatus.values()[random.nextInt(OutcomeStatus.values().length)];
            Outcome outcome = new Outcome(status, random.nextInt(3) == 0 ? 0 : random.nextInt(), text(), text(), number());
            return new EventDocument(EventDocument.VERSION, number(), number(), text(), text(), outcome, events);
        }

        Event event() {
            return switch (random.nextInt(8)) {
                case 0 -> new OrderAccepted(number(), text(), text(), side(), units(), price());
                case 1 -> new OrderCancelled(number(), text(), text(), side(), units(), smallInt(), text());
                case 2 -> new OrderAmended(number(), text(), text(), side(), price(), units(), units(), random.nextBoolean());
                case 3 -> new TradeExecuted(number(), number(), text(), text(), text(), units(), price(), money(), number(),
                        multiple(), random.nextBoolean(), number(), boxed(), boxed(), text(), boxed(), money(), money());
                case 4 -> new BidPlaced(number(), number(), text(), smallInt(), price(), number(), random.nextBoolean());
                case 5 -> new SealedBidPlaced(number(), number(), text(), smallInt(), price(), text(), text());
                case 6 -> new DepositLocked(number(), text(), text(), money());
                default -> new BookHalted(text());
            };
        }

        /** Absent one time in five; otherwise edge or ordinary text, some of it with a two-byte length prefix. */
        private String text() {
            return random.nextInt(5) == 0 ? null : TEXTS[random.nextInt(TEXTS.length)];
        }

        /** Zero (trimmed when last and primitive) one time in three; edges; never Long.MIN_VALUE, the writer's ABSENT. */
        long number() {
            return switch (random.nextInt(6)) {
                case 0, 1 -> 0;
                case 2 -> Long.MAX_VALUE;
                case 3 -> Long.MIN_VALUE + 1;
                case 4 -> random.nextLong(1, 10_000);
                default -> random.nextLong(Long.MIN_VALUE + 1, Long.MAX_VALUE);
            };
        }

        private int smallInt() {
            return random.nextInt(3) == 0 ? 0 : random.nextInt();
        }

        private Long boxed() {
            return random.nextInt(4) == 0 ? null : number();
        }

        private Side side() {
            return random.nextInt(5) == 0 ? null : random.nextBoolean() ? Side.BUY : Side.SELL;
        }

        private Units units() {
            return random.nextInt(4) == 0 ? null : new Units(number());
        }

        private Price price() {
            return random.nextInt(4) == 0 ? null : new Price(number());
        }

        private Money money() {
            return random.nextInt(4) == 0 ? null : new Money(number());
        }

        private Multiple multiple() {
            return random.nextInt(4) == 0 ? null : new Multiple(number());
        }
    }
}
