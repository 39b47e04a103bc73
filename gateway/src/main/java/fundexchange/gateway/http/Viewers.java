package fundexchange.gateway.http;

import fundexchange.protocol.disclosure.Viewer;
import fundexchange.protocol.reference.ParticipantStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.view.GatewayView;
import fundexchange.registry.read.ListingViewer;
import fundexchange.registry.read.RegistryReads;

/**
 * Who reads, as {@link fundexchange.protocol.disclosure.DisclosurePolicy} takes it. A {@link Caller} is already reduced to its
 * standing ({@code ReadHandler} drops the STAFF and REGULATOR roles of one that is not ACTIVE), so it views as an ACTIVE
 * participant with the roles it carries; a write's answer is shaped by the roles its request was signed with.
 */
final class Viewers {
    private final RegistryReads registry;
    private final GatewayView view;

    Viewers(RegistryReads registry, GatewayView view) {
        this.registry = registry;
        this.view = view;
    }

    /** The caller for the registry's reads, with whether it is an investor qualified today. */
    ListingViewer of(Caller caller) {
        return ListingViewer.of(new Viewer(caller.participantId(), caller.roles(), ParticipantStatus.ACTIVE,
                !oversight(caller) && qualifiedInvestor(caller)));
    }

    /** The caller as a viewer, qualification not asked (no rule about single answers needs it). */
    static Viewer viewer(Caller caller) {
        return Viewer.active(caller.participantId(), caller.roles());
    }

    /** An investor qualified on the journal's current business date (CONTRACTS.md 2). */
    boolean qualifiedInvestor(Caller caller) {
        return caller.has(Role.INVESTOR) && registry.qualifiedInvestor(caller.participantId(), view.businessDate());
    }

    static boolean oversight(Caller caller) {
        return viewer(caller).oversight();
    }
}
