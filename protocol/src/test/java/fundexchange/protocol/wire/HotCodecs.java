package fundexchange.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.AmendOrder;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.event.BidPlaced;
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
import java.util.Arrays;
import java.util.List;

/**
 * What the hot codec's differential tests share (this module's {@code HotCodecDifferentialTest}, engine-node's over
 * the golden scenarios): a view's reads checked against the decoded record, and a document streamed through
 * {@link EventDocumentWriter}'s typed methods.
 */
public final class HotCodecs {
    private HotCodecs() {
    }

    /**
     * Checks that {@code view}, wrapped over {@code record}'s bytes, reads {@code record}'s header, request and (through
     * {@code views}) command; returns whether a typed view read the command.
     */
    public static boolean assertViewsRead(CommandRecord record, CommandRecordView view, Views views, String what) {
        assertHeaderAndRequest(record, view, what);
        return views.assertCommand(record.command(), view, what);
    }

    private static void assertHeaderAndRequest(CommandRecord record, CommandRecordView view, String what) {
        assertEquals(record.version(), view.version(), what);
        assertEquals(record.index(), view.index(), what);
        assertEquals(record.time(), view.time(), what);
        assertEquals(WireSchema.journal().typeOf(record.command().getClass()).id(), view.commandTypeId(), what);
        SignedRequest request = record.request();
        assertEquals(request != null, view.signed(), what);
        if (request == null) {
            assertNull(view.participant(), what);
            assertNull(view.clientRequestId(), what);
            assertEquals(0, view.clientRequestIdLength(), what);
            assertEquals(0, view.clientRequestIdOffset(), what);
            assertEquals(0, view.signedTimestamp(), what);
            return;
        }
        assertEquals(request.participant(), view.participant(), what);
        assertEquals(request.keyId(), view.keyId(), what);
        assertEquals(request.algorithm(), view.algorithm(), what);
        assertEquals(request.method(), view.method(), what);
        assertEquals(request.scheme(), view.scheme(), what);
        assertEquals(request.signedTimestamp(), view.signedTimestamp(), what);
        assertEquals(request.clientRequestId(), view.clientRequestId(), what);
        assertEquals(request.clientRequestId() != null, view.hasClientRequestId(), what);
        if (request.clientRequestId() != null) {
            byte[] id = Wtf8.encode(request.clientRequestId());
            assertArrayEquals(id, Arrays.copyOfRange(view.bytes(), view.clientRequestIdOffset(),
                    view.clientRequestIdOffset() + view.clientRequestIdLength()), what);
        }
        assertEquals(request, view.toRequest(), what);
    }

    /** One view of each hot type, checked against the decoded command. */
    public static final class Views {
        public Views() {
        }

        final WireStrings strings = new WireStrings();
        final PlaceOrderView placeOrder = new PlaceOrderView();
        final CancelOrderView cancelOrder = new CancelOrderView();
        final AmendOrderView amendOrder = new AmendOrderView();
        final PlaceBidView placeBid = new PlaceBidView();
        final PlaceSealedBidView placeSealedBid = new PlaceSealedBidView();
        final AcceptListingView acceptListing = new AcceptListingView();

        boolean assertCommand(Command command, CommandRecordView view, String what) {
            int readers = 0;
            for (CommandView typed : List.of(placeOrder, cancelOrder, amendOrder, placeBid, placeSealedBid, acceptListing)) {
                readers += typed.reads(view) ? 1 : 0;
            }
            switch (command) {
                case PlaceOrder c -> {
                    placeOrder.wrap(view);
                    assertEquals(c.fundCode(), placeOrder.fundCode(strings), what);
                    assertEquals(c.fundCode() != null, placeOrder.fundCodeEquals(c.fundCode() == null ? "" : c.fundCode()), what);
                    assertFalse(placeOrder.fundCodeEquals(c.fundCode() + "x"), what);
                    assertEquals(c.side(), placeOrder.side(), what);
                    assertDecimal(c.units() == null ? null : c.units().raw(), placeOrder.hasUnits(), placeOrder.units(), what);
                    assertDecimal(c.price() == null ? null : c.price().raw(), placeOrder.hasPrice(), placeOrder.price(), what);
                }
                case CancelOrder c -> {
                    cancelOrder.wrap(view);
                    assertEquals(c.orderId(), cancelOrder.orderId(), what);
                }
                case AmendOrder c -> {
                    amendOrder.wrap(view);
                    assertEquals(c.orderId(), amendOrder.orderId(), what);
                    assertDecimal(c.price() == null ? null : c.price().raw(), amendOrder.hasPrice(), amendOrder.price(), what);
                    assertDecimal(c.units() == null ? null : c.units().raw(), amendOrder.hasUnits(), amendOrder.units(), what);
                }
                case PlaceBid c -> {
                    placeBid.wrap(view);
                    assertEquals(c.listingId(), placeBid.listingId(), what);
                    assertDecimal(c.price() == null ? null : c.price().raw(), placeBid.hasPrice(), placeBid.price(), what);
                    assertDecimal(c.units() == null ? null : c.units().raw(), placeBid.hasUnits(), placeBid.units(), what);
                    assertEquals(c.terms() != null, placeBid.hasTerms(), what);
                }
                case PlaceSealedBid c -> {
                    placeSealedBid.wrap(view);
                    assertEquals(c.listingId(), placeSealedBid.listingId(), what);
                    assertDecimal(c.price() == null ? null : c.price().raw(), placeSealedBid.hasPrice(), placeSealedBid.price(), what);
                    assertEquals(c.nonce(), placeSealedBid.nonce(), what);
                    assertEquals(c.nonce() != null, placeSealedBid.hasNonce(), what);
                    assertEquals(c.nonce() == null ? 0 : Wtf8.length(c.nonce()), placeSealedBid.nonceLength(), what);
                }
                case AcceptListing c -> {
                    acceptListing.wrap(view);
                    assertEquals(c.listingId(), acceptListing.listingId(), what);
                }
                default -> {
                    assertEquals(0, readers, what);
                    return false;
                }
            }
            assertEquals(1, readers, what);
            return true;
        }

        private static void assertDecimal(Long expected, boolean present, long raw, String what) {
            assertEquals(expected != null, present, what);
            assertEquals(expected == null ? 0 : expected, raw, what);
        }
    }

    /** Streams {@code document} through the writer's typed methods (the generic one for other events). */
    public static void write(EventDocumentWriter writer, EventDocument document, WireBuffer out) {
        writer.begin(out, document.sourceIndex(), document.time(), document.participant(), document.clientRequestId());
        for (Event event : document.events()) {
            switch (event) {
                case OrderAccepted e -> writer.orderAccepted(e.orderId(), e.fundCode(), e.owner(), e.side(), raw(e.units()),
                        raw(e.price()));
                case OrderCancelled e -> writer.orderCancelled(e.orderId(), e.fundCode(), e.owner(), e.side(), raw(e.units()),
                        e.rejectCode(), e.reason());
                case OrderAmended e -> writer.orderAmended(e.orderId(), e.fundCode(), e.owner(), e.side(), raw(e.price()),
                        raw(e.units()), raw(e.unitsBefore()), e.keptPriority());
                case TradeExecuted e -> writer.tradeExecuted(e.tradeId(), e.listingId(), e.fundCode(), e.seller(), e.buyer(),
                        raw(e.units()), raw(e.price()), raw(e.consideration()), e.percentOfNavBasisPoints(),
                        raw(e.multipleOfCost()), e.buyerReservedHolderRoom(), e.settleBy(), raw(e.buyOrderId()),
                        raw(e.sellOrderId()), e.tradeDate(), raw(e.offerId()), raw(e.buyerFee()), raw(e.sellerFee()));
                case BidPlaced e when e.terms() == null -> writer.bidPlaced(e.listingId(), e.bidId(), e.bidder(), e.pseudonym(), raw(e.price()),
                        e.endsAt(), e.extended());
                case SealedBidPlaced e -> writer.sealedBidPlaced(e.listingId(), e.bidId(), e.bidder(), e.pseudonym(),
                        raw(e.price()), e.nonce(), e.commitment());
                case DepositLocked e -> writer.depositLocked(e.listingId(), e.participantId(), e.currency(), raw(e.amount()));
                default -> writer.event(event);
            }
        }
        Outcome outcome = document.outcome();
        writer.end(outcome.status(), outcome.code(), outcome.reason(), outcome.message(), outcome.duplicateOf());
    }

    private static long raw(Object value) {
        return switch (value) {
            case null -> EventDocumentWriter.ABSENT;
            case Long l -> l;
            case Units u -> u.raw();
            case Price p -> p.raw();
            case Money m -> m.raw();
            case Multiple m -> m.raw();
            default -> throw new IllegalArgumentException(value.toString());
        };
    }

}
