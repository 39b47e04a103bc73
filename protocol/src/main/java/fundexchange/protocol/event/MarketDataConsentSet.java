package fundexchange.protocol.event;

/**
 * The manager of fund {@code fundCode}, {@code manager}, opted the fund's own figures in to public market data
 * ({@code publish} true) or out of it (false).
 */
public record MarketDataConsentSet(String fundCode, boolean publish, String manager) implements PlatformEvent {
}
