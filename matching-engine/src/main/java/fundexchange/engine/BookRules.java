package fundexchange.engine;

import fundexchange.engine.book.BookMatcher;
import fundexchange.engine.book.OrderBook;
import fundexchange.engine.book.RestingOrder;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.AmendOrder;
import fundexchange.protocol.command.CancelOrder;
import fundexchange.protocol.command.HaltBook;
import fundexchange.protocol.command.OpenBook;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.event.BookHalted;
import fundexchange.protocol.event.BookOpened;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Pricing;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * CONTINUOUS trading: staff open and halt a fund's book; holders sell and investors buy with limit orders, no
 * approval per order. Validates a command completely, then lets {@link BookMatcher} decide its events.
 */
final class BookRules {
    private final ExchangeState state;
    private final ListingLifecycle lifecycle;
    private final TransferChecks checks;
    private final TradeTerms terms;
    private final BookMatcher matcher = new BookMatcher();

    BookRules(ExchangeState state, ListingLifecycle lifecycle, TransferChecks checks, TradeTerms terms) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.checks = checks;
        this.terms = terms;
    }

    List<Event> open(CommandContext ctx, OpenBook c) {
        ctx.requireRole(Role.STAFF);
        Fund fund = lifecycle.fund(c.fundCode());
        TransferNotices.requireFixedPrice(state, fund, "the continuous book");
        Validation.present(c.lotUnits(), "lotUnits");
        Rejection.check(c.lotUnits().positive(), RejectCode.NOT_POSITIVE, "lotUnits must be positive");
        OrderBook book = state.books.book(fund.fundCode());
        if (book != null) {
            Rejection.check(!book.isOpen(), RejectCode.BOOK_ALREADY_OPEN, "the book of " + fund.fundCode() + " is open");
            Rejection.check(book.lotUnits() == c.lotUnits().raw() || book.restingOrders() == 0,
                    RejectCode.LOT_CHANGE_WITH_ORDERS, "the lot of a book with resting orders stays "
                            + new Units(book.lotUnits()));
        }
        return List.of(new BookOpened(fund.fundCode(), c.lotUnits()));
    }

    List<Event> halt(CommandContext ctx, HaltBook c) {
        ctx.requireRole(Role.STAFF);
        Fund fund = lifecycle.fund(c.fundCode());
        openBook(fund.fundCode());
        return List.of(new BookHalted(fund.fundCode()));
    }

    List<Event> place(CommandContext ctx, PlaceOrder c) {
        Validation.present(c.side(), "side");
        ctx.requireRole(c.side() == Side.SELL ? Role.HOLDER : Role.INVESTOR);
        if (c.side() == Side.SELL) {
            lifecycle.stateOwned.requireListing(ctx.actorId());
        }
        Fund fund = lifecycle.fund(c.fundCode());
        positive(c.units(), c.price());
        OrderBook book = openBook(fund.fundCode());
        lot(book, c.units());
        if (c.side() == Side.SELL) {
            lifecycle.checkLot(ctx, fund, c.units());
            TransferChecks.require(checks.seller(ctx.actorId(), fund, ctx.date()));
        } else {
            TransferChecks.require(checks.buyer(ctx.actorId(), fund, ctx.date()));
        }
        terms.requireFeeCovered("book", c.units(), c.price()); // also refuses a consideration beyond the range
        List<Event> events = new ArrayList<>();
        matcher.place(ctx.index(), ctx.firstFill(), book, ctx.actorId(), c.side(), c.units().raw(), c.price().raw(),
                new BookFillRules(ctx, checks, terms, fund), events);
        return events;
    }

    List<Event> cancel(CommandContext ctx, CancelOrder c) {
        RestingOrder order = own(ctx, c.orderId());
        List<Event> events = new ArrayList<>(1);
        matcher.cancel(order, events);
        return events;
    }

    List<Event> amend(CommandContext ctx, AmendOrder c) {
        RestingOrder order = own(ctx, c.orderId());
        OrderBook book = openBook(order.book().fundCode());
        Units units = c.units() == null ? new Units(order.units()) : c.units();
        Price price = c.price() == null ? new Price(order.price()) : c.price();
        positive(units, price);
        lot(book, units);
        Rejection.check(units.raw() != order.units() || price.raw() != order.price(), RejectCode.AMENDMENT_CHANGES_NOTHING,
                "the order already has this price and size");
        Fund fund = lifecycle.fund(book.fundCode());
        boolean keepsPriority = price.raw() == order.price() && units.raw() < order.units();
        if (!keepsPriority) {
            TransferChecks.require(order.side() == Side.SELL ? checks.seller(ctx.actorId(), fund, ctx.date())
                    : checks.buyer(ctx.actorId(), fund, ctx.date()));
        }
        long more = units.raw() - order.units();
        if (order.side() == Side.SELL && more > 0) {
            Position position = state.position(fund.fundCode(), ctx.actorId());
            Rejection.check(position.available().raw() >= more, RejectCode.INSUFFICIENT_UNITS,
                    "available units " + position.available() + " are fewer than the " + new Units(more) + " added");
        }
        TradeTerms.overflowChecked(() -> Pricing.consideration(units, price));
        terms.requireFeeCovered("book", units, price);
        List<Event> events = new ArrayList<>();
        matcher.amend(ctx.firstFill(), order, price.raw(), units.raw(), new BookFillRules(ctx, checks, terms, fund), events);
        return events;
    }

    private RestingOrder own(CommandContext ctx, long orderId) {
        RestingOrder order = state.books.order(orderId);
        if (order == null) {
            throw new Rejection(RejectCode.UNKNOWN_ORDER, "no resting order " + orderId);
        }
        Rejection.check(order.owner().equals(ctx.actorId()), RejectCode.NOT_ORDER_OWNER, "only the owner may change an order");
        return order;
    }

    private OrderBook openBook(String fundCode) {
        OrderBook book = state.books.book(fundCode);
        if (book == null || !book.isOpen()) {
            throw new Rejection(RejectCode.BOOK_NOT_OPEN,
                    "the book of " + fundCode + " is " + (book == null ? "not opened" : book.status()));
        }
        return book;
    }

    private static void positive(Units units, Price price) {
        Validation.present(units, "units");
        Validation.present(price, "price");
        Rejection.check(units.positive(), RejectCode.NOT_POSITIVE, "units must be positive");
        Rejection.check(price.positive(), RejectCode.NOT_POSITIVE, "price must be positive");
    }

    private static void lot(OrderBook book, Units units) {
        if (units.raw() % book.lotUnits() != 0) {
            throw new Rejection(RejectCode.NOT_LOT_MULTIPLE, "units must be a multiple of the lot " + new Units(book.lotUnits()));
        }
    }
}
