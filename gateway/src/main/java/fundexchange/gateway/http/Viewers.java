package fundexchange.gateway.http;

import fundexchange.protocol.reference.Role;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.view.GatewayView;
import fundexchange.registry.read.ListingViewer;
import fundexchange.registry.read.RegistryReads;

/** Who reads: staff and regulators see everything; anyone else is a participant, qualified or not on today's date. */
final class Viewers {
    private final RegistryReads registry;
    private final GatewayView view;

    Viewers(RegistryReads registry, GatewayView view) {
        this.registry = registry;
        this.view = view;
    }

    ListingViewer of(Caller caller) {
        if (oversight(caller)) {
            return ListingViewer.oversight(caller.participantId());
        }
        return ListingViewer.participant(caller.participantId(), qualifiedInvestor(caller));
    }

    /** An investor qualified on the journal's current business date (CONTRACTS.md 2). */
    boolean qualifiedInvestor(Caller caller) {
        return caller.has(Role.INVESTOR) && registry.qualifiedInvestor(caller.participantId(), view.businessDate());
    }

    static boolean oversight(Caller caller) {
        return caller.hasAny(Role.STAFF, Role.REGULATOR);
    }
}
