package fundexchange.protocol.wire;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.DepositLocked;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.event.TradeExecuted;

/**
 * Streams a binary event document (docs/design/binary-journal.md sections 2.5 and 5.3) into a {@link WireBuffer}
 * without building records: {@link #begin}, then events as they are decided (a hot type through its typed method,
 * any other through {@link #event}), then {@link #end} with the outcome. The bytes equal those of
 * {@link JournalBinary#encode(EventDocument, WireBuffer)} for the same value, byte for byte.
 *
 * <p>The typed methods take a decimal or a nullable {@code long} ({@code Long}, {@code Units}, {@code Money},
 * {@code Price}, {@code Multiple}) as its raw {@code long}, with {@link #ABSENT} for null; a String or enum is null
 * when absent. A value whose nullable number really is {@code Long.MIN_VALUE} goes through {@link #event}. Field
 * numbers are looked up by component name when this class is initialised, and each typed method must handle all of
 * its type's fields ({@link StructView#requireCovers}), so a renumbered, re-kinded or added field fails there (R3).
 * One writer serves one thread; it allocates nothing once the buffer is large enough (a round of 20,000 documents
 * allocates under one byte per document in {@code WireAllocationTest}).
 *
 * <p>Each struct is written by a {@link StructWriter}. The outcome's reason and message lie before the events
 * (section 2.5): {@link #end} moves the events up to make room for them, a copy within the buffer. A rejection usually
 * has no events, so the copy is usually empty.
 */
public final class EventDocumentWriter {
    /** A nullable number's absence in the typed methods. */
    public static final long ABSENT = Long.MIN_VALUE;

    private static final WireType ORDER_ACCEPTED = StructView.type(OrderAccepted.class);
    private static final int OA_ORDER_ID = field(ORDER_ACCEPTED, "orderId", "i64", true);
    private static final int OA_FUND_CODE = field(ORDER_ACCEPTED, "fundCode", "string", false);
    private static final int OA_OWNER = field(ORDER_ACCEPTED, "owner", "string", false);
    private static final int OA_SIDE = field(ORDER_ACCEPTED, "side", "enum:" + Side.class.getName(), false);
    private static final int OA_UNITS = field(ORDER_ACCEPTED, "units", "units", false);
    private static final int OA_PRICE = field(ORDER_ACCEPTED, "price", "price", false);

    private static final WireType ORDER_CANCELLED = StructView.type(OrderCancelled.class);
    private static final int OC_ORDER_ID = field(ORDER_CANCELLED, "orderId", "i64", true);
    private static final int OC_FUND_CODE = field(ORDER_CANCELLED, "fundCode", "string", false);
    private static final int OC_OWNER = field(ORDER_CANCELLED, "owner", "string", false);
    private static final int OC_SIDE = field(ORDER_CANCELLED, "side", "enum:" + Side.class.getName(), false);
    private static final int OC_UNITS = field(ORDER_CANCELLED, "units", "units", false);
    private static final int OC_REJECT_CODE = field(ORDER_CANCELLED, "rejectCode", "i32", true);
    private static final int OC_REASON = field(ORDER_CANCELLED, "reason", "string", false);

    private static final WireType ORDER_AMENDED = StructView.type(OrderAmended.class);
    private static final int OM_ORDER_ID = field(ORDER_AMENDED, "orderId", "i64", true);
    private static final int OM_FUND_CODE = field(ORDER_AMENDED, "fundCode", "string", false);
    private static final int OM_OWNER = field(ORDER_AMENDED, "owner", "string", false);
    private static final int OM_SIDE = field(ORDER_AMENDED, "side", "enum:" + Side.class.getName(), false);
    private static final int OM_PRICE = field(ORDER_AMENDED, "price", "price", false);
    private static final int OM_UNITS = field(ORDER_AMENDED, "units", "units", false);
    private static final int OM_UNITS_BEFORE = field(ORDER_AMENDED, "unitsBefore", "units", false);
    private static final int OM_KEPT_PRIORITY = field(ORDER_AMENDED, "keptPriority", "bool", true);

    private static final WireType TRADE_EXECUTED = StructView.type(TradeExecuted.class);
    private static final int TE_TRADE_ID = field(TRADE_EXECUTED, "tradeId", "i64", true);
    private static final int TE_LISTING_ID = field(TRADE_EXECUTED, "listingId", "i64", true);
    private static final int TE_FUND_CODE = field(TRADE_EXECUTED, "fundCode", "string", false);
    private static final int TE_SELLER = field(TRADE_EXECUTED, "seller", "string", false);
    private static final int TE_BUYER = field(TRADE_EXECUTED, "buyer", "string", false);
    private static final int TE_UNITS = field(TRADE_EXECUTED, "units", "units", false);
    private static final int TE_PRICE = field(TRADE_EXECUTED, "price", "price", false);
    private static final int TE_CONSIDERATION = field(TRADE_EXECUTED, "consideration", "money", false);
    private static final int TE_PERCENT_OF_NAV = field(TRADE_EXECUTED, "percentOfNavBasisPoints", "i64", true);
    private static final int TE_MULTIPLE_OF_COST = field(TRADE_EXECUTED, "multipleOfCost", "multiple", false);
    private static final int TE_RESERVED_ROOM = field(TRADE_EXECUTED, "buyerReservedHolderRoom", "bool", true);
    private static final int TE_SETTLE_BY = field(TRADE_EXECUTED, "settleBy", "i64", true);
    private static final int TE_BUY_ORDER_ID = field(TRADE_EXECUTED, "buyOrderId", "i64", false);
    private static final int TE_SELL_ORDER_ID = field(TRADE_EXECUTED, "sellOrderId", "i64", false);
    private static final int TE_TRADE_DATE = field(TRADE_EXECUTED, "tradeDate", "string", false);
    private static final int TE_OFFER_ID = field(TRADE_EXECUTED, "offerId", "i64", false);
    private static final int TE_BUYER_FEE = field(TRADE_EXECUTED, "buyerFee", "money", false);
    private static final int TE_SELLER_FEE = field(TRADE_EXECUTED, "sellerFee", "money", false);

    private static final WireType BID_PLACED = StructView.type(BidPlaced.class);
    private static final int BP_LISTING_ID = field(BID_PLACED, "listingId", "i64", true);
    private static final int BP_BID_ID = field(BID_PLACED, "bidId", "i64", true);
    private static final int BP_BIDDER = field(BID_PLACED, "bidder", "string", false);
    private static final int BP_PSEUDONYM = field(BID_PLACED, "pseudonym", "i32", true);
    private static final int BP_PRICE = field(BID_PLACED, "price", "price", false);
    private static final int BP_ENDS_AT = field(BID_PLACED, "endsAt", "i64", true);
    private static final int BP_EXTENDED = field(BID_PLACED, "extended", "bool", true);
    private static final int BP_TERMS = field(BID_PLACED, "terms",
            "typed:" + fundexchange.protocol.listing.ListingMechanism.BidTerms.class.getName(), false);

    private static final WireType SEALED_BID_PLACED = StructView.type(SealedBidPlaced.class);
    private static final int SB_LISTING_ID = field(SEALED_BID_PLACED, "listingId", "i64", true);
    private static final int SB_BID_ID = field(SEALED_BID_PLACED, "bidId", "i64", true);
    private static final int SB_BIDDER = field(SEALED_BID_PLACED, "bidder", "string", false);
    private static final int SB_PSEUDONYM = field(SEALED_BID_PLACED, "pseudonym", "i32", true);
    private static final int SB_PRICE = field(SEALED_BID_PLACED, "price", "price", false);
    private static final int SB_NONCE = field(SEALED_BID_PLACED, "nonce", "string", false);
    private static final int SB_COMMITMENT = field(SEALED_BID_PLACED, "commitment", "string", false);

    private static final WireType DEPOSIT_LOCKED = StructView.type(DepositLocked.class);
    private static final int DL_LISTING_ID = field(DEPOSIT_LOCKED, "listingId", "i64", true);
    private static final int DL_PARTICIPANT_ID = field(DEPOSIT_LOCKED, "participantId", "string", false);
    private static final int DL_CURRENCY = field(DEPOSIT_LOCKED, "currency", "string", false);
    private static final int DL_AMOUNT = field(DEPOSIT_LOCKED, "amount", "money", false);

    static {
        StructView.requireCovers(ORDER_ACCEPTED, OA_ORDER_ID, OA_FUND_CODE, OA_OWNER, OA_SIDE, OA_UNITS, OA_PRICE);
        StructView.requireCovers(ORDER_CANCELLED, OC_ORDER_ID, OC_FUND_CODE, OC_OWNER, OC_SIDE, OC_UNITS, OC_REJECT_CODE,
                OC_REASON);
        StructView.requireCovers(ORDER_AMENDED, OM_ORDER_ID, OM_FUND_CODE, OM_OWNER, OM_SIDE, OM_PRICE, OM_UNITS,
                OM_UNITS_BEFORE, OM_KEPT_PRIORITY);
        StructView.requireCovers(TRADE_EXECUTED, TE_TRADE_ID, TE_LISTING_ID, TE_FUND_CODE, TE_SELLER, TE_BUYER, TE_UNITS,
                TE_PRICE, TE_CONSIDERATION, TE_PERCENT_OF_NAV, TE_MULTIPLE_OF_COST, TE_RESERVED_ROOM, TE_SETTLE_BY,
                TE_BUY_ORDER_ID, TE_SELL_ORDER_ID, TE_TRADE_DATE, TE_OFFER_ID, TE_BUYER_FEE, TE_SELLER_FEE);
        StructView.requireCovers(BID_PLACED, BP_LISTING_ID, BP_BID_ID, BP_BIDDER, BP_PSEUDONYM, BP_PRICE, BP_ENDS_AT,
                BP_EXTENDED, BP_TERMS);
        StructView.requireCovers(SEALED_BID_PLACED, SB_LISTING_ID, SB_BID_ID, SB_BIDDER, SB_PSEUDONYM, SB_PRICE, SB_NONCE,
                SB_COMMITMENT);
        StructView.requireCovers(DEPOSIT_LOCKED, DL_LISTING_ID, DL_PARTICIPANT_ID, DL_CURRENCY, DL_AMOUNT);
    }

    private static final EnumCodes STATUSES = JournalBinary.statusCodes(WireSchema.journal());

    private final RecordEncoder encoder = new RecordEncoder(WireSchema.journal());
    private WireBuffer out;
    private int start = -1;
    private int eventsAt;
    private int count;
    private final StructWriter struct = new StructWriter();

    /**
     * Starts a document at {@code buffer}'s position: the header, a placeholder outcome and the document's strings.
     *
     * @throws IllegalStateException when a document is already open
     */
    public EventDocumentWriter begin(WireBuffer buffer, long sourceIndex, long time, String participant, String clientRequestId) {
        if (start >= 0) {
            throw new IllegalStateException("a document is open: end it first");
        }
        out = buffer;
        start = buffer.position();
        int flags = (participant == null ? 0 : JournalBinary.FLAG_PARTICIPANT)
                | (clientRequestId == null ? 0 : JournalBinary.FLAG_CLIENT_REQUEST_ID);
        JournalBinary.header(buffer, JournalBinary.EVENT_DOCUMENT, flags, EventDocument.VERSION, sourceIndex, time);
        buffer.putZeros(JournalBinary.OFFSET_EVENT_STRINGS - JournalBinary.HEADER_LENGTH);
        StructWriter.string(buffer, participant);
        StructWriter.string(buffer, clientRequestId);
        eventsAt = buffer.position();
        count = 0;
        return this;
    }

    /** Any event, through the generic encoder. */
    public EventDocumentWriter event(Event event) {
        requireOpen();
        encoder.encodeTyped(event, out);
        count++;
        return this;
    }

    /** An {@link OrderAccepted}. */
    public EventDocumentWriter orderAccepted(long orderId, String fundCode, String owner, Side side, long units, long price) {
        requireOpen();
        struct.open(out, ORDER_ACCEPTED);
        struct.primitive(OA_ORDER_ID, orderId != 0);
        struct.object(OA_FUND_CODE, fundCode != null);
        struct.object(OA_OWNER, owner != null);
        struct.object(OA_SIDE, side != null);
        struct.object(OA_UNITS, units != ABSENT);
        struct.object(OA_PRICE, price != ABSENT);
        struct.fixedBlock();
        struct.i64(OA_ORDER_ID, orderId);
        struct.side(OA_SIDE, side);
        struct.i64(OA_UNITS, units);
        struct.i64(OA_PRICE, price);
        struct.string(OA_FUND_CODE, fundCode);
        struct.string(OA_OWNER, owner);
        return closed();
    }

    /** An {@link OrderCancelled}. */
    public EventDocumentWriter orderCancelled(long orderId, String fundCode, String owner, Side side, long units,
                                              int rejectCode, String reason) {
        requireOpen();
        struct.open(out, ORDER_CANCELLED);
        struct.primitive(OC_ORDER_ID, orderId != 0);
        struct.object(OC_FUND_CODE, fundCode != null);
        struct.object(OC_OWNER, owner != null);
        struct.object(OC_SIDE, side != null);
        struct.object(OC_UNITS, units != ABSENT);
        struct.primitive(OC_REJECT_CODE, rejectCode != 0);
        struct.object(OC_REASON, reason != null);
        struct.fixedBlock();
        struct.i64(OC_ORDER_ID, orderId);
        struct.side(OC_SIDE, side);
        struct.i64(OC_UNITS, units);
        struct.i32(OC_REJECT_CODE, rejectCode);
        struct.string(OC_FUND_CODE, fundCode);
        struct.string(OC_OWNER, owner);
        struct.string(OC_REASON, reason);
        return closed();
    }

    /** An {@link OrderAmended}. */
    public EventDocumentWriter orderAmended(long orderId, String fundCode, String owner, Side side, long price, long units,
                                            long unitsBefore, boolean keptPriority) {
        requireOpen();
        struct.open(out, ORDER_AMENDED);
        struct.primitive(OM_ORDER_ID, orderId != 0);
        struct.object(OM_FUND_CODE, fundCode != null);
        struct.object(OM_OWNER, owner != null);
        struct.object(OM_SIDE, side != null);
        struct.object(OM_PRICE, price != ABSENT);
        struct.object(OM_UNITS, units != ABSENT);
        struct.object(OM_UNITS_BEFORE, unitsBefore != ABSENT);
        struct.primitive(OM_KEPT_PRIORITY, keptPriority);
        struct.fixedBlock();
        struct.i64(OM_ORDER_ID, orderId);
        struct.side(OM_SIDE, side);
        struct.i64(OM_PRICE, price);
        struct.i64(OM_UNITS, units);
        struct.i64(OM_UNITS_BEFORE, unitsBefore);
        struct.bool(OM_KEPT_PRIORITY, keptPriority);
        struct.string(OM_FUND_CODE, fundCode);
        struct.string(OM_OWNER, owner);
        return closed();
    }

    /** A {@link TradeExecuted}: every component in order, nullable numbers {@link #ABSENT} when null. */
    public EventDocumentWriter tradeExecuted(long tradeId, long listingId, String fundCode, String seller, String buyer,
                                             long units, long price, long consideration, long percentOfNavBasisPoints,
                                             long multipleOfCost, boolean buyerReservedHolderRoom, long settleBy,
                                             long buyOrderId, long sellOrderId, String tradeDate, long offerId,
                                             long buyerFee, long sellerFee) {
        requireOpen();
        struct.open(out, TRADE_EXECUTED);
        struct.primitive(TE_TRADE_ID, tradeId != 0);
        struct.primitive(TE_LISTING_ID, listingId != 0);
        struct.object(TE_FUND_CODE, fundCode != null);
        struct.object(TE_SELLER, seller != null);
        struct.object(TE_BUYER, buyer != null);
        struct.object(TE_UNITS, units != ABSENT);
        struct.object(TE_PRICE, price != ABSENT);
        struct.object(TE_CONSIDERATION, consideration != ABSENT);
        struct.primitive(TE_PERCENT_OF_NAV, percentOfNavBasisPoints != 0);
        struct.object(TE_MULTIPLE_OF_COST, multipleOfCost != ABSENT);
        struct.primitive(TE_RESERVED_ROOM, buyerReservedHolderRoom);
        struct.primitive(TE_SETTLE_BY, settleBy != 0);
        struct.object(TE_BUY_ORDER_ID, buyOrderId != ABSENT);
        struct.object(TE_SELL_ORDER_ID, sellOrderId != ABSENT);
        struct.object(TE_TRADE_DATE, tradeDate != null);
        struct.object(TE_OFFER_ID, offerId != ABSENT);
        struct.object(TE_BUYER_FEE, buyerFee != ABSENT);
        struct.object(TE_SELLER_FEE, sellerFee != ABSENT);
        struct.fixedBlock();
        struct.i64(TE_TRADE_ID, tradeId);
        struct.i64(TE_LISTING_ID, listingId);
        struct.i64(TE_UNITS, units);
        struct.i64(TE_PRICE, price);
        struct.i64(TE_CONSIDERATION, consideration);
        struct.i64(TE_PERCENT_OF_NAV, percentOfNavBasisPoints);
        struct.i64(TE_MULTIPLE_OF_COST, multipleOfCost);
        struct.bool(TE_RESERVED_ROOM, buyerReservedHolderRoom);
        struct.i64(TE_SETTLE_BY, settleBy);
        struct.i64(TE_BUY_ORDER_ID, buyOrderId);
        struct.i64(TE_SELL_ORDER_ID, sellOrderId);
        struct.i64(TE_OFFER_ID, offerId);
        struct.i64(TE_BUYER_FEE, buyerFee);
        struct.i64(TE_SELLER_FEE, sellerFee);
        struct.string(TE_FUND_CODE, fundCode);
        struct.string(TE_SELLER, seller);
        struct.string(TE_BUYER, buyer);
        struct.string(TE_TRADE_DATE, tradeDate);
        return closed();
    }

    /** A {@link BidPlaced} without a mechanism's own terms (one with them goes through {@link #event}). */
    public EventDocumentWriter bidPlaced(long listingId, long bidId, String bidder, int pseudonym, long price, long endsAt,
                                         boolean extended) {
        requireOpen();
        struct.open(out, BID_PLACED);
        struct.primitive(BP_LISTING_ID, listingId != 0);
        struct.primitive(BP_BID_ID, bidId != 0);
        struct.object(BP_BIDDER, bidder != null);
        struct.primitive(BP_PSEUDONYM, pseudonym != 0);
        struct.object(BP_PRICE, price != ABSENT);
        struct.primitive(BP_ENDS_AT, endsAt != 0);
        struct.primitive(BP_EXTENDED, extended);
        struct.object(BP_TERMS, false);
        struct.fixedBlock();
        struct.i64(BP_LISTING_ID, listingId);
        struct.i64(BP_BID_ID, bidId);
        struct.i32(BP_PSEUDONYM, pseudonym);
        struct.i64(BP_PRICE, price);
        struct.i64(BP_ENDS_AT, endsAt);
        struct.bool(BP_EXTENDED, extended);
        struct.string(BP_BIDDER, bidder);
        return closed();
    }

    /** A {@link SealedBidPlaced}. Its price is fixed-width like every number, so its length does not depend on it. */
    public EventDocumentWriter sealedBidPlaced(long listingId, long bidId, String bidder, int pseudonym, long price,
                                               String nonce, String commitment) {
        requireOpen();
        struct.open(out, SEALED_BID_PLACED);
        struct.primitive(SB_LISTING_ID, listingId != 0);
        struct.primitive(SB_BID_ID, bidId != 0);
        struct.object(SB_BIDDER, bidder != null);
        struct.primitive(SB_PSEUDONYM, pseudonym != 0);
        struct.object(SB_PRICE, price != ABSENT);
        struct.object(SB_NONCE, nonce != null);
        struct.object(SB_COMMITMENT, commitment != null);
        struct.fixedBlock();
        struct.i64(SB_LISTING_ID, listingId);
        struct.i64(SB_BID_ID, bidId);
        struct.i32(SB_PSEUDONYM, pseudonym);
        struct.i64(SB_PRICE, price);
        struct.string(SB_BIDDER, bidder);
        struct.string(SB_NONCE, nonce);
        struct.string(SB_COMMITMENT, commitment);
        return closed();
    }

    /** A {@link DepositLocked}. */
    public EventDocumentWriter depositLocked(long listingId, String participantId, String currency, long amount) {
        requireOpen();
        struct.open(out, DEPOSIT_LOCKED);
        struct.primitive(DL_LISTING_ID, listingId != 0);
        struct.object(DL_PARTICIPANT_ID, participantId != null);
        struct.object(DL_CURRENCY, currency != null);
        struct.object(DL_AMOUNT, amount != ABSENT);
        struct.fixedBlock();
        struct.i64(DL_LISTING_ID, listingId);
        struct.i64(DL_AMOUNT, amount);
        struct.string(DL_PARTICIPANT_ID, participantId);
        struct.string(DL_CURRENCY, currency);
        return closed();
    }

    /**
     * Finishes the document: its outcome and event count at their fixed offsets, and the reason and message (null
     * when absent) before the events.
     */
    public void end(OutcomeStatus status, int code, String reason, String message, long duplicateOf) {
        requireOpen();
        int reasonLength = reason == null ? 0 : Wtf8.length(reason);
        int messageLength = message == null ? 0 : Wtf8.length(message);
        int gap = (reason == null ? 0 : VarUInt.size(reasonLength) + reasonLength)
                + (message == null ? 0 : VarUInt.size(messageLength) + messageLength);
        if (gap > 0) {
            out.insertGap(eventsAt, gap);
            int at = eventsAt;
            if (reason != null) {
                at = out.setString(at, reason, reasonLength);
            }
            if (message != null) {
                out.setString(at, message, messageLength);
            }
        }
        int flags = out.array()[start + JournalBinary.OFFSET_FLAGS]
                | (reason == null ? 0 : JournalBinary.FLAG_REASON) | (message == null ? 0 : JournalBinary.FLAG_MESSAGE);
        out.setByte(start + JournalBinary.OFFSET_FLAGS, flags);
        out.setByte(start + JournalBinary.OFFSET_STATUS, STATUSES.code(status));
        out.setInt(start + JournalBinary.OFFSET_CODE, code);
        out.setLong(start + JournalBinary.OFFSET_DUPLICATE_OF, duplicateOf);
        out.setInt(start + JournalBinary.OFFSET_EVENT_COUNT, count);
        abandon();
    }

    /**
     * Forgets an open document (after a failure part-way, say), so the next {@link #begin} may start; the bytes already
     * written stay in the buffer, for its owner to clear.
     */
    public void abandon() {
        start = -1;
        out = null;
        struct.reset();
    }

    /** Whether a document is open (begun and not ended). */
    public boolean open() {
        return start >= 0;
    }

    private EventDocumentWriter closed() {
        struct.close();
        count++;
        return this;
    }

    private void requireOpen() {
        if (start < 0) {
            throw new IllegalStateException("no document is open: begin one first");
        }
    }

    private static int field(WireType type, String name, String spec, boolean primitive) {
        return StructWriter.field(type, name, spec, primitive);
    }
}
