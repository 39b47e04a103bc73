package fundexchange.protocol.event;

/** The fund's {@code manager} confirmed the register shows the funded trade's transfer (rules version 8). */
public record RegistrationConfirmed(long tradeId, String fundCode, String seller, String buyer, String manager)
        implements CashEvent {
}
