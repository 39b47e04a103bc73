package fundexchange.protocol.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.SealedBidPlaced;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The released mechanisms' flat terms are frozen (docs/design/mechanism-terms.md §2.1, R1): the records that carry
 * them end in the one typed {@code terms} value and take no field again, since every journal's bytes and the goldens
 * depend on their shape. A mechanism's new field goes in its own terms record ({@link ListingMechanism.ListingTerms},
 * {@link ListingMechanism.BidTerms}).
 */
class FrozenShapesTest {
    private static final String WHY = "a mechanism's field goes in its terms record (ListingMechanism.ListingTerms or"
            + " BidTerms), never in a frozen shape";

    @Test
    void theListingCommandAndEventEndInTheirTerms() {
        assertEquals("String fundCode, ListingMechanism mechanism, Units units, Price startingPrice, Price reservePrice, "
                + "Price minIncrement, long startsAt, long endsAt, Long extensionWindowMs, Long extensionMs, "
                + "boolean secondPrice, Long stepMs, Money depositAmount, Integer depositBasisPoints, "
                + "ListingMechanism$ListingTerms terms", components(ListAuction.class), WHY);
        assertEquals("long listingId, String fundCode, String seller, String buyer, Units units, Price price, "
                + "long expiresAt, ListingMechanism mechanism, AuctionTerms auction, RofrStatus rofr, Money deposit, "
                + "ListingMechanism$ListingTerms terms", components(ListingSubmitted.class), WHY);
    }

    @Test
    void theBidCommandAndEventEndInTheirTerms() {
        assertEquals("long listingId, Price price, Units units, ListingMechanism$BidTerms terms",
                components(PlaceBid.class), WHY);
        assertEquals("long listingId, long bidId, String bidder, int pseudonym, Price price, long endsAt, "
                + "boolean extended, ListingMechanism$BidTerms terms", components(BidPlaced.class), WHY);
    }

    @Test
    void theAuctionsFlatTermsTakeNoField() {
        assertEquals("Price startingPrice, Price reservePrice, Price minIncrement, long startsAt, long endsAt, "
                + "long extensionWindowMs, long extensionMs, boolean secondPrice, Long stepMs",
                components(AuctionTerms.class), WHY);
    }

    /**
     * A sealed bid carries no terms (docs/design/mechanism-terms.md, R8): a mechanism's terms have no "sealed until
     * the close", they are whole to oversight and to exports (audit bundles, the journal dump) and stored in clear in
     * the registry from the bid on, while a sealed bid's price reaches nobody before the close (CONTRACTS.md 12). Bid
     * terms therefore travel only with open bids ({@code PlaceBid}, {@code BidPlaced}).
     */
    @Test
    void aSealedBidCarriesNoTerms() {
        String why = "a sealed bid's terms would reach oversight and exports before the close: give terms a sealed-until-"
                + "close notion first (TermsDisclosure, SealedBidWithholding, the registry's projection; design R8)";
        assertEquals("long listingId, Price price, String nonce", components(PlaceSealedBid.class), why);
        assertEquals("long bidId, Price price, String nonce", components(AmendSealedBid.class), why);
        assertEquals("long listingId, long bidId, String bidder, int pseudonym, Price price, String nonce, "
                + "String commitment", components(SealedBidPlaced.class), why);
    }

    @Test
    void noReleasedMechanismClaimsTerms() {
        for (ListingMechanism mechanism : java.util.List.of(ListingMechanism.NEGOTIATED, ListingMechanism.ENGLISH,
                ListingMechanism.SEALED, ListingMechanism.DUTCH)) {
            assertEquals(null, mechanism.listingTerms(), mechanism.name());
            assertEquals(null, mechanism.bidTerms(), mechanism.name());
        }
    }

    private static String components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map(c -> c.getType().getName().replaceAll("^[\\w.]+\\.", "") + " " + c.getName())
                .collect(Collectors.joining(", "));
    }
}
