package fundexchange.gateway.http;

import fundexchange.engine.reference.Role;
import java.util.List;
import java.util.Set;

/**
 * One write endpoint: the command type it submits, the path parameters copied into the command (as numbers when
 * {@code numeric}), and the roles allowed to call it (the engine checks again).
 */
record CommandRoute(String path, String commandType, List<String> pathParameters, boolean numeric, Set<Role> roles) {
    static final Set<Role> ANYONE = Set.of(Role.HOLDER, Role.INVESTOR, Role.STAFF, Role.REGULATOR);

    static CommandRoute of(String path, String commandType, Set<Role> roles) {
        return new CommandRoute(path, commandType, List.of(), false, roles);
    }

    static CommandRoute withId(String path, String commandType, String parameter, boolean numeric, Set<Role> roles) {
        return new CommandRoute(path, commandType, List.of(parameter), numeric, roles);
    }

    /** Every write endpoint of the API (docs/api.md). */
    static List<CommandRoute> all() {
        Set<Role> staff = Set.of(Role.STAFF);
        return List.of(
                of("/participants", "RegisterParticipant", staff),
                of("/proposals", "Propose", staff),
                withId("/proposals/{proposalId}/approve", "ApproveProposal", "proposalId", true, staff),
                of("/keys", "RotateKey", ANYONE),
                withId("/keys/{keyId}/revoke", "RevokeKey", "keyId", false, ANYONE),
                of("/funds", "RegisterFund", staff),
                withId("/funds/{fundCode}/nav", "UpdateNav", "fundCode", false, staff),
                of("/calendar/holidays", "SetHolidays", staff),
                of("/deposits", "DepositUnits", staff),
                of("/listings", "ListNegotiated", Set.of(Role.HOLDER)),
                withId("/listings/{listingId}/approve", "ApproveListing", "listingId", true, staff),
                withId("/listings/{listingId}/accept", "AcceptListing", "listingId", true, Set.of(Role.INVESTOR)),
                withId("/trades/{tradeId}/settle", "ConfirmSettlement", "tradeId", true, staff));
    }
}
