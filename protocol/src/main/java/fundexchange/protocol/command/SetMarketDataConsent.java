package fundexchange.protocol.command;

/**
 * The manager of fund {@code fundCode} (the manager its transfer terms name) lets the fund's own figures appear in
 * public market data ({@code publish} true) or withdraws them (false). Group figures (strategy, vintage, index) are
 * built only from funds whose own figures are published (issue 23; docs/rules.md, Public market data). From rules
 * version 8.
 */
public record SetMarketDataConsent(String fundCode, boolean publish) implements Command {
}
