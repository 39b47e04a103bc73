package fundexchange.registry.read;

import static fundexchange.registry.TestJournal.FUND;
import static fundexchange.registry.TestJournal.HOLDER;
import static fundexchange.registry.TestJournal.INVESTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.TestJournal;
import fundexchange.registry.projector.Projector;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Which listings and bids the registry shows to whom, and that a sealed price is in no row before the close. */
class ListingReadsTest {
    private static final String QUALIFIED = "Investor-08";
    private static final String UNQUALIFIED = "Investor-09";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 17);
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;
    private RegistryReads reads;

    @BeforeEach
    void market() {
        journal = new TestJournal(data).market().investor(QUALIFIED, true).investor(UNQUALIFIED, false);
        reads = new RegistryReads(dataSource);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private void project() {
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
    }

    private ListingViewer viewer(String participant) {
        return ListingViewer.participant(participant, reads.qualifiedInvestor(participant, TODAY));
    }

    private List<Long> visible(String participant) {
        return reads.listings(viewer(participant), ListingFilter.ALL, 0, 100).stream().map(ListingView::listingId).toList();
    }

    @Test
    void qualificationIsReadFromTheRegistryOnTheGivenDate() {
        project();
        assertTrue(reads.qualifiedInvestor(QUALIFIED, TODAY));
        assertTrue(reads.qualifiedInvestor(QUALIFIED, LocalDate.of(2027, 12, 31)));
        assertEquals(false, reads.qualifiedInvestor(QUALIFIED, LocalDate.of(2028, 1, 1)));
        assertEquals(false, reads.qualifiedInvestor(UNQUALIFIED, TODAY));
        assertEquals(false, reads.qualifiedInvestor(HOLDER, TODAY));
    }

    @Test
    void negotiatedListingsShowToTheNamedBuyerOnlyOnceOpenAndAuctionsToQualifiedInvestorsWhileOpen() {
        long offer = journal.acceptedBy(HOLDER, new ListNegotiated(FUND, INVESTOR, Units.of("1000.00"), Price.of("0.9000"), 0))
                .sourceIndex();
        long sealed = journal.auction(ListingMechanism.SEALED, "2000.00", "1.0000", 60_000);
        project();
        assertEquals(List.of(offer, sealed), visible(HOLDER), "the seller sees its listings");
        assertEquals(List.of(sealed), visible(INVESTOR), "a pending offer is not the buyer's yet");
        assertEquals(List.of(sealed), visible(QUALIFIED));
        assertEquals(List.of(), visible(UNQUALIFIED), "open auctions are for qualified investors");
        assertEquals(List.of(offer, sealed), reads.listings(ListingViewer.oversight("Regulator-01"), ListingFilter.ALL, 0, 100)
                .stream().map(ListingView::listingId).toList());

        journal.acceptedBy("Staff-02", new ApproveListing(offer));
        project();
        assertEquals(List.of(offer, sealed), visible(INVESTOR));
        assertEquals(List.of(sealed), visible(QUALIFIED), "nobody else sees a negotiated offer");
        ListingView shown = reads.listing(viewer(INVESTOR), offer).orElseThrow();
        assertEquals("NEGOTIATED", shown.mechanism());
        assertEquals(new BigDecimal("0.9000"), shown.price());
        assertEquals(Optional.empty(), reads.listing(viewer(QUALIFIED), offer));
        assertEquals(List.of(sealed), reads.listings(viewer(INVESTOR), new ListingFilter(Optional.empty(),
                Optional.of("SEALED"), Optional.of(FUND)), 0, 100).stream().map(ListingView::listingId).toList());
        assertEquals(List.of(sealed), reads.listings(viewer(INVESTOR), ListingFilter.ALL, offer, 100)
                .stream().map(ListingView::listingId).toList(), "after is a cursor");
        assertEquals(List.of(offer), reads.listings(viewer(INVESTOR), ListingFilter.ALL, 0, 1)
                .stream().map(ListingView::listingId).toList(), "limit");
    }

    @Test
    void aDutchAuctionStaysOpenThroughPartialTradesAndTheWindowsEndReleasesTheRest() {
        long start = journal.time();
        long dutch = journal.acceptedBy(HOLDER, new ListAuction(FUND, ListingMechanism.DUTCH, Units.of("1000.00"),
                Price.of("1.0000"), Price.of("0.8000"), Price.of("0.0500"), start, start + 100_000, null, null, false,
                20_000L)).sourceIndex();
        journal.acceptedBy("Staff-02", new ApproveListing(dutch));
        journal.acceptedBy(QUALIFIED, new PlaceBid(dutch, Price.of("1.0000"), Units.of("300.00")));
        project();
        journal.advance(45_000).acceptedBy(QUALIFIED, new PlaceBid(dutch, Price.of("0.9500"), Units.of("400.00")));
        project();
        ListingView open = reads.listing(viewer(QUALIFIED), dutch).orElseThrow();
        assertEquals(List.of("DUTCH", "OPEN", "300.00", "0.9000", "20000"), List.of(open.mechanism(), open.status(),
                open.unitsLeft().toPlainString(), open.tradePrice().toPlainString(), String.valueOf(open.stepMs())),
                "one row, the latest trade's price: " + open);
        assertEquals(1, reads.listings(viewer(QUALIFIED), ListingFilter.ALL, 0, 100).stream()
                .filter(l -> l.listingId() == dutch).count());

        journal.advance(60_000).unsigned(new Tick());
        project();
        ListingView closed = reads.listing(ListingViewer.oversight("Regulator-01"), dutch).orElseThrow();
        assertEquals(List.of("EXPIRED", "300.00"), List.of(closed.status(), closed.unitsLeft().toPlainString()));
        assertEquals(new BigDecimal("700.00"), reads.holdingsOf(HOLDER).getFirst().locked(), "sold units wait for settlement");
    }

    @Test
    void aDutchAuctionSoldOutInOneBatchIsExecuted() {
        long start = journal.time();
        long dutch = journal.acceptedBy(HOLDER, new ListAuction(FUND, ListingMechanism.DUTCH, Units.of("500.00"),
                Price.of("1.0000"), Price.of("0.8000"), Price.of("0.0500"), start, start + 100_000, null, null, false,
                20_000L)).sourceIndex();
        journal.acceptedBy("Staff-02", new ApproveListing(dutch));
        journal.acceptedBy(QUALIFIED, new PlaceBid(dutch, Price.of("1.0000"), Units.of("200.00")));
        journal.acceptedBy(QUALIFIED, new PlaceBid(dutch, Price.of("1.0000"), Units.of("300.00")));
        project();
        ListingView sold = reads.listing(viewer(HOLDER), dutch).orElseThrow();
        assertEquals(List.of("EXECUTED", "0.00"), List.of(sold.status(), sold.unitsLeft().toPlainString()));
    }

    /**
     * V28: the listings table stores a mechanism's name as the engine's event gives it (a mechanism the registry's
     * scripts never named needs no migration) and a step of any mechanism, while a step is still positive.
     */
    @Test
    void aListingRowTakesAMechanismTheScriptsNeverNamedAndAStepOfAnyMechanismButNoStepBelowOne() throws Exception {
        long sealed = journal.auction(ListingMechanism.SEALED, "2000.00", "1.0000", 60_000);
        project();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals(1, sql.executeUpdate("UPDATE listings SET mechanism = 'ANOTHER', step_ms = 5000 WHERE listing_id = "
                    + sealed));
            assertEquals("ANOTHER", reads.listing(viewer(HOLDER), sealed).orElseThrow().mechanism());
            SQLException refused = assertThrows(SQLException.class,
                    () -> sql.executeUpdate("UPDATE listings SET step_ms = 0 WHERE listing_id = " + sealed));
            assertTrue(refused.getMessage().contains("listings_step_ms_ck"), refused.getMessage());
        }
    }

    /**
     * V33: a listing's and a bid's own terms are a JSON object naming its record in {@code type}, read back as that
     * JSON whoever asks (the gateway decides what each caller sees of them); a released mechanism's rows have none.
     */
    @Test
    void termsAreAJsonObjectNamingItsTypeReadBackAsJsonAndNoneOnAReleasedMechanism() throws Exception {
        long english = journal.auction(ListingMechanism.ENGLISH, "3000.00", "1.0000", 60_000);
        long bid = journal.acceptedBy(QUALIFIED, new PlaceBid(english, Price.of("1.0500"), null)).sourceIndex();
        project();
        assertNull(reads.listing(viewer(HOLDER), english).orElseThrow().terms());
        assertNull(reads.bids(english).getFirst().terms());
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.executeUpdate("UPDATE listings SET terms = '{\"type\":\"ClockListing\",\"increment\":\"0.0100\","
                    + "\"roundMs\":60000}' WHERE listing_id = " + english);
            sql.executeUpdate("UPDATE bids SET terms = '{\"type\":\"ClockBid\",\"round\":2}' WHERE bid_id = " + bid);
            assertEquals("{\"type\": \"ClockListing\", \"roundMs\": 60000, \"increment\": \"0.0100\"}",
                    reads.listing(viewer(QUALIFIED), english).orElseThrow().terms(), "JSONB's own key order and spacing");
            assertEquals(List.of("{\"type\": \"ClockBid\", \"round\": 2}"),
                    reads.bids(english).stream().map(BidView::terms).toList());
            for (String refused : List.of("'{\"increment\":\"0.0100\"}'", "'[]'", "'\"ClockListing\"'")) {
                SQLException listing = assertThrows(SQLException.class,
                        () -> sql.executeUpdate("UPDATE listings SET terms = " + refused + " WHERE listing_id = " + english));
                assertTrue(listing.getMessage().contains("listings_terms_ck"), listing.getMessage());
                SQLException bidRow = assertThrows(SQLException.class,
                        () -> sql.executeUpdate("UPDATE bids SET terms = " + refused + " WHERE bid_id = " + bid));
                assertTrue(bidRow.getMessage().contains("bids_terms_ck"), bidRow.getMessage());
            }
        }
    }

    @Test
    void aSealedPriceIsInNoRowBeforeTheCloseAndTheCloseRevealsItAndTheResult() {
        long sealed = journal.auction(ListingMechanism.SEALED, "2000.00", "1.0000", 60_000);
        long english = journal.auction(ListingMechanism.ENGLISH, "3000.00", "1.0000", 60_000);
        long sealedBid = journal.acceptedBy(INVESTOR, new PlaceSealedBid(sealed, Price.of("1.2345"), "1a".repeat(32))).sourceIndex();
        journal.acceptedBy(QUALIFIED, new PlaceSealedBid(sealed, Price.of("1.1000"), "2b".repeat(32)));
        journal.acceptedBy(QUALIFIED, new PlaceBid(english, Price.of("1.0500"), null));
        project();

        List<BidView> bids = reads.bids(sealed);
        assertEquals(2, bids.size());
        assertEquals(sealedBid, bids.getFirst().bidId());
        assertEquals(INVESTOR, bids.getFirst().bidder());
        assertEquals(1, bids.getFirst().pseudonym());
        assertEquals(2, bids.getLast().pseudonym());
        bids.forEach(bid -> assertNull(bid.price(), "sealed until the close: " + bid));
        assertEquals(new BigDecimal("1.0500"), reads.bids(english).getFirst().price(), "English bids are open");

        journal.advance(60_000).unsigned(new Tick());
        project();
        bids = reads.bids(sealed);
        assertEquals(new BigDecimal("1.2345"), bids.getFirst().price());
        assertEquals("WON", bids.getFirst().status());
        assertEquals(new BigDecimal("1.1000"), bids.getLast().price());
        assertEquals("LOST", bids.getLast().status());
        ListingView closed = reads.listing(viewer(INVESTOR), sealed).orElseThrow();
        assertEquals("EXECUTED", closed.status());
        assertEquals(new BigDecimal("1.2345"), closed.tradePrice());
        assertEquals(List.of(sealed, english), visible(QUALIFIED), "a bidder keeps seeing the auctions it bid on");
        assertEquals(List.of(sealed), visible(INVESTOR), "a closed auction it did not bid on is gone");
        assertEquals(new BigDecimal("1.0500"), reads.listing(ListingViewer.oversight("Staff-01"), english).orElseThrow().tradePrice());
    }

    @Test
    void anAuctionAwaitingItsPriorityHoldersMatchReadsOpenWithTheMatchDeadline() {
        journal.acceptedBy("Staff-01", new fundexchange.protocol.command.RegisterParticipant("Holder-02", "Holder-02",
                fundexchange.protocol.reference.ParticipantType.INSTITUTION,
                List.of(fundexchange.protocol.reference.Role.HOLDER)));
        journal.approved(new fundexchange.protocol.command.ApproveParticipant("Holder-02"));
        journal.acceptedBy("Staff-01", new fundexchange.protocol.command.DepositUnits(TestJournal.FUND, "Holder-02",
                fundexchange.protocol.money.Units.of("5000.00"), fundexchange.protocol.money.Money.of("5000.00")));
        journal.approved(new fundexchange.protocol.command.SetTransferTerms(TestJournal.FUND, null, false, null,
                fundexchange.protocol.transfer.PriorityOrder.PRO_RATA, null, null, List.of(), "ab".repeat(32)));
        long english = journal.auction(ListingMechanism.ENGLISH, "3000.00", "1.0000", 60_000);
        journal.acceptedBy(INVESTOR, new PlaceBid(english, Price.of("1.0500"), null));
        journal.advance(60_000).unsigned(new Tick());
        long closedAt = journal.time();
        project();
        ListingView awaiting = reads.listing(viewer(INVESTOR), english).orElseThrow();
        assertEquals("OPEN", awaiting.status());
        assertEquals(closedAt + 30 * fundexchange.protocol.transfer.TransferTerms.DAY_MS, awaiting.matchBy());
        assertNull(awaiting.tradePrice());
    }
}
