package fundexchange.gateway.http;

import fundexchange.engine.reference.Role;
import fundexchange.journal.RequestRoute;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One write endpoint: how its request becomes a command, and the roles allowed to call it (the engine checks again). */
record CommandRoute(RequestRoute request, Set<Role> roles) {
    private static final Set<Role> ANYONE = Set.of(Role.HOLDER, Role.INVESTOR, Role.STAFF, Role.REGULATOR);
    private static final Set<Role> STAFF = Set.of(Role.STAFF);
    private static final Map<String, Set<Role>> ROLES = Map.of(
            "RotateKey", ANYONE,
            "RevokeKey", ANYONE,
            "ListNegotiated", Set.of(Role.HOLDER),
            "AcceptListing", Set.of(Role.INVESTOR),
            "DeclineListing", Set.of(Role.INVESTOR),
            "WithdrawListing", Set.of(Role.HOLDER));

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
