package fundexchange.gateway.http;

import fundexchange.protocol.reference.Role;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.view.GatewayView;
import fundexchange.registry.read.BidView;
import fundexchange.registry.read.BookReads;
import fundexchange.registry.read.OrderView;
import fundexchange.registry.read.RegistryReads;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;

/**
 * {@code GET /orders}, {@code /orders/{orderId}}, {@code /books/{fundCode}} and {@code /bids}. Orders and bids are
 * their owner's (staff and regulators: all); a book's depth, aggregated by price with no owner, is for staff,
 * regulators, holders and investors qualified today. A sealed bid's price is absent until the close, for everyone.
 */
final class BookEndpoints {
    private static final String[] ORDER_STATUS = {"OPEN", "FILLED", "CANCELLED"};
    private static final String[] BID_STATUS = {"ACTIVE", "CANCELLED", "WON", "LOST", "PASSED_OVER"};
    private final BookReads books;
    private final Viewers viewers;

    BookEndpoints(RegistryReads registry, GatewayView view) {
        this.books = registry.books();
        this.viewers = new Viewers(registry, view);
    }

    /** {@code ?fund&status&after&limit}: {@code {orders[], nextAfter?}}. */
    Object orders(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "fund", "status");
        List<OrderView> found = books.orders(viewers.of(caller), params.text("fund"), params.oneOf("status", ORDER_STATUS),
                params.fetch());
        return params.body("orders", found, OrderView::orderId, order -> order);
    }

    Object order(Caller caller, ServerRequest request) {
        long orderId = ListParams.pathId(request, "orderId");
        return books.order(viewers.of(caller), orderId).orElseThrow(() -> ListParams.notFound("order " + orderId));
    }

    /** The roles that may read a book at all; an investor must also be qualified today, checked by {@link #book}. */
    static void requireBookRole(Caller caller) {
        if (!Viewers.oversight(caller) && !caller.hasAny(Role.HOLDER, Role.INVESTOR)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only holders, qualified investors, staff and regulators read a book");
        }
    }

    Object book(Caller caller, ServerRequest request) {
        if (!Viewers.oversight(caller) && !caller.has(Role.HOLDER) && !viewers.qualifiedInvestor(caller)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only holders, qualified investors, staff and regulators read a book");
        }
        String fundCode = request.path().pathParameters().get("fundCode");
        return books.depth(fundCode).orElseThrow(() -> ListParams.notFound("order book of " + fundCode));
    }

    /** {@code ?listing&status&after&limit}: {@code {bids[], nextAfter?}}, the caller's own bids across listings. */
    Object bids(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "listing", "status");
        List<BidView> found = books.bids(viewers.of(caller), params.number("listing"), params.oneOf("status", BID_STATUS),
                params.fetch());
        return params.body("bids", found, BidView::bidId, bid -> ListingEndpoints.fields(bid, Viewers.viewer(caller)));
    }
}
