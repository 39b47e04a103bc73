package fundexchange.protocol.event;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/**
 * Units entered custody for a holder, with cost basis. A deposit by an approved custody registration also names it
 * ({@code custodyId}) and carries the subscribed and paid-in capital behind the units; {@code unconfirmed} of them
 * (a FULL registration: all) await the holder's confirmation. The optional fields are absent for a staff
 * {@code DepositUnits}.
 */
public record UnitsDeposited(String fundCode, String holder, Units units, Money cost, int holderCount, Long custodyId,
                             Money subscribed, Money paidIn, Units unconfirmed) implements HoldingEvent {
    /** A staff deposit, without registration. */
    public UnitsDeposited(String fundCode, String holder, Units units, Money cost, int holderCount) {
        this(fundCode, holder, units, cost, holderCount, null, null, null, null);
    }
}
