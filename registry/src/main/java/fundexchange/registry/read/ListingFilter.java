package fundexchange.registry.read;

import java.util.Objects;
import java.util.Optional;

/** Which listings a list selects; every present value must match. */
public record ListingFilter(Optional<String> status, Optional<String> mechanism, Optional<String> fundCode) {
    /** Every listing the viewer may see. */
    public static final ListingFilter ALL = new ListingFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public ListingFilter {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(fundCode, "fundCode");
    }
}
