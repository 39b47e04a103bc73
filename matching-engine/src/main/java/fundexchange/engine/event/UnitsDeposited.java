package fundexchange.engine.event;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Units;

/** Units entered custody for a holder, with cost basis. */
public record UnitsDeposited(String fundCode, String holder, Units units, Money cost, int holderCount) implements Event {
}
