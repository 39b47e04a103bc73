package fundexchange.protocol;

import fundexchange.protocol.refusal.Refusal;
import java.util.List;

/**
 * Every refusal the engine can answer, the one list a counter, a message bundle or a check of uniqueness walks: today
 * the shared {@link RejectCode}s (a mechanism's own refusals join here when a mechanism carries them). It lives beside
 * {@link RejectCode} rather than in {@code protocol.refusal}, which stays a leaf that {@code RejectCode} imports.
 */
public final class Refusals {
    private static final List<Refusal> ALL = List.of(RejectCode.values());

    private Refusals() {
    }

    /** Every refusal, the shared reject codes first in their order. */
    public static List<Refusal> all() {
        return ALL;
    }
}
