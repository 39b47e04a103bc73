package fundexchange.protocol.event;

/**
 * The {@code registrar} (the fund's manager; staff for a fund without a manager participant)
 * refused the funded trade's registration change, with its reason (rules version 8).
 */
public record RegistrationRefused(long tradeId, String fundCode, String seller, String buyer, String registrar,
                                  String reason) implements CashEvent {
}
