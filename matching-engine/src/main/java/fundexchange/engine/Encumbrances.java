package fundexchange.engine;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.FreezeUnits;
import fundexchange.protocol.command.RegisterPledge;
import fundexchange.protocol.command.ReleasePledge;
import fundexchange.protocol.command.UnfreezeUnits;
import fundexchange.engine.custody.EncumbranceStatus;
import fundexchange.engine.custody.Freeze;
import fundexchange.engine.custody.Pledge;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.PledgeReleased;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.event.UnitsUnfrozen;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.Fund;
import fundexchange.protocol.reference.Role;
import java.util.List;

/**
 * Pledges (staff actions) and judicial freezes (maker-checker, CONTRACTS.md 4) over a holder's units. Each takes
 * units that are available at that moment (not locked, pledged, frozen or unconfirmed), so the encumbrances never
 * overlap and every selling path, which asks {@code Position.available()}, leaves them alone. Each is released whole.
 */
final class Encumbrances {
    private final ExchangeState state;

    Encumbrances(ExchangeState state) {
        this.state = state;
    }

    List<Event> pledge(CommandContext ctx, RegisterPledge c) {
        ctx.requireRole(Role.STAFF);
        Fund fund = Registers.fund(state, c.fundCode());
        Registers.participant(state, c.holder());
        Duties.notParty(ctx.actorId(), "a pledge of units held by " + c.holder(), c.holder());
        Registers.positive(c.units(), "units");
        Validation.text(c.pledgee(), "pledgee");
        if (c.securedAmount() != null) {
            Rejection.check(c.securedAmount().positive(), RejectCode.NOT_POSITIVE, "securedAmount must be positive");
        }
        Digests.required(c.documentDigest(), "documentDigest");
        Rejection.check(fund.custodyMode() == CustodyMode.FULL || !state.parameters.registry().pledgeRequiresFullCustody(),
                RejectCode.PLEDGE_NEEDS_FULL_CUSTODY, "fund " + fund.fundCode() + " is not in FULL custody");
        Registers.requireAvailable(state.position(fund.fundCode(), c.holder()), c.units(), "pledge");
        return List.of(new PledgeRegistered(ctx.index(), fund.fundCode(), c.holder(), c.units(), c.pledgee(),
                c.securedAmount(), c.documentDigest()));
    }

    List<Event> release(CommandContext ctx, ReleasePledge c) {
        ctx.requireRole(Role.STAFF);
        Pledge pledge = state.pledges.get(c.pledgeId());
        Rejection.check(pledge != null, RejectCode.UNKNOWN_PLEDGE, "no pledge " + c.pledgeId());
        Rejection.check(pledge.status() == EncumbranceStatus.ACTIVE, RejectCode.PLEDGE_NOT_ACTIVE,
                "pledge " + c.pledgeId() + " is " + pledge.status());
        Duties.notParty(ctx.actorId(), "pledge " + pledge.pledgeId(), pledge.holder());
        return List.of(new PledgeReleased(pledge.pledgeId(), pledge.fundCode(), pledge.holder(), pledge.units(), ctx.actorId()));
    }

    /** Decided at the proposal (to refuse early) and again at its approval, when it takes effect. */
    List<Event> freeze(FreezeUnits a, long freezeId) {
        Fund fund = Registers.fund(state, a.fundCode());
        Registers.participant(state, a.holder());
        Registers.positive(a.units(), "units");
        Validation.text(a.authority(), "authority");
        Validation.text(a.caseNumber(), "caseNumber");
        Digests.required(a.documentDigest(), "documentDigest");
        Registers.requireAvailable(state.position(fund.fundCode(), a.holder()), a.units(), "freeze");
        return List.of(new UnitsFrozen(freezeId, fund.fundCode(), a.holder(), a.units(), a.authority(), a.caseNumber(),
                a.documentDigest()));
    }

    List<Event> unfreeze(UnfreezeUnits a) {
        Freeze freeze = state.freezes.get(a.freezeId());
        Rejection.check(freeze != null, RejectCode.UNKNOWN_FREEZE, "no freeze " + a.freezeId());
        Rejection.check(freeze.status() == EncumbranceStatus.ACTIVE, RejectCode.FREEZE_NOT_ACTIVE,
                "freeze " + a.freezeId() + " is " + freeze.status());
        Validation.text(a.reason(), "reason");
        return List.of(new UnitsUnfrozen(freeze.freezeId(), freeze.fundCode(), freeze.holder(), freeze.units(), a.reason()));
    }
}
