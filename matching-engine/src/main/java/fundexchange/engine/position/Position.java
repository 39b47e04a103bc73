package fundexchange.engine.position;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/**
 * A holder's units in one fund: total, locked by open listings, offers, sell orders or pending trades, cost basis of
 * the total, and the anti-flip record: the business date units were last acquired by a trade ({@code acquiredOn}, null
 * if only deposited) and how many units acquired up to then are still inside the anti-flip period as of that date
 * ({@code acquiredUnits}; null in records from before it existed, meaning all units). The encumbrances {@code pledged}
 * (registered pledges), {@code frozen} (judicial freezes) and {@code unconfirmed} (deposited by a FULL custody
 * registration, not yet confirmed by the holder) are disjoint from each other and from {@code locked}; none of them can
 * be sold. {@code subscribed} and {@code paidIn} are the commitment behind the units as registered in custody (zero
 * when deposited without a registration); they move with the units at settlement, in proportion. {@code registering}
 * (rules version 9): units delivered to this holder by trades whose registration change is awaited, its own but
 * locked pending that change (null when none, so that positions without them keep their hashes), disjoint from the
 * other encumbrances and from {@code locked}.
 */
public record Position(String fundCode, String holder, Units units, Units locked, Money cost, String acquiredOn,
                       Units acquiredUnits, Units pledged, Units frozen, Units unconfirmed, Money subscribed,
                       Money paidIn, Units registering) {
    /** Absent encumbrances and commitments (snapshots and journals written before they existed) are zero. */
    public Position {
        pledged = pledged == null ? Units.ZERO : pledged;
        frozen = frozen == null ? Units.ZERO : frozen;
        unconfirmed = unconfirmed == null ? Units.ZERO : unconfirmed;
        subscribed = subscribed == null ? Money.ZERO : subscribed;
        paidIn = paidIn == null ? Money.ZERO : paidIn;
        registering = registering == null || registering.raw() == 0 ? null : registering;
    }

    /** A position without encumbrances, registered commitment or units pending registration. */
    public Position(String fundCode, String holder, Units units, Units locked, Money cost, String acquiredOn,
                    Units acquiredUnits, Units pledged, Units frozen, Units unconfirmed, Money subscribed,
                    Money paidIn) {
        this(fundCode, holder, units, locked, cost, acquiredOn, acquiredUnits, pledged, frozen, unconfirmed, subscribed,
                paidIn, null);
    }

    /** A position without encumbrances or registered commitment. */
    public Position(String fundCode, String holder, Units units, Units locked, Money cost, String acquiredOn) {
        this(fundCode, holder, units, locked, cost, acquiredOn, null, null, null, null, null, null, null);
    }

    /** Units delivered to this holder pending their registration change (zero when none). */
    public Units pendingRegistration() {
        return registering == null ? Units.ZERO : registering;
    }

    /**
     * Units registered to this holder: its units less those delivered to it pending their registration change (rules
     * version 9; the same as {@code units} before). Who holds the priority right, and with what weight, counts these.
     */
    public Units registeredUnits() {
        return units.minus(pendingRegistration());
    }

    public Position withRegistering(Units newRegistering) {
        return new Position(fundCode, holder, units, locked, cost, acquiredOn, acquiredUnits, pledged, frozen,
                unconfirmed, subscribed, paidIn, newRegistering);
    }

    public static Position empty(String fundCode, String holder) {
        return new Position(fundCode, holder, Units.ZERO, Units.ZERO, Money.ZERO, null);
    }

    /** Units that may be listed or sold: neither locked nor encumbered. */
    public Units available() {
        return units.minus(locked).minus(pledged).minus(frozen).minus(unconfirmed).minus(pendingRegistration());
    }

    public Position withUnits(Units newUnits, Units newLocked, Money newCost) {
        return new Position(fundCode, holder, newUnits, newLocked, newCost, acquiredOn, acquiredUnits, pledged, frozen,
                unconfirmed, subscribed, paidIn, registering);
    }

    public Position withLocked(Units newLocked) {
        return withUnits(units, newLocked, cost);
    }

    public Position withAcquiredUnits(Units newAcquiredUnits) {
        return new Position(fundCode, holder, units, locked, cost, acquiredOn, newAcquiredUnits, pledged, frozen,
                unconfirmed, subscribed, paidIn, registering);
    }

    /**
     * Records {@code bought} units acquired on {@code businessDate}; {@code earlierStillRestricted} says whether the
     * previous acquisitions are still inside the anti-flip period on that date (then they add up).
     */
    public Position acquired(String businessDate, Units bought, boolean earlierStillRestricted) {
        Units restricted = earlierStillRestricted && acquiredUnits != null ? acquiredUnits.plus(bought) : bought;
        return new Position(fundCode, holder, units, locked, cost, businessDate, restricted.min(units), pledged, frozen,
                unconfirmed, subscribed, paidIn, registering);
    }

    public Position withPledged(Units newPledged) {
        return new Position(fundCode, holder, units, locked, cost, acquiredOn, acquiredUnits, newPledged, frozen,
                unconfirmed, subscribed, paidIn, registering);
    }

    public Position withFrozen(Units newFrozen) {
        return new Position(fundCode, holder, units, locked, cost, acquiredOn, acquiredUnits, pledged, newFrozen,
                unconfirmed, subscribed, paidIn, registering);
    }

    public Position withUnconfirmed(Units newUnconfirmed) {
        return new Position(fundCode, holder, units, locked, cost, acquiredOn, acquiredUnits, pledged, frozen,
                newUnconfirmed, subscribed, paidIn, registering);
    }

    public Position withCommitment(Money newSubscribed, Money newPaidIn) {
        return new Position(fundCode, holder, units, locked, cost, acquiredOn, acquiredUnits, pledged, frozen,
                unconfirmed, newSubscribed, newPaidIn, registering);
    }

    public boolean isEmpty() {
        return units.raw() == 0 && locked.raw() == 0;
    }

    /** True when nothing at all is recorded: the engine then drops the position. */
    public boolean holdsNothing() {
        return isEmpty() && cost.raw() == 0 && pledged.raw() == 0 && frozen.raw() == 0 && unconfirmed.raw() == 0
                && subscribed.raw() == 0 && paidIn.raw() == 0 && registering == null;
    }
}
