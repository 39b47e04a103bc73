package fundexchange.engine.book;

/** Decides, for each resting order an aggressor crosses in priority order, whether the fill the book offers happens. */
public interface MatchDecider {
    /** What to do with one crossing resting order. */
    enum Verdict {
        /** The fill happens; the walk continues with the aggressor's remainder. */
        FILL,
        /** No fill with this resting order (it is cancelled); the walk continues. */
        SKIP,
        /** The walk ends; the aggressor's remainder does not fill. */
        STOP
    }

    /** {@code fillUnits} (raw) is the smaller of the aggressor's remainder and the resting order's open units. */
    Verdict consider(RestingOrder resting, long fillUnits);
}
