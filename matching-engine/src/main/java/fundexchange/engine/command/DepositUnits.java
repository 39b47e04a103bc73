package fundexchange.engine.command;

import fundexchange.engine.money.Money;
import fundexchange.engine.money.Units;

/** Staff records units deposited into custody with the holder's cost basis. */
public record DepositUnits(String fundCode, String holder, Units units, Money cost) implements Command {
}
