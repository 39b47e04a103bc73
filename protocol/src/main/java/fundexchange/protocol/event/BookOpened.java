package fundexchange.protocol.event;

import fundexchange.protocol.money.Units;

/** Staff opened (or reopened) a fund's continuous book; every order and fill is a multiple of {@code lotUnits}. */
public record BookOpened(String fundCode, Units lotUnits) implements BookEvent {
}
