package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fundexchange.protocol.event.AuctionClosed;
import fundexchange.protocol.event.BidCancelled;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.auth.Caller;
import fundexchange.signing.SigningScheme;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A write's answer (and {@code /requests/{id}}) as each caller sees it. */
class DocumentShaperTest {
    private static final String NONCE = "5e".repeat(32);
    private static final SealedBidPlaced BID = new SealedBidPlaced(10, 12, "Investor-07", 1, Price.of("1.2000"), NONCE,
            SealedCommitment.of(NONCE, Price.of("1.2000")));
    private static final EventDocument AMEND = new EventDocument(1, 12, 1_795_000_000_000L, "Investor-07", "req-1",
            Outcome.ACCEPTED, List.of(new AuctionClosed(3, ListingMechanism.SEALED, List.of(), 0, null),
            new BidCancelled(10, 11, "Investor-07", 1), BID));

    private static Caller caller(String id, Role role) {
        return new Caller(id, Set.of(role), id + "-k1", "ED25519", "c2ln", 0, "req", "GET", "/feed", "", "", new byte[0],
                SigningScheme.FXS2);
    }

    @Test
    void theBidderSeesItsOwnSealedPriceAndOnlyTheEventsNamingIt() {
        EventDocument shaped = DocumentShaper.forCaller(AMEND, caller("Investor-07", Role.INVESTOR));
        assertEquals(List.of(new BidCancelled(10, 11, "Investor-07", 1), BID), shaped.events());
    }

    @Test
    void staffAndRegulatorsSeeEveryEventButNoSealedPriceNorNonceOnlyTheCommitment() {
        for (Role oversight : List.of(Role.STAFF, Role.REGULATOR)) {
            EventDocument shaped = DocumentShaper.forCaller(AMEND, caller("Staff-01", oversight));
            assertEquals(3, shaped.events().size());
            SealedBidPlaced bid = (SealedBidPlaced) shaped.events().get(2);
            assertNull(bid.price(), "a sealed price reaches nobody but its bidder before the close");
            assertEquals(new SealedBidPlaced(10, 12, "Investor-07", 1, null, null, SealedCommitment.of(NONCE, Price.of("1.2000"))), bid);
        }
    }

    @Test
    void anotherInvestorSeesNothingOfTheBid() {
        assertEquals(List.of(), DocumentShaper.forCaller(AMEND, caller("Investor-08", Role.INVESTOR)).events());
    }
}
