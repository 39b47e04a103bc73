package fundexchange.engine.listing;

/** A trade awaits settlement (escrowed funds and registration change), then is settled. */
public enum TradeStatus {
    PENDING_SETTLEMENT, SETTLED
}
