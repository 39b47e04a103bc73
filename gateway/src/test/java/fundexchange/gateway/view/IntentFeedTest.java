package fundexchange.gateway.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.MatchAgreed;
import fundexchange.protocol.event.MatchBrokered;
import fundexchange.protocol.event.MatchProposed;
import fundexchange.protocol.event.OfferPosted;
import fundexchange.protocol.event.QuoteCountered;
import fundexchange.protocol.event.QuoteSubmitted;
import fundexchange.protocol.intent.OfferVisibility;
import fundexchange.protocol.intent.Side;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who sees what of intent matching in the feeds (docs/matching.md, CONTRACTS.md 12). */
class IntentFeedTest {
    private static final String HOLDER = "Holder-01";
    private static final String INVESTOR = "Investor-07";
    private final FeedStore feeds = new FeedStore();
    private final FeedShaper shaper = new FeedShaper();
    private long index;

    private void doc(String participant, Event... events) {
        index++;
        shaper.shape(new EventDocument(1, index, 1_795_000_000_000L + index, participant, "req-" + index,
                Outcome.ACCEPTED, List.of(events)), feeds::add);
    }

    private String feed(String viewer) {
        return JournalCodec.mapper().valueToTree(feeds.read(viewer, 0, 1000)).toString();
    }

    @Test
    void theHolderSeesQuotesAndBrokeredProposalsUnderPseudonymsUntilBothAgree() {
        doc(HOLDER, new OfferPosted(1, "DGF3", HOLDER, Units.of("1000.00"), Units.of("100.00"), Price.of("1.2000"), 8000,
                Multiple.of("1.2000"), OfferVisibility.QUALIFIED_ONLY, 0));
        doc(INVESTOR, new QuoteSubmitted(2, 1, "DGF3", INVESTOR, 1, Price.of("1.1000"), Units.of("500.00"), 7333));
        doc(HOLDER, new QuoteCountered(2, 1, 1, Side.HOLDER, 1, Price.of("1.1500"), Units.of("500.00"), 7666));
        assertTrue(feed(HOLDER).contains("\"type\":\"QuoteSubmitted\""), feed(HOLDER));
        assertTrue(feed(HOLDER).contains("\"investor\":\"P1\""), feed(HOLDER));
        assertFalse(feed(HOLDER).contains(INVESTOR), "the holder never sees the investor's id before the reveal");
        assertTrue(feed(INVESTOR).contains("\"type\":\"QuoteCountered\""), feed(INVESTOR));
        assertFalse(feed(INVESTOR).contains(HOLDER), "the investor never sees the holder's id before the reveal");

        doc("Staff-01", new MatchProposed(40960, 1, 3, "DGF3", 1, Units.of("500.00"), Price.of("1.1500"),
                Money.of("575.00"), 7666, 300));
        assertFalse(feed(HOLDER).contains("MatchProposed"), "proposals before brokering reach staff only");
        assertFalse(feed(INVESTOR).contains("MatchProposed"), "proposals before brokering reach staff only");
        doc(INVESTOR, new fundexchange.protocol.event.IntentPosted(3, INVESTOR, List.of("DGF3"), null, Money.of("100.00"),
                Money.of("1000.00"), 9000, 0));
        doc("Staff-02", new MatchBrokered(40960, 1, 3, "DGF3", 1, Units.of("500.00"), Price.of("1.1500"), 7666, "Staff-02"));
        assertTrue(feed(HOLDER).contains("MatchBrokered") && feed(INVESTOR).contains("MatchBrokered"));
        assertFalse(feed(HOLDER).contains("Staff-02") || feed(INVESTOR).contains("Staff-02"));
        assertFalse(feed(HOLDER).contains("\"intentId\""), "the investor's intent id stays with the investor");
        assertTrue(feed(INVESTOR).contains("\"intentId\":3"), feed(INVESTOR));

        doc(INVESTOR, new MatchAgreed(40960, 1, 3, HOLDER, INVESTOR));
        assertTrue(feed(HOLDER).contains(INVESTOR) && feed(INVESTOR).contains(HOLDER), "both accepted: revealed");
        assertFalse(feed("Investor-08").contains("DGF3"), "nobody else hears of it");
    }
}
