package fundexchange.gateway.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.custody.CustodyEntry;
import fundexchange.protocol.event.CustodyApproved;
import fundexchange.protocol.event.CustodySubmitted;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.HoldingConfirmed;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.event.OrderCancelled;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.UnitsFrozen;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who hears of book orders, custody registrations, pledges and freezes in the feeds (CONTRACTS.md 12). */
class PositionFeedTest {
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

    private static CustodyEntry line(String holder, String units) {
        return new CustodyEntry(holder, Units.of(units), Money.of(units), Money.of(units), Money.of(units));
    }

    @Test
    void eachHolderOnARegisterSeesOnlyItsOwnLineThenTheApprovalAndTheSubmitterHearsTheConfirmations() {
        doc("Holder-01", new CustodySubmitted(5, "DF01", CustodyMode.FULL, "Holder-01",
                List.of(line("Holder-01", "600000.00"), line("Holder-02", "300000.00"), line("Holder-03", "100000.00")),
                "ab".repeat(32)));
        assertTrue(feed("Holder-01").contains("300000.00") && feed("Holder-01").contains("100000.00"), feed("Holder-01"));
        assertTrue(feed("Holder-02").contains("300000.00"), feed("Holder-02"));
        assertFalse(feed("Holder-02").contains("600000.00") || feed("Holder-02").contains("Holder-03"),
                "another holder's line stays hidden: " + feed("Holder-02"));
        assertFalse(feed("Holder-02").contains("submittedBy"), "nor who submitted the register");
        doc("Staff-02", new CustodyApproved(5, "DF01", "Staff-02"));
        assertTrue(feed("Holder-03").contains("CustodyApproved"), feed("Holder-03"));
        doc("Holder-02", new HoldingConfirmed(5, "DF01", "Holder-02", Units.of("300000.00")));
        assertTrue(feed("Holder-01").contains("HoldingConfirmed"), "the submitter hears each confirmation");
        assertFalse(feed("Holder-03").contains("HoldingConfirmed"), "other holders do not");
        assertFalse(feed("Investor-07").contains("DF01"), "nobody else hears of the register");
    }

    @Test
    void anOrdersOwnerHearsItsCancellationByAnotherParticipantsOrderAndAHolderItsPledgesAndFreezes() {
        doc("Holder-01", new OrderAccepted(7, "DF11", "Holder-01", Side.SELL, Units.of("500.00"), Price.of("1.5000")));
        doc("Investor-07", new OrderCancelled(7, "DF11", "Holder-01", Side.SELL, Units.of("500.00"), 4104,
                "the seller is past its anti-flip period only on 2027-01-08"));
        assertTrue(feed("Holder-01").contains("OrderAccepted") && feed("Holder-01").contains("OrderCancelled"),
                feed("Holder-01"));
        assertFalse(feed("Investor-07").contains("OrderCancelled"), "the aggressor does not hear of it");
        doc("Staff-01", new PledgeRegistered(9, "DF17", "Holder-05", Units.of("1000.00"), "Demo Bank 2",
                Money.of("800.00"), "cd".repeat(32)));
        doc("Staff-02", new UnitsFrozen(10, "DF16", "Holder-04", Units.of("2000.00"), "Demo District Court",
                "(2026) Demo 01", "ef".repeat(32)));
        assertTrue(feed("Holder-05").contains("PledgeRegistered"), feed("Holder-05"));
        assertTrue(feed("Holder-04").contains("UnitsFrozen"), feed("Holder-04"));
        assertFalse(feed("Holder-04").contains("PledgeRegistered") || feed("Holder-05").contains("UnitsFrozen"));
    }
}
