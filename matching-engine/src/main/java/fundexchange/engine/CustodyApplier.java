package fundexchange.engine;

import fundexchange.engine.custody.CustodyRegistration;
import fundexchange.engine.custody.CustodyStatus;
import fundexchange.engine.custody.EncumbranceStatus;
import fundexchange.engine.custody.Freeze;
import fundexchange.engine.custody.Pledge;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodyRejected;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.HoldingConfirmed;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.PledgeReleased;
import fundexchange.protocol.event.TradeSettled;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.event.UnitsUnfrozen;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;
import fundexchange.engine.position.Position;
import fundexchange.protocol.reference.CustodyMode;
import java.util.ArrayList;
import java.util.List;

/** {@link StateApplier}'s part for custody registrations, pledges and freezes. Never rejects. */
final class CustodyApplier {
    private final ExchangeState state;

    CustodyApplier(ExchangeState state) {
        this.state = state;
    }

    void submitted(CustodySubmitted e) {
        state.putCustody(new CustodyRegistration(e.custodyId(), e.fundCode(), e.mode(), e.submittedBy(),
                e.entries(), e.documentDigest(), CustodyStatus.PENDING_APPROVAL, List.of()));
    }

    /** FULL: every holder on the register has yet to confirm. The deposits follow as their own events. */
    void approved(CustodyApproved e) {
        CustodyRegistration registration = state.custody.get(e.custodyId());
        List<String> unconfirmed = new ArrayList<>();
        if (registration.mode() == CustodyMode.FULL) {
            registration.entries().forEach(entry -> unconfirmed.add(entry.holder()));
        }
        state.putCustody(registration.withStatus(CustodyStatus.APPROVED, unconfirmed));
    }

    void rejected(CustodyRejected e) {
        CustodyRegistration registration = state.custody.get(e.custodyId());
        state.putCustody(registration.withStatus(CustodyStatus.REJECTED, List.of()));
    }

    void confirmed(HoldingConfirmed e) {
        CustodyRegistration registration = state.custody.get(e.custodyId());
        List<String> unconfirmed = new ArrayList<>(registration.unconfirmedHolders());
        unconfirmed.remove(e.holder());
        state.putCustody(registration.withStatus(registration.status(), unconfirmed));
        Position position = state.position(e.fundCode(), e.holder());
        state.putPosition(position.withUnconfirmed(position.unconfirmed().minus(e.units())));
    }

    void pledged(PledgeRegistered e) {
        state.pledges.put(e.pledgeId(), new Pledge(e.pledgeId(), e.fundCode(), e.holder(), e.units(), e.pledgee(),
                e.securedAmount(), e.documentDigest(), EncumbranceStatus.ACTIVE));
        Position position = state.position(e.fundCode(), e.holder());
        state.putPosition(position.withPledged(position.pledged().plus(e.units())));
    }

    void released(PledgeReleased e) {
        state.pledges.computeIfPresent(e.pledgeId(), (id, p) -> p.withStatus(EncumbranceStatus.RELEASED));
        Position position = state.position(e.fundCode(), e.holder());
        state.putPosition(position.withPledged(position.pledged().minus(e.units())));
    }

    void frozen(UnitsFrozen e) {
        state.freezes.put(e.freezeId(), new Freeze(e.freezeId(), e.fundCode(), e.holder(), e.units(), e.authority(),
                e.caseNumber(), e.documentDigest(), EncumbranceStatus.ACTIVE));
        Position position = state.position(e.fundCode(), e.holder());
        state.putPosition(position.withFrozen(position.frozen().plus(e.units())));
    }

    void unfrozen(UnitsUnfrozen e) {
        state.freezes.computeIfPresent(e.freezeId(), (id, f) -> f.withStatus(EncumbranceStatus.LIFTED));
        Position position = state.position(e.fundCode(), e.holder());
        state.putPosition(position.withFrozen(position.frozen().minus(e.units())));
    }

    /** The position before a deposit, with the deposit's unconfirmed units and commitment added (units are not). */
    static Position deposited(Position before, UnitsDeposited e) {
        Units unconfirmed = e.unconfirmed() == null ? Units.ZERO : e.unconfirmed();
        return before.withUnconfirmed(before.unconfirmed().plus(unconfirmed))
                .withCommitment(before.subscribed().plus(orZero(e.subscribed())), before.paidIn().plus(orZero(e.paidIn())));
    }

    /** A settlement's commitment leaving the seller, or reaching the buyer. */
    static Position commitmentMoved(Position position, TradeSettled e, boolean toBuyer) {
        Money subscribed = orZero(e.subscribedMoved());
        Money paidIn = orZero(e.paidInMoved());
        return toBuyer
                ? position.withCommitment(position.subscribed().plus(subscribed), position.paidIn().plus(paidIn))
                : position.withCommitment(position.subscribed().minus(subscribed), position.paidIn().minus(paidIn));
    }

    private static Money orZero(Money amount) {
        return amount == null ? Money.ZERO : amount;
    }
}
