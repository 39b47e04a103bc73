package fundexchange.protocol.event;

/**
 * The {@code registrar} (the fund's manager; staff for a fund without a manager participant)
 * confirmed the register shows the funded trade's transfer (rules version 8).
 */
public record RegistrationConfirmed(long tradeId, String fundCode, String seller, String buyer, String registrar)
        implements CashEvent {
}
