package fundexchange.registry.projector;

import static fundexchange.registry.TestJournal.FUND;
import static fundexchange.registry.TestJournal.HOLDER;
import static fundexchange.registry.TestJournal.INVESTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.command.UpdateNav;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.event.BidPlaced;
import fundexchange.protocol.event.ListingOpened;
import fundexchange.protocol.event.ListingSubmitted;
import fundexchange.protocol.event.PledgeRegistered;
import fundexchange.protocol.event.PledgeReleased;
import fundexchange.protocol.event.TradeExecuted;
import fundexchange.protocol.event.UnitsDeposited;
import fundexchange.protocol.event.UnitsUnfrozen;
import fundexchange.protocol.listing.AuctionTerms;
import fundexchange.protocol.listing.ClockTerms;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Multiple;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.LogCapture;
import fundexchange.registry.RegistryFixture;
import fundexchange.registry.TestJournal;
import fundexchange.registry.read.FundView;
import fundexchange.registry.read.Holding;
import fundexchange.registry.read.ListingView;
import fundexchange.registry.read.ListingViewer;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.read.Transfer;
import fundexchange.registry.tail.ProjectionHalted;
import fundexchange.registry.tail.TailLoop;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ProjectorTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;
    private RegistryReads reads;

    @BeforeEach
    void market() {
        journal = new TestJournal(data).market();
        reads = new RegistryReads(dataSource);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void projectsTheNegotiatedTransferAsTheEngineDecidedIt() {
        long tradeId = journal.negotiatedTransfer();
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            assertEquals(journal.lastIndex(), projector.catchUp());
            assertEquals(journal.lastIndex(), projector.watermark());
        }
        BigDecimal zero = d("0.00");
        Holding seller = new Holding(FUND, HOLDER, d("600000.00"), zero, d("600000.00"), d("600000.00"), zero, zero, zero,
                zero, zero);
        Holding buyer = new Holding(FUND, INVESTOR, d("400000.00"), zero, d("400000.00"), d("360000.00"), zero, zero, zero,
                zero, zero);
        assertEquals(List.of(seller, buyer), reads.register(FUND));
        assertEquals(List.of(seller), reads.holdingsOf(HOLDER));
        assertEquals(List.of(buyer), reads.holdingsOf(INVESTOR));
        long acceptIndex = tradeId / 4096;
        Transfer transfer = new Transfer(tradeId, acceptIndex - 2, FUND, HOLDER, INVESTOR, d("400000.00"), d("0.9000"),
                d("360000.00"), 6000, d("0.9000"), "SETTLED", acceptIndex, acceptIndex + 1, 0,
                journal.time() - 60_000, journal.time() - 60_000, settleBy(journal.time() - 60_000));
        assertEquals(List.of(transfer), reads.allTransfers());
        assertEquals(List.of(transfer), reads.transfersOf(HOLDER));
        assertEquals(List.of(transfer), reads.transfersOf(INVESTOR));
        assertEquals(List.of(), reads.transfersOf("Staff-01"));
        assertEquals(Optional.of(new FundView(FUND, "Demo Growth Fund III", "Demo Capital Management", "GROWTH", 2019,
                "CNY", "PARTNERSHIP", "FULL", 50, 2, d("1.5000"), "2026-09-30", d("100.00"), false, d("250000000.00"))),
                reads.fund(FUND));
        assertEquals(Optional.empty(), reads.fund("NOPE"));
    }

    @Test
    void aTradeKeepsItsExecutionTimeAndAParticipantItsRegistrationTime() {
        journal.advance(3_600_000);
        long registeredAt = journal.time();
        journal.by("Staff-01", new fundexchange.protocol.command.RegisterParticipant("Investor-09", "Investor-09",
                fundexchange.protocol.reference.ParticipantType.INSTITUTION,
                List.of(fundexchange.protocol.reference.Role.INVESTOR)));
        journal.advance(60_000);
        long first = journal.negotiatedTransfer();
        long executedAt = journal.time() - 60_000;
        journal.by(HOLDER, new ListNegotiated(FUND, INVESTOR, Units.of("10.00"), Price.of("1.0000"), 0));
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
        assertEquals(registeredAt, reads.participant("Investor-09").orElseThrow().registeredAt());
        assertEquals("PENDING", reads.participant("Investor-09").orElseThrow().status());
        assertEquals(List.of(executedAt), reads.allTransfers().stream().map(Transfer::executedAt).toList());
        assertEquals(List.of(first), reads.trades(Optional.empty(), Optional.of("SETTLED"),
                new fundexchange.registry.read.Page(0, 10), true).stream().map(Transfer::tradeId).toList());
    }

    @Test
    void tradesPageNewestFirstWhenAsked() {
        long first = journal.negotiatedTransfer();
        long second = journal.negotiatedTransfer();
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
        java.util.function.Function<List<Transfer>, List<Long>> ids = list -> list.stream().map(Transfer::tradeId).toList();
        assertEquals(List.of(second, first), ids.apply(reads.trades(Optional.empty(), Optional.empty(),
                new fundexchange.registry.read.Page(0, 10), true)));
        assertEquals(List.of(second), ids.apply(reads.trades(Optional.empty(), Optional.empty(),
                new fundexchange.registry.read.Page(0, 1), true)));
        assertEquals(List.of(first), ids.apply(reads.trades(Optional.empty(), Optional.empty(),
                new fundexchange.registry.read.Page(second, 10), true)));
        assertEquals(List.of(first, second), ids.apply(reads.trades(Optional.empty(), Optional.empty(),
                new fundexchange.registry.read.Page(0, 10))));
    }

    @Test
    void lockedUnitsFollowListingsUntilTheyExpire() {
        journal.by(HOLDER, new ListNegotiated(FUND, INVESTOR, Units.of("1000.00"), Price.of("1.0000"),
                TestJournal.START + 60_000));
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
            assertEquals(d("1000.00"), reads.holdingsOf(HOLDER).getFirst().locked());
            journal.advance(60_000).unsigned(new Tick());
            assertEquals(1, projector.catchUp());
        }
        assertEquals(d("0.00"), reads.holdingsOf(HOLDER).getFirst().locked());
        assertEquals(d("1000000.00"), reads.holdingsOf(HOLDER).getFirst().available());
    }

    @Test
    void catchingUpAgainOrRestartingAppliesNothingTwice() {
        journal.negotiatedTransfer();
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            assertEquals(journal.lastIndex(), projector.catchUp());
            assertEquals(0, projector.catchUp());
        }
        List<Holding> register = reads.register(FUND);
        try (Projector restarted = new Projector(journal.journals(), dataSource)) {
            assertEquals(0, restarted.catchUp());
            assertEquals(journal.lastIndex(), restarted.watermark());
            journal.by("Staff-01", new UpdateNav(FUND, Price.of("1.6000"), "2026-12-31"));
            assertEquals(1, restarted.catchUp());
        }
        assertEquals(register, reads.register(FUND));
        assertEquals(d("1.6000"), reads.fund(FUND).orElseThrow().nav());
    }

    @Test
    void runningProjectorFollowsTheJournalAsItGrows() {
        try (Projector projector = new Projector(journal.journals(), dataSource).start()) {
            assertTrue(projector.awaitIndex(journal.lastIndex(), Duration.ofSeconds(30)));
            assertEquals(List.of(), reads.allTransfers());
            journal.negotiatedTransfer();
            assertTrue(projector.awaitIndex(journal.lastIndex(), Duration.ofSeconds(30)));
            assertEquals(0, projector.catchUp());
            assertEquals(Optional.empty(), projector.failure());
        }
        assertEquals("SETTLED", reads.allTransfers().getFirst().status());
        assertEquals(2, reads.register(FUND).size());
    }

    @Test
    void tamperedWatermarkChainHashHaltsTheProjectorAtStart() {
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
        RegistryFixture.execute(dataSource, "UPDATE projection_watermark SET chain_hash = repeat('ab', 32)");
        journal.by("Staff-01", new UpdateNav(FUND, Price.of("1.6000"), "2026-12-31"));
        try (LogCapture log = new LogCapture(TailLoop.class.getName());
             Projector projector = new Projector(journal.journals(), dataSource).start()) {
            assertFalse(projector.awaitIndex(journal.lastIndex(), Duration.ofSeconds(30)));
            ProjectionHalted halted = assertInstanceOf(ProjectionHalted.class, projector.failure().orElseThrow());
            long watermark = journal.lastIndex() - 1;
            assertEquals(watermark, halted.sourceIndex());
            assertTrue(log.messages().stream().anyMatch(m -> m.startsWith(
                    "ALARM projector halted at sourceIndex " + watermark + ": the stored chain hash abab")), log.messages()::toString);
        }
        assertEquals(d("1.5000"), reads.fund(FUND).orElseThrow().nav());
    }

    @Test
    void aMechanismsOwnTermsAreProjectedAsJsonAndReadBackAsTheSameRecords() {
        long sealed = journal.auction(ListingMechanism.SEALED, "100.00", "1.0000", 60_000);
        long listing = journal.lastIndex() + 1;
        ClockTerms.ClockListing listingTerms = new ClockTerms.ClockListing(Price.of("0.0100"), 60_000);
        ClockTerms.ClockBid bidTerms = new ClockTerms.ClockBid(3);
        long start = TestJournal.START + listing;
        plant(listing, List.of(new ListingSubmitted(listing, FUND, HOLDER, null, Units.of("200.00"), Price.of("1.0000"),
                        start + 3_600_000, ListingMechanism.ENGLISH, new AuctionTerms(Price.of("1.0000"), Price.of("1.1000"),
                        null, start, start + 3_600_000, 0, 0, false, null), null, null, listingTerms),
                new ListingOpened(listing)));
        plant(listing + 1, List.of(new BidPlaced(listing, listing + 1, INVESTOR, 1, Price.of("1.0300"),
                start + 3_600_000, false, bidTerms)));
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            assertEquals(listing + 1, projector.catchUp());
        }
        ListingViewer oversight = ListingViewer.oversight("Staff-01");
        ListingView shown = reads.listing(oversight, listing).orElseThrow();
        assertEquals(listingTerms, terms(shown.terms(), ListingMechanism.ListingTerms.class));
        assertEquals(List.of(bidTerms), reads.bids(listing).stream()
                .map(bid -> terms(bid.terms(), ListingMechanism.BidTerms.class)).toList());
        assertEquals(null, reads.listing(oversight, sealed).orElseThrow().terms(), "a released mechanism has none");
    }

    private static <T> T terms(String json, Class<T> type) {
        return JournalCodec.read(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }

    @Test
    void constraintViolationHaltsTheProjectorNamingTheSourceIndex() {
        long planted = journal.lastIndex() + 1;
        UnitsDeposited negative = new UnitsDeposited(FUND, HOLDER, Units.of("-2000000.00"), Money.ZERO, 1);
        journal.append(CommandRecord.unsigned(planted, TestJournal.START + 1, new Tick()),
                new EventDocument(EventDocument.VERSION, planted, TestJournal.START + 1, null, null, Outcome.ACCEPTED, List.of(negative)));
        journal.append(CommandRecord.unsigned(planted + 1, TestJournal.START + 2, new Tick()),
                new EventDocument(EventDocument.VERSION, planted + 1, TestJournal.START + 2, null, null, Outcome.ACCEPTED, List.of()));
        try (LogCapture log = new LogCapture(TailLoop.class.getName());
             Projector projector = new Projector(journal.journals(), dataSource)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, projector::catchUp);
            ProjectionHalted halted = assertInstanceOf(ProjectionHalted.class, projector.failure().orElseThrow());
            assertEquals(thrown.getCause(), halted);
            assertEquals(planted, halted.sourceIndex());
            assertTrue(halted.getMessage().contains("violates check constraint \"holdings_"), halted.getMessage());
            assertTrue(log.messages().stream().anyMatch(m -> m.startsWith("ALARM projector halted at sourceIndex " + planted + ": ")));
            assertEquals(planted - 1, projector.watermark());
            assertThrows(IllegalStateException.class, projector::catchUp);
            assertEquals(planted - 1, projector.watermark());
        }
        assertEquals(d("1000000.00"), reads.register(FUND).getFirst().units());
    }

    @Test
    void aDuplicateTradeIdHaltsTheProjectorNamingTheSourceIndex() {
        long tradeId = journal.negotiatedTransfer();
        long planted = journal.lastIndex() + 1;
        TradeExecuted again = new TradeExecuted(tradeId, tradeId / 4096 - 2, FUND, HOLDER, INVESTOR, Units.of("1.00"),
                Price.of("1.0000"), Money.of("1.00"), 6667, Multiple.of("1.0000"), false, 0);
        plant(planted, List.of(again));
        haltsAt(planted, "duplicate key value violates unique constraint \"transfers_pk\"");
        assertEquals(1, reads.allTransfers().size());
    }

    @Test
    void releasingMoreThanIsPledgedHaltsTheProjectorRatherThanGoNegative() {
        long planted = journal.lastIndex() + 1;
        plant(planted, List.of(new PledgeRegistered(planted - 1, FUND, HOLDER, Units.of("5.00"), "Demo Bank", null,
                TestJournal.DIGEST), new PledgeReleased(planted - 1, FUND, HOLDER, Units.of("6.00"), "Staff-01")));
        haltsAt(planted, "violates check constraint \"holdings_encumbrances_ck\"");
        assertEquals(List.of(), reads.pledgesIn(FUND));
    }

    @Test
    void liftingAFreezeTheRegistryDoesNotHoldHaltsTheProjector() {
        long planted = journal.lastIndex() + 1;
        plant(planted, List.of(new UnitsUnfrozen(planted - 1, FUND, HOLDER, Units.of("5.00"), "no such freeze")));
        haltsAt(planted, "no active freeze " + (planted - 1) + " in the registry");
    }

    /** Appends a document the engine would never write: these events at {@code index}, after a Tick. */
    private void plant(long index, List<fundexchange.protocol.event.Event> events) {
        journal.append(CommandRecord.unsigned(index, TestJournal.START + index, new Tick()),
                new EventDocument(EventDocument.VERSION, index, TestJournal.START + index, null, null, Outcome.ACCEPTED, events));
    }

    private void haltsAt(long index, String message) {
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            assertThrows(IllegalStateException.class, projector::catchUp);
            ProjectionHalted halted = assertInstanceOf(ProjectionHalted.class, projector.failure().orElseThrow());
            assertEquals(index, halted.sourceIndex());
            assertTrue(halted.getMessage().contains(message), halted.getMessage());
            assertEquals(index - 1, projector.watermark());
        }
    }

    /**
     * A trade's settlement deadline under the current rules, counted here on its own: the start of the day after the
     * fifth business day (the published calendars, which the test journal's genesis carries) after its Shanghai date.
     */
    private static long settleBy(long time) {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        java.time.LocalDate day = java.time.Instant.ofEpochMilli(time).atZone(zone).toLocalDate();
        for (int counted = 0; counted < 5; ) {
            day = day.plusDays(1);
            var calendar = fundexchange.protocol.reference.OfficialCalendars.of(day.getYear()).orElseThrow();
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            if (weekend ? calendar.workdays().contains(day.toString()) : !calendar.holidays().contains(day.toString())) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}
