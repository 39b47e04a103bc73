package fundexchange.protocol.command;

import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Units;

/** Staff records units deposited into custody with the holder's cost basis. */
public record DepositUnits(String fundCode, String holder, Units units, Money cost) implements Command {
}
