package fundexchange.engine.custody;

/** A pledge or a freeze is ACTIVE until it is RELEASED (a pledge) or LIFTED (a freeze). */
public enum EncumbranceStatus {
    ACTIVE, RELEASED, LIFTED
}
