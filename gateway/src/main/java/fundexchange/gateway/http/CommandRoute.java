package fundexchange.gateway.http;

import fundexchange.protocol.reference.Role;
import fundexchange.journal.RequestRoute;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One write endpoint: how its request becomes a command, and the roles allowed to call it (the engine checks again). */
record CommandRoute(RequestRoute request, Set<Role> roles) {
    private static final Set<Role> ANYONE = Set.of(Role.HOLDER, Role.INVESTOR, Role.STAFF, Role.REGULATOR);
    private static final Set<Role> STAFF = Set.of(Role.STAFF);
    private static final Set<Role> HOLDER = Set.of(Role.HOLDER);
    private static final Set<Role> INVESTOR = Set.of(Role.INVESTOR);
    /** Book orders: a holder sells, an investor buys (the engine checks the side's role). */
    private static final Set<Role> TRADER = Set.of(Role.HOLDER, Role.INVESTOR);
    private static final Set<Role> PARTIES = Set.of(Role.HOLDER, Role.INVESTOR);
    private static final Map<String, Set<Role>> ROLES = Map.ofEntries(
            Map.entry("RotateKey", ANYONE),
            Map.entry("RevokeKey", ANYONE),
            Map.entry("ListNegotiated", HOLDER),
            Map.entry("ListAuction", HOLDER),
            Map.entry("AcceptListing", INVESTOR),
            Map.entry("DeclineListing", INVESTOR),
            Map.entry("WithdrawListing", HOLDER),
            Map.entry("PlaceBid", INVESTOR),
            Map.entry("PlaceSealedBid", INVESTOR),
            Map.entry("AmendSealedBid", INVESTOR),
            Map.entry("CancelBid", INVESTOR),
            Map.entry("PlaceOrder", TRADER),
            Map.entry("CancelOrder", TRADER),
            Map.entry("AmendOrder", TRADER),
            Map.entry("PostOffer", HOLDER),
            Map.entry("WithdrawOffer", HOLDER),
            Map.entry("SubmitQuote", INVESTOR),
            Map.entry("CounterQuote", PARTIES),
            Map.entry("AcceptQuote", PARTIES),
            Map.entry("DeclineQuote", PARTIES),
            Map.entry("PostIntent", INVESTOR),
            Map.entry("AmendIntent", INVESTOR),
            Map.entry("CancelIntent", INVESTOR),
            Map.entry("AcceptMatch", PARTIES),
            Map.entry("DeclineMatch", PARTIES),
            Map.entry("SubmitCustody", HOLDER),
            Map.entry("ConfirmHolding", HOLDER));

    String path() {
        return request.path();
    }

    String commandType() {
        return request.commandType();
    }

    /** Every write endpoint of the API (docs/api.md); staff only unless listed otherwise. */
    static List<CommandRoute> all() {
        return RequestRoute.ALL.stream()
                .map(route -> new CommandRoute(route, ROLES.getOrDefault(route.commandType(), STAFF)))
                .toList();
    }
}
