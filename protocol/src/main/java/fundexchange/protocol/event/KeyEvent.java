package fundexchange.protocol.event;

/** Public keys: the exchange's key at genesis, and participants' keys registered and revoked (CONTRACTS.md 3). */
public sealed interface KeyEvent extends Event permits ExchangeKeyRegistered, KeyRegistered, KeyRevoked {
}
