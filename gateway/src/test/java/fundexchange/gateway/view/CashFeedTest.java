package fundexchange.gateway.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.journal.JournalCodec;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.cash.AccountRef;
import fundexchange.protocol.event.CashCorrected;
import fundexchange.protocol.event.CashReceived;
import fundexchange.protocol.event.EscrowMismatchRaised;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.ParticipantApproved;
import fundexchange.protocol.event.ParticipantRegistered;
import fundexchange.protocol.event.ParticipantReinstated;
import fundexchange.protocol.event.ParticipantSuspended;
import fundexchange.protocol.event.PayoutInstructed;
import fundexchange.protocol.event.SuspenseAssigned;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who hears of cash events in the feeds (issue 22): an account's participant its own movements, the bank its
 * receipts and the instructions addressed to it while active, nobody else; a correction hides another participant's
 * account from each side, and shows a platform account and staff's reason.
 */
class CashFeedTest {
    private final FeedStore feeds = new FeedStore();
    private final FeedShaper shaper = new FeedShaper();
    private long index;

    private void doc(String participant, Event... events) {
        index++;
        shaper.shape(new EventDocument(1, index, 1_795_000_000_000L + index, participant,
                participant == null ? null : "req-" + index, Outcome.ACCEPTED, List.of(events)), feeds::add);
    }

    private String feed(String viewer) {
        return JournalCodec.mapper().valueToTree(feeds.read(viewer, 0, 1000)).toString();
    }

    @Test
    void eachSeesItsOwnCashAndTheBankOnlyWhatIsAddressedToIt() {
        doc("Staff-01", new ParticipantRegistered("Bank-01", "Demo Bank", ParticipantType.INSTITUTION,
                List.of(Role.BANK), false));
        doc("Staff-02", new ParticipantApproved("Bank-01"));
        doc("Bank-01", new CashReceived("Investor-07", "CNY", Money.of("100.00"), "R-1", "2026-11-18", "Bank-01"));
        doc("Investor-07", new PayoutInstructed(3 * 4096, AccountRef.participant("Investor-07"), "CNY",
                Money.of("40.00"), null, null));
        doc("Staff-02", new SuspenseAssigned("R-2", "Holder-01", "CNY", Money.of("5.00"), 4, "identified"));
        doc("Bank-01", new EscrowMismatchRaised(5, "CNY", "2026-11-18", Money.of("1.00"), Money.of("65.00")));
        doc("Staff-02", new CashCorrected(6, "CNY", AccountRef.participant("Investor-07"),
                AccountRef.participant("Holder-01"), Money.of("10.00"), "misbooked receipt"));
        doc("Staff-02", new CashCorrected(7, "CNY", AccountRef.participant("Investor-07"), AccountRef.REVENUE,
                Money.of("0.01"), "rounding"));

        String bank = feed("Bank-01");
        assertTrue(bank.contains("\"CashReceived\"") && bank.contains("\"PayoutInstructed\""), bank);
        assertFalse(bank.contains("SuspenseAssigned") || bank.contains("EscrowMismatchRaised")
                || bank.contains("CashCorrected"), bank);

        String investor = feed("Investor-07");
        assertTrue(investor.contains("\"CashReceived\"") && investor.contains("\"PayoutInstructed\""), investor);
        assertTrue(investor.contains("\"CashCorrected\""), investor);
        // The other participant's account is hidden; the platform's account and staff's reason are shown.
        assertFalse(investor.contains("Holder-01"), investor);
        assertTrue(investor.contains("misbooked receipt") && investor.contains("REVENUE")
                && investor.contains("rounding"), investor);

        String holder = feed("Holder-01");
        assertTrue(holder.contains("\"SuspenseAssigned\"") && holder.contains("\"CashCorrected\""), holder);
        assertFalse(holder.contains("Investor-07") || holder.contains("CashReceived") || holder.contains("rounding"),
                holder);
        assertTrue(holder.contains("misbooked receipt"), holder);
        assertEquals("[]", feed("Investor-08"));
    }

    @Test
    void aBankHearsOfCashMovementsOnlyWhileItIsActive() {
        doc("Staff-01", new ParticipantRegistered("Bank-01", "Demo Bank", ParticipantType.INSTITUTION,
                List.of(Role.BANK), false));
        doc("Bank-01", new CashReceived("Investor-07", "CNY", Money.of("1.00"), "R-1", "2026-11-18", "Bank-01"));
        doc("Staff-02", new ParticipantApproved("Bank-01"));
        doc("Bank-01", new CashReceived("Investor-07", "CNY", Money.of("2.00"), "R-2", "2026-11-18", "Bank-01"));
        doc("Staff-02", new ParticipantSuspended("Bank-01", 4, "replaced"));
        doc("Investor-07", new PayoutInstructed(6 * 4096, AccountRef.participant("Investor-07"), "CNY",
                Money.of("3.00"), null, null));
        doc("Staff-02", new ParticipantReinstated("Bank-01", 7, "back"));
        doc("Investor-07", new PayoutInstructed(8 * 4096, AccountRef.participant("Investor-07"), "CNY",
                Money.of("1.00"), null, null));

        // The bank's events by index: its registration (1), approval (3), the receipt while approved (4), its
        // suspension (5), reinstatement (7) and the instruction after it (8); not the receipt before approval (2)
        // nor the instruction while suspended (6).
        List<Long> events = feeds.read("Bank-01", 0, 1000).stream().filter(e -> e.kind().equals("event"))
                .map(FeedEntry::sourceIndex).toList();
        assertEquals(List.of(1L, 3L, 4L, 5L, 7L, 8L), events);
        String bank = feed("Bank-01");
        assertFalse(bank.contains("\"R-1\""), bank);
        assertTrue(bank.contains("\"R-2\""), bank);
    }

    @Test
    void theBankHearsNoPublicNoticeOfATrade() {
        doc("Staff-01", new ParticipantRegistered("Bank-01", "Demo Bank", ParticipantType.INSTITUTION,
                List.of(Role.BANK), false));
        doc("Staff-01", new ParticipantRegistered("Investor-07", "Investor-07", ParticipantType.INSTITUTION,
                List.of(Role.INVESTOR), false));
        doc("Staff-02", new ParticipantApproved("Bank-01"));
        doc(null, new fundexchange.protocol.event.ResultAnnounced(9, 12, "DGF3",
                fundexchange.protocol.listing.ListingMechanism.values()[0], fundexchange.protocol.money.Units.of("10.00"),
                fundexchange.protocol.money.Price.of("1.0000"), Money.of("10.00"),
                fundexchange.protocol.money.Price.of("1.0000")));

        assertEquals(List.of(4L), feeds.read("Investor-07", 0, 1000).stream().map(FeedEntry::sourceIndex)
                .filter(i -> i == 4L).toList());
        assertEquals(List.of(1L, 3L), feeds.read("Bank-01", 0, 1000).stream().map(FeedEntry::sourceIndex).toList());
    }
}
