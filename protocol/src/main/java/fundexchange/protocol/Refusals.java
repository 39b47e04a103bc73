package fundexchange.protocol;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.refusal.Refusal;
import java.util.ArrayList;
import java.util.List;

/**
 * Every refusal the engine can answer, the one list a counter, a message bundle or a check of uniqueness walks: the
 * shared {@link RejectCode}s, then each {@link ListingMechanism}'s own ({@link ListingMechanism#refusals()}). It lives
 * beside {@link RejectCode} rather than in {@code protocol.refusal}, which stays a leaf that {@code RejectCode} imports.
 */
public final class Refusals {
    private static final List<Refusal> ALL = collect();

    private Refusals() {
    }

    /** Every refusal: the shared reject codes in their order, then each mechanism's in the enum's order and code order. */
    public static List<Refusal> all() {
        return ALL;
    }

    private static List<Refusal> collect() {
        List<Refusal> all = new ArrayList<>(List.of(RejectCode.values()));
        for (ListingMechanism mechanism : ListingMechanism.values()) {
            all.addAll(mechanism.refusals());
        }
        return List.copyOf(all);
    }
}
