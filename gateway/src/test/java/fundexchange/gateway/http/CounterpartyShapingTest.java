package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import fundexchange.protocol.reference.Role;
import fundexchange.gateway.auth.Caller;
import fundexchange.signing.SigningScheme;
import fundexchange.registry.read.MatchView;
import fundexchange.registry.read.OfferView;
import fundexchange.registry.read.QuoteView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What each caller sees of offers, quotes and match proposals (CONTRACTS.md 12, docs/matching.md). */
class CounterpartyShapingTest {
    private static final OfferView OFFER = new OfferView(11, "DGF3", "Holder-01", new BigDecimal("100.00"),
            new BigDecimal("60.00"), new BigDecimal("10.00"), new BigDecimal("1.2000"), 8000, new BigDecimal("1.2000"),
            "PUBLIC_TEASER", 0, "OPEN", null);

    private static Caller caller(String id, Role role) {
        return new Caller(id, Set.of(role), id + "-k1", "ED25519", "c2ln", 0, "req", "GET", "/quotes", "", "", new byte[0],
                SigningScheme.FXS2);
    }

    private static QuoteView quote(String status) {
        return new QuoteView(12, 11, "DGF3", "Holder-01", "Investor-07", 2, new BigDecimal("1.1000"),
                new BigDecimal("10.00"), 7333, 0, "OPEN".equals(status) ? "HOLDER" : null, status, null, null, List.of());
    }

    private static MatchView match(String status) {
        return new MatchView(40960, 11, 9, "DGF3", "Holder-01", "Investor-07", 1, new BigDecimal("25.00"),
                new BigDecimal("1.2000"), new BigDecimal("30.00"), 8000, 1000, status, 3, "Staff-02", 10L, false, false,
                null, 10, null);
    }

    @Test
    void anOfferIsWholeForItsHolderAndOversightAndATeaserForEveryoneElse() {
        assertSame(OFFER, OfferEndpoints.shaped(OFFER, caller("Holder-01", Role.HOLDER)));
        assertSame(OFFER, OfferEndpoints.shaped(OFFER, caller("Regulator-01", Role.REGULATOR)));
        assertEquals(List.of("offerId", "fundCode", "units", "minLot", "askPrice", "askPercentOfNavBasisPoints", "visibility",
                "expiresAt", "status"), List.copyOf(((Map<?, ?>) OfferEndpoints.shaped(OFFER, caller("Investor-07", Role.INVESTOR)))
                .keySet()));
        assertEquals(new BigDecimal("60.00"), ((Map<?, ?>) OfferEndpoints.shaped(OFFER, caller("Holder-02", Role.HOLDER))).get("units"));
    }

    @Test
    void theHolderSeesTheQuotingInvestorAsItsPseudonymUntilTheQuoteMadeATrade() {
        Map<?, ?> open = (Map<?, ?>) OfferEndpoints.shaped(quote("OPEN"), caller("Holder-01", Role.HOLDER));
        assertEquals(List.of("P2", "Holder-01"), List.of(open.get("investor"), open.get("holder")));
        Map<?, ?> accepted = (Map<?, ?>) OfferEndpoints.shaped(quote("ACCEPTED"), caller("Holder-01", Role.HOLDER));
        assertEquals("Investor-07", accepted.get("investor"));
    }

    @Test
    void theInvestorSeesItsOwnQuoteWithoutTheHolderUntilTheTrade() {
        Map<?, ?> open = (Map<?, ?>) OfferEndpoints.shaped(quote("DECLINED"), caller("Investor-07", Role.INVESTOR));
        assertEquals(List.of(false, "Investor-07"), List.of(open.containsKey("holder"), open.get("investor")));
        Map<?, ?> accepted = (Map<?, ?>) OfferEndpoints.shaped(quote("ACCEPTED"), caller("Investor-07", Role.INVESTOR));
        assertEquals("Holder-01", accepted.get("holder"));
    }

    @Test
    void aBrokeredProposalHidesRankingStaffAndTheOtherPartyUntilAgreed() {
        Map<?, ?> holder = (Map<?, ?>) IntentEndpoints.shaped(match("BROKERED"), caller("Holder-01", Role.HOLDER));
        assertEquals(List.of("matchId", "offerId", "fundCode", "holder", "investor", "investorPseudonym", "units", "price",
                "percentOfNavBasisPoints", "status", "holderAccepted", "investorAccepted", "closedBy", "brokeredIndex",
                "closedIndex"), List.copyOf(holder.keySet()));
        assertEquals("P3", holder.get("investor"));
        Map<?, ?> investor = (Map<?, ?>) IntentEndpoints.shaped(match("BROKERED"), caller("Investor-07", Role.INVESTOR));
        assertEquals(List.of(false, 9L), List.of(investor.containsKey("holder"), investor.get("intentId")));
        Map<?, ?> agreed = (Map<?, ?>) IntentEndpoints.shaped(match("AGREED"), caller("Holder-01", Role.HOLDER));
        assertEquals(List.of("Holder-01", "Investor-07"), List.of(agreed.get("holder"), agreed.get("investor")));
        assertSame(MatchView.class, IntentEndpoints.shaped(match("PROPOSED"), caller("Staff-01", Role.STAFF)).getClass());
    }
}
