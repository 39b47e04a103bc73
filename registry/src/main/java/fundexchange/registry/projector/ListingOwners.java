package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.LISTINGS;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record2;

/**
 * The fund and seller of recent listings, which never change, so that closing a listing needs no read-back. Kept by
 * the session across transactions (a rolled-back listing comes back the same when its document is re-applied); a
 * listing not seen by this session is read from the registry.
 */
final class ListingOwners {
    private static final int CAPACITY = 100_000;

    /** A listing's fund and seller. */
    record Owner(String fundCode, String seller) {
    }

    private final Map<Long, Owner> owners = new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Owner> eldest) {
            return size() > CAPACITY;
        }
    };

    void listed(long listingId, String fundCode, String seller) {
        owners.put(listingId, new Owner(fundCode, seller));
    }

    Owner of(long listingId, DSLContext tx) {
        Owner owner = owners.get(listingId);
        if (owner == null) {
            Record2<String, String> row = tx.select(LISTINGS.FUND_CODE, LISTINGS.SELLER).from(LISTINGS)
                    .where(LISTINGS.LISTING_ID.eq(listingId)).fetchOne();
            if (row == null) {
                throw new IllegalStateException("no listing " + listingId + " in the registry");
            }
            owner = new Owner(row.value1(), row.value2());
            owners.put(listingId, owner);
        }
        return owner;
    }
}
