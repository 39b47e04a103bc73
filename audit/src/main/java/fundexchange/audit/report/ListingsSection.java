package fundexchange.audit.report;

import java.util.List;

/**
 * Listing activity by mechanism.
 *
 * @param byMechanismAndState distinct listings per mechanism and state on the day, sorted by mechanism then state
 *                            (the standard states appear for every known mechanism, with zero counts)
 * @param activity            each listing event of the day, in journal order
 */
public record ListingsSection(List<ListingCount> byMechanismAndState, List<ListingActivity> activity) {
    public ListingsSection {
        byMechanismAndState = List.copyOf(byMechanismAndState);
        activity = List.copyOf(activity);
    }
}
