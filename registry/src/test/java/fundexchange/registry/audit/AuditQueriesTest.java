package fundexchange.registry.audit;

import static fundexchange.registry.TestJournal.FUND;
import static fundexchange.registry.TestJournal.HOLDER;
import static fundexchange.registry.TestJournal.INVESTOR;
import static fundexchange.registry.TestJournal.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.SignedRequest;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.TestJournal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit index written by the tailer, read through {@link AuditQueries}. The journal is {@link TestJournal}'s
 * market (indices 1-15) and negotiated transfer: 16 listing, 17 approval, 18 acceptance, 19 settlement, 20 a second
 * listing, 21 a Tick 60 s later expiring it, 22 a rejected repeat settlement.
 */
class AuditQueriesTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;
    private AuditQueries queries;

    @BeforeEach
    void linkedJournal() {
        journal = new TestJournal(data).market();
        journal.negotiatedTransfer();
        queries = new AuditQueries(dataSource);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private void link() {
        try (AuditTailer tailer = new AuditTailer(journal.journals(), dataSource)) {
            tailer.catchUp();
        }
    }

    private List<Long> indices(AuditFilter filter) {
        AuditPage page = queries.query(filter, 1000, Optional.empty());
        List<Long> indices = page.records().stream().map(AuditRecordView::sourceIndex).toList();
        assertEquals(indices.size(), page.total());
        return indices;
    }

    @Test
    void everyJournalIndexIsRecordedWithSignerFundOutcomeAndItsChainLink() throws SQLException {
        link();
        AuditPage all = queries.query(AuditFilter.ALL, 100, Optional.empty());
        assertEquals(22, all.total());
        assertEquals(LongStream.rangeClosed(1, 22).boxed().toList(), all.records().stream().map(AuditRecordView::sourceIndex).toList());
        assertEquals(Optional.empty(), all.nextAfterIndex());

        AuditRecordView genesis = all.records().getFirst();
        assertEquals("Genesis", genesis.commandType());
        assertNull(genesis.participant());
        assertNull(genesis.clientRequestId());
        assertEquals("ACCEPTED", genesis.outcome());
        AuditRecordView listing = all.records().get(15);
        assertEquals(List.of("ListNegotiated", HOLDER, FUND, START), List.of(listing.commandType(), listing.participant(),
                listing.fundCode(), listing.time()));
        AuditRecordView approval = all.records().get(16);
        assertEquals("ApproveListing", approval.commandType());
        assertNull(approval.fundCode(), "neither ApproveListing nor ListingOpened names a fund");
        AuditRecordView acceptance = all.records().get(17);
        assertEquals(List.of(INVESTOR, FUND), List.of(acceptance.participant(), acceptance.fundCode()),
                "the fund comes from the TradeExecuted event");
        AuditRecordView repeat = all.records().get(21);
        assertEquals(List.of("ConfirmSettlement", "REJECTED", RejectCode.TRADE_NOT_PENDING.code()),
                List.of(repeat.commandType(), repeat.outcome(), repeat.rejectCode()));
        assertEquals(storedLinks(), all.records().stream()
                .map(r -> r.commandDigest() + r.eventDigest() + r.link()).toList());
    }

    private List<String> storedLinks() throws SQLException {
        List<String> links = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT command_digest || event_digest || link FROM audit_links ORDER BY source_index")) {
            while (rows.next()) {
                links.add(rows.getString(1));
            }
        }
        return links;
    }

    @Test
    void participantFilterSelectsTheSignersCommands() {
        link();
        assertEquals(List.of(16L, 20L), indices(AuditFilter.ALL.withParticipant(HOLDER)));
        assertEquals(List.of(18L), indices(AuditFilter.ALL.withParticipant(INVESTOR)));
        assertEquals(List.of(), indices(AuditFilter.ALL.withParticipant("Nobody")));
    }

    @Test
    void fundFilterSelectsCommandsAndEventsNamingTheFund() {
        link();
        assertEquals(List.of(14L, 15L, 16L, 18L, 19L, 20L), indices(AuditFilter.ALL.withFund(FUND)));
        assertEquals(List.of(16L, 20L), indices(AuditFilter.ALL.withFund(FUND).withParticipant(HOLDER)));
    }

    @Test
    void timeRangeIncludesItsStartAndExcludesItsEnd() {
        link();
        assertEquals(LongStream.rangeClosed(1, 20).boxed().toList(), indices(AuditFilter.ALL.withTimeRange(START, START + 60_000)));
        assertEquals(List.of(21L, 22L), indices(AuditFilter.ALL.withTimeRange(START + 60_000, START + 60_001)));
        assertEquals(List.of(), indices(AuditFilter.ALL.withTimeRange(START + 1, START + 60_000)));
    }

    @Test
    void indexRangeIsInclusiveAndCombinesWithOtherFilters() {
        link();
        assertEquals(List.of(5L, 6L, 7L, 8L, 9L), indices(AuditFilter.ALL.withIndexRange(5, 9)));
        assertEquals(List.of(16L), indices(AuditFilter.ALL.withIndexRange(10, 19).withParticipant(HOLDER)));
    }

    @Test
    void pagesFollowTheCursorWithTheSameExactTotalUntilTheLastPage() {
        link();
        List<Long> seen = new ArrayList<>();
        Optional<Long> after = Optional.empty();
        int pages = 0;
        do {
            AuditPage page = queries.query(AuditFilter.ALL.withIndexRange(3, 22), 5, after);
            assertEquals(20, page.total());
            page.records().forEach(r -> seen.add(r.sourceIndex()));
            after = page.nextAfterIndex();
            pages++;
        } while (after.isPresent());
        assertEquals(4, pages, "a full last page ending at the last match has no next cursor");
        assertEquals(LongStream.rangeClosed(3, 22).boxed().toList(), seen);
        AuditPage tail = queries.query(AuditFilter.ALL, 5, Optional.of(20L));
        assertEquals(List.of(21L, 22L), tail.records().stream().map(AuditRecordView::sourceIndex).toList());
        assertEquals(22, tail.total());
        assertEquals(Optional.empty(), tail.nextAfterIndex());
    }

    @Test
    void anOverlongRequestIdIsCutAndAnImpossibleFundCodeIsNotIndexed() {
        String longId = "r".repeat(300);
        String body = "{}";
        journal.submit(CommandRecord.signed(journal.lastIndex() + 1, START + 60_000,
                new SignedRequest(HOLDER, HOLDER + "-k1", "ED25519", "c2ln", START + 60_000, longId, "POST", "/listings",
                        "", "0".repeat(64), body),
                new ListNegotiated("no such fund!".repeat(10), INVESTOR, Units.of("1.00"), Price.of("1.0000"), 0)));
        link();
        AuditRecordView odd = queries.query(AuditFilter.ALL.withIndexRange(23, 23), 1, Optional.empty()).records().getFirst();
        assertEquals("r".repeat(AuditRecordReader.CLIENT_REQUEST_ID_LENGTH), odd.clientRequestId());
        assertNull(odd.fundCode());
        assertEquals("REJECTED", odd.outcome());
    }
}
