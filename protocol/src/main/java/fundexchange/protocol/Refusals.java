package fundexchange.protocol;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.refusal.Refusal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every refusal the engine can answer, the one list a counter, a message bundle or a check of uniqueness walks: the
 * shared {@link RejectCode}s, then each {@link ListingMechanism}'s own ({@link ListingMechanism#refusals()}). It lives
 * beside {@link RejectCode} rather than in {@code protocol.refusal}, which stays a leaf that {@code RejectCode} imports.
 * Two refusals of one number fail its class load ({@code RejectCode} checks its own alone).
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
        return unique(all);
    }

    /**
     * {@code all}, unless two of its refusals share a number: then an {@link IllegalStateException} at class load, so a
     * mechanism's code that repeats a shared one (or another mechanism's) stops the engine node before it answers.
     */
    static List<Refusal> unique(List<Refusal> all) {
        Map<Integer, Refusal> byCode = new HashMap<>();
        for (Refusal refusal : all) {
            Refusal other = byCode.putIfAbsent(refusal.code(), refusal);
            if (other != null) {
                throw new IllegalStateException("refusal code " + refusal.code() + " is both " + name(other) + " and "
                        + name(refusal));
            }
        }
        return List.copyOf(all);
    }

    private static String name(Refusal refusal) {
        return refusal.getClass().getName() + "." + refusal.name();
    }
}
