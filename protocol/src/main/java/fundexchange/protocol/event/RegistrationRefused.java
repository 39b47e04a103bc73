package fundexchange.protocol.event;

/** The fund's {@code manager} refused the funded trade's registration change, with its reason (rules version 8). */
public record RegistrationRefused(long tradeId, String fundCode, String seller, String buyer, String manager,
                                  String reason) implements CashEvent {
}
