package fundexchange.registry.read;

import static fundexchange.registry.TestJournal.FUND;
import static fundexchange.registry.schema.Tables.TRANSFERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fundexchange.protocol.command.UpdateNav;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.EventDocument;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.TestJournal;
import fundexchange.registry.projector.Projector;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A fund's NAV history as projected from its registration and NAV updates, and the staleness of its current NAV. */
class NavHistoryTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private RegistryReads reads;

    @BeforeEach
    void reads() {
        reads = new RegistryReads(dataSource);
    }

    @Test
    void historyHoldsTheRegisteredNavAndEveryUpdateWithItsIndexAndJournalTime() {
        EventDocument update;
        long registeredAt;
        try (TestJournal journal = new TestJournal(data).market()) {
            registeredAt = journal.lastIndex() - 1; // market() ends with RegisterFund, then a deposit
            update = journal.advance(86_400_000L).acceptedBy("Staff-01",
                    new UpdateNav(FUND, Price.of("1.6200"), "2026-12-31"));
            try (Projector projector = new Projector(journal.journals(), dataSource)) {
                projector.catchUp();
            }
        }
        List<NavRecord> history = reads.navHistory(FUND);
        assertEquals(2, history.size(), history::toString);
        assertEquals(new NavRecord(new BigDecimal("1.5000"), "2026-09-30", registeredAt, TestJournal.START),
                history.getFirst());
        assertEquals(new NavRecord(new BigDecimal("1.6200"), "2026-12-31", update.sourceIndex(), update.time()),
                history.get(1));
        assertEquals(List.of(), reads.navHistory("NOPE"));
    }

    @Test
    void theCurrentNavIsStaleOnlyMoreThanTheThresholdAfterItsDate() {
        try (TestJournal journal = new TestJournal(data).market()) {
            journal.acceptedBy("Staff-01", new UpdateNav(FUND, Price.of("1.6200"), "2026-12-31"));
            try (Projector projector = new Projector(journal.journals(), dataSource)) {
                projector.catchUp();
            }
        }
        BigDecimal nav = new BigDecimal("1.6200");
        assertEquals(Optional.of(new NavStatus(FUND, nav, "2026-12-31", "2027-04-10", 100, 100, false)),
                reads.navStatus(FUND, LocalDate.parse("2027-04-10"), RegistryReads.NAV_STALE_AFTER_DAYS));
        assertEquals(Optional.of(new NavStatus(FUND, nav, "2026-12-31", "2027-04-11", 101, 100, true)),
                reads.navStatus(FUND, LocalDate.parse("2027-04-11"), RegistryReads.NAV_STALE_AFTER_DAYS));
        assertEquals(Optional.of(new NavStatus(FUND, nav, "2026-12-31", "2027-01-02", 2, 1, true)),
                reads.navStatus(FUND, LocalDate.parse("2027-01-02"), 1));
        assertEquals(Optional.empty(), reads.navStatus("NOPE", LocalDate.parse("2027-01-02"), 1));
        assertThrows(IllegalArgumentException.class, () -> reads.navStatus(FUND, LocalDate.parse("2027-01-02"), -1));
    }

    @Test
    void aSettledTransferRecordsTheJournalTimeOfItsSettlement() {
        try (TestJournal journal = new TestJournal(data).market()) {
            long tradeId = journal.negotiatedTransfer();
            try (Projector projector = new Projector(journal.journals(), dataSource)) {
                projector.catchUp();
            }
            Long settledAt = DSL.using(dataSource, SQLDialect.POSTGRES).select(TRANSFERS.SETTLED_AT).from(TRANSFERS)
                    .where(TRANSFERS.TRADE_ID.eq(tradeId)).fetchSingle().value1();
            assertEquals(TestJournal.START, settledAt); // market() and the transfer take no journal time
        }
    }
}
