package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.ORDERS;
import static fundexchange.registry.schema.Tables.ORDER_BOOKS;

import fundexchange.protocol.book.BookStatus;
import fundexchange.protocol.event.BookHalted;
import fundexchange.protocol.event.BookOpened;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderAmended;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.TradeExecuted;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The continuous books and their orders. A SELL's open units stay in {@code holdings.locked} (changed by
 * {@link EventProjection}, as the engine's StateApplier does), so holdings agree with the engine's locked units.
 */
final class OrderBookProjection {
    private final DSLContext tx;
    private final StatementBatch batch;

    OrderBookProjection(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
    }

    void opened(BookOpened e) {
        batch.insert(tx.insertInto(ORDER_BOOKS)
                .set(ORDER_BOOKS.FUND_CODE, e.fundCode())
                .set(ORDER_BOOKS.LOT_UNITS, e.lotUnits().decimal())
                .set(ORDER_BOOKS.STATUS, BookStatus.OPEN.name())
                .onConflict(ORDER_BOOKS.FUND_CODE)
                .doUpdate()
                .set(ORDER_BOOKS.LOT_UNITS, e.lotUnits().decimal())
                .set(ORDER_BOOKS.STATUS, BookStatus.OPEN.name()), List.of(book(e.fundCode())), EventProjection.fund(e.fundCode()));
    }

    void halted(BookHalted e) {
        batch.one(tx.update(ORDER_BOOKS).set(ORDER_BOOKS.STATUS, BookStatus.HALTED.name())
                .where(ORDER_BOOKS.FUND_CODE.eq(e.fundCode())), "book " + e.fundCode(), book(e.fundCode()));
    }

    void accepted(OrderAccepted e) {
        batch.insert(tx.insertInto(ORDERS)
                .set(ORDERS.ORDER_ID, e.orderId())
                .set(ORDERS.FUND_CODE, e.fundCode())
                .set(ORDERS.OWNER, e.owner())
                .set(ORDERS.SIDE, e.side().name())
                .set(ORDERS.PRICE, e.price().decimal())
                .set(ORDERS.UNITS, e.units().decimal())
                .set(ORDERS.OPEN_UNITS, e.units().decimal())
                .set(ORDERS.FILLED_UNITS, BigDecimal.ZERO)
                .set(ORDERS.STATUS, "OPEN")
                .set(ORDERS.PRIORITY, e.orderId()), List.of(order(e.orderId())), book(e.fundCode()),
                EventProjection.participant(e.owner()));
    }

    void amended(OrderAmended e, long index) {
        batch.one(tx.update(ORDERS)
                .set(ORDERS.PRICE, e.price().decimal())
                .set(ORDERS.OPEN_UNITS, e.units().decimal())
                .set(ORDERS.PRIORITY, e.keptPriority() ? ORDERS.PRIORITY : org.jooq.impl.DSL.val(index))
                .where(ORDERS.ORDER_ID.eq(e.orderId()), ORDERS.STATUS.eq("OPEN")), "open order " + e.orderId(), order(e.orderId()));
    }

    void cancelled(OrderCancelled e, long index) {
        batch.one(tx.update(ORDERS)
                .set(ORDERS.OPEN_UNITS, BigDecimal.ZERO)
                .set(ORDERS.STATUS, "CANCELLED")
                .set(ORDERS.CLOSED_INDEX, index)
                .set(ORDERS.REJECT_CODE, e.rejectCode())
                .set(ORDERS.REASON, e.reason())
                .where(ORDERS.ORDER_ID.eq(e.orderId()), ORDERS.STATUS.eq("OPEN"),
                        ORDERS.OPEN_UNITS.eq(e.units().decimal())), "open order " + e.orderId(), order(e.orderId()));
    }

    void filled(TradeExecuted e, long index) {
        fill(e.buyOrderId(), e.units().decimal(), index);
        fill(e.sellOrderId(), e.units().decimal(), index);
    }

    private void fill(long orderId, BigDecimal units, long index) {
        batch.one(tx.update(ORDERS)
                .set(ORDERS.OPEN_UNITS, ORDERS.OPEN_UNITS.minus(units))
                .set(ORDERS.FILLED_UNITS, ORDERS.FILLED_UNITS.plus(units))
                .set(ORDERS.STATUS, org.jooq.impl.DSL.when(ORDERS.OPEN_UNITS.eq(units), "FILLED").otherwise("OPEN"))
                .set(ORDERS.CLOSED_INDEX, org.jooq.impl.DSL.when(ORDERS.OPEN_UNITS.eq(units), index).otherwise((Long) null))
                .where(ORDERS.ORDER_ID.eq(orderId), ORDERS.STATUS.eq("OPEN"), ORDERS.OPEN_UNITS.ge(units)),
                "open order " + orderId + " with " + units + " units", order(orderId));
    }

    private static String book(String fundCode) {
        return "Book:" + fundCode;
    }

    private static String order(long orderId) {
        return "Ord:" + orderId;
    }
}
