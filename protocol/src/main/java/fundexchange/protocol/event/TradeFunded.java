package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;

/**
 * A trade is fully funded (rules version 8): it now awaits the change of the fund's register, which the fund's
 * {@code manager} confirms or refuses by {@code registrationDue} (epoch ms), else the trade unwinds.
 */
public record TradeFunded(long tradeId, String fundCode, String seller, String buyer, String manager, Units units,
                          long registrationDue) implements CashEvent {
}
