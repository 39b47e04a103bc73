package fundexchange.engine.listing;

/** A trade awaits settlement (escrowed funds and registration change), then is settled or fails. */
public enum TradeStatus {
    PENDING_SETTLEMENT, SETTLED, FAILED
}
