package fundexchange.registry.read;

import static fundexchange.registry.read.RegistryReads.scaled;
import static fundexchange.registry.schema.Tables.BIDS;
import static fundexchange.registry.schema.Tables.ORDERS;
import static fundexchange.registry.schema.Tables.ORDER_BOOKS;

import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.registry.schema.tables.records.OrdersRecord;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Orders of the continuous book and each book's depth, and bids across listings. Orders and bids exist for their owner,
 * staff and regulators; the depth names no owner. A sealed bid's price is null until the close, for everyone.
 */
public final class BookReads {
    private static final Field<BigDecimal> OPEN_UNITS = DSL.sum(ORDERS.OPEN_UNITS).as("open_units");
    private static final Field<Integer> ORDER_COUNT = DSL.count().as("order_count");
    private final DSLContext dsl;

    BookReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The orders {@code viewer} may see (its own; staff and regulators: all), optionally filtered, in id order. */
    public List<OrderView> orders(ListingViewer viewer, Optional<String> fundCode, Optional<String> status, Page page) {
        Condition matching = mine(viewer, ORDERS.OWNER).and(ORDERS.ORDER_ID.gt(page.after()));
        matching = fundCode.map(ORDERS.FUND_CODE::eq).map(matching::and).orElse(matching);
        matching = status.map(ORDERS.STATUS::eq).map(matching::and).orElse(matching);
        return dsl.selectFrom(ORDERS).where(matching).orderBy(ORDERS.ORDER_ID).limit(page.limit()).fetch(BookReads::order);
    }

    public Optional<OrderView> order(ListingViewer viewer, long orderId) {
        return dsl.selectFrom(ORDERS).where(mine(viewer, ORDERS.OWNER), ORDERS.ORDER_ID.eq(orderId))
                .fetchOptional(BookReads::order);
    }

    /** A fund's book aggregated by price, if the fund has one. */
    public Optional<BookDepth> depth(String fundCode) {
        return dsl.selectFrom(ORDER_BOOKS).where(ORDER_BOOKS.FUND_CODE.eq(fundCode)).fetchOptional()
                .map(book -> new BookDepth(fundCode, book.getStatus(), scaled(book.getLotUnits(), Units.SCALE),
                        levels(fundCode, "BUY", ORDERS.PRICE.desc()), levels(fundCode, "SELL", ORDERS.PRICE.asc())));
    }

    /** The bids {@code viewer} may see (its own; staff and regulators: all), optionally filtered, in id order. */
    public List<BidView> bids(ListingViewer viewer, Optional<Long> listingId, Optional<String> status, Page page) {
        Condition matching = mine(viewer, BIDS.BIDDER).and(BIDS.BID_ID.gt(page.after()));
        matching = listingId.map(BIDS.LISTING_ID::eq).map(matching::and).orElse(matching);
        matching = status.map(BIDS.STATUS::eq).map(matching::and).orElse(matching);
        return dsl.selectFrom(BIDS).where(matching).orderBy(BIDS.BID_ID).limit(page.limit())
                .fetch(r -> new BidView(r.getBidId(), r.getListingId(), r.getBidder(), r.getPseudonym(),
                        r.getPrice() == null ? null : scaled(r.getPrice(), Price.SCALE), r.getStatus(), r.getRejectCode(),
                        r.getReason(), RegistryReads.json(r.getTerms())));
    }

    private List<BookDepth.Level> levels(String fundCode, String side, SortField<BigDecimal> order) {
        return dsl.select(ORDERS.PRICE, OPEN_UNITS, ORDER_COUNT).from(ORDERS)
                .where(ORDERS.FUND_CODE.eq(fundCode), ORDERS.SIDE.eq(side), ORDERS.STATUS.eq("OPEN"))
                .groupBy(ORDERS.PRICE).orderBy(order)
                .fetch(r -> new BookDepth.Level(scaled(r.get(ORDERS.PRICE), Price.SCALE),
                        scaled(r.get(OPEN_UNITS), Units.SCALE), r.get(ORDER_COUNT)));
    }

    private static Condition mine(ListingViewer viewer, Field<String> owner) {
        return Rows.where(DisclosurePolicy.owned(viewer.viewer()), ground -> switch (ground) {
            case OWNS -> owner.eq(viewer.participantId());
            default -> throw Rows.unknown(ground, owner.getName());
        });
    }

    private static OrderView order(OrdersRecord r) {
        return new OrderView(r.getOrderId(), r.getFundCode(), r.getOwner(), r.getSide(), scaled(r.getPrice(), Price.SCALE),
                scaled(r.getUnits(), Units.SCALE), scaled(r.getOpenUnits(), Units.SCALE),
                scaled(r.getFilledUnits(), Units.SCALE), r.getStatus(), r.getPriority(), r.getClosedIndex(),
                r.getRejectCode(), r.getReason());
    }
}
