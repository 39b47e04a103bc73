package fundexchange.protocol.event;

/**
 * A holder's units on the register: deposits, custody registrations and their confirmations, pledges and
 * freezes.
 */
public sealed interface HoldingEvent extends Event permits UnitsDeposited, CustodySubmitted, CustodyApproved,
        CustodyRejected, HoldingConfirmed, PledgeRegistered, PledgeReleased, UnitsFrozen, UnitsUnfrozen {
}
