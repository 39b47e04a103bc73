package fundexchange.registry.projector;

import static fundexchange.registry.TestJournal.FUND;
import static fundexchange.registry.TestJournal.HOLDER;
import static fundexchange.registry.TestJournal.INVESTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceBid;
import fundexchange.protocol.command.RecordReserveApproval;
import fundexchange.protocol.command.RegisterAppraisal;
import fundexchange.protocol.command.SetOfficialCalendar;
import fundexchange.protocol.command.SetStateOwned;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.OfficialCalendars;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.TestJournal;
import fundexchange.registry.read.AppraisalView;
import fundexchange.registry.read.DisclosureView;
import fundexchange.registry.read.Page;
import fundexchange.registry.read.RegistryReads;
import fundexchange.registry.read.ResultView;
import fundexchange.registry.read.StateOwnedReads;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A state-owned holder's auction as the registry projects it (V18): flag, appraisals, disclosure and result. */
class StateOwnedProjectionTest {
    private static final long DAY = 86_400_000L;
    private static final Page FIRST = new Page(0, 100);
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;
    private TestJournal journal;

    @BeforeEach
    void market() {
        journal = new TestJournal(data).market().investor("Investor-08", true);
        // The disclosure period counts working days: rules version 4 needs the official calendar of every year counted.
        var published = OfficialCalendars.of(2026).orElseThrow();
        journal.approved(new SetOfficialCalendar(2026, published.holidays(), published.workdays()));
        journal.approved(new SetOfficialCalendar(2027, List.of(), null));
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    @Test
    void aStateOwnedAuctionLeavesItsFlagAppraisalsDisclosureAndResult() {
        journal.approved(new SetStateOwned(HOLDER, true, "state-owned LP"));
        long replaced = journal.acceptedBy(HOLDER, new RegisterAppraisal(FUND, Money.of("1000000.00"), Units.of("1000000.00"),
                "SASAC-F-1", "2027-06-30")).sourceIndex();
        long appraisal = journal.acceptedBy(HOLDER, new RegisterAppraisal(FUND, Money.of("1200000.00"), Units.of("1000000.00"),
                "SASAC-F-2", "2027-06-30")).sourceIndex();
        long consent = journal.approved(new RecordReserveApproval(HOLDER, FUND, Price.of("1.0000"), "APPROVAL-7"));
        long opened = journal.time();
        long listing = journal.acceptedBy(HOLDER, new ListAuction(FUND, ListingMechanism.ENGLISH, Units.of("100000.00"),
                Price.of("1.2000"), null, Price.of("0.0100"), opened, opened + 40 * DAY, 0L, 0L, false, null)).sourceIndex();
        journal.acceptedBy("Staff-02", new ApproveListing(listing));
        journal.acceptedBy(INVESTOR, new PlaceBid(listing, Price.of("1.2000"), null));
        journal.acceptedBy("Investor-08", new PlaceBid(listing, Price.of("1.2500"), null));
        long close = journal.advance(40 * DAY).unsigned(new Tick()).sourceIndex();
        project();

        StateOwnedReads reads = new RegistryReads(dataSource).stateOwned();
        assertEquals(List.of(HOLDER), reads.holders());
        assertEquals(List.of(new AppraisalView(replaced, FUND, HOLDER, new BigDecimal("1000000.00"), new BigDecimal("1000000.00"),
                        new BigDecimal("1.0000"), "SASAC-F-1", "2027-06-30", opened, false, null, null, null),
                new AppraisalView(appraisal, FUND, HOLDER, new BigDecimal("1200000.00"), new BigDecimal("1000000.00"),
                        new BigDecimal("1.2000"), "SASAC-F-2", "2027-06-30", opened, true, new BigDecimal("1.0000"),
                        "APPROVAL-7", consent)), reads.appraisals(Optional.of(HOLDER), false, FIRST));
        assertEquals(1, reads.appraisals(Optional.empty(), true, FIRST).size());
        DisclosureView disclosure = reads.disclosures(Optional.of(FUND), FIRST).getFirst();
        assertEquals(List.of(listing, "ENGLISH", new BigDecimal("1.2000"), new BigDecimal("1.2000"), opened + 40 * DAY, "EXECUTED"),
                List.of(disclosure.listingId(), disclosure.mechanism(), disclosure.price(), disclosure.appraisedPrice(),
                        disclosure.endsAt(), disclosure.status()));
        assertEquals(List.of(new ResultView(close * 4096, listing, FUND, "ENGLISH", new BigDecimal("100000.00"),
                new BigDecimal("1.2500"), new BigDecimal("125000.00"), new BigDecimal("1.2000"), opened + 40 * DAY)),
                reads.results(Optional.empty(), FIRST));
        // The flag cleared by maker-checker leaves the list.
        journal.approved(new SetStateOwned(HOLDER, false, "privatised"));
        project();
        assertEquals(List.of(), new RegistryReads(dataSource).stateOwned().holders());
    }

    private void project() {
        try (Projector projector = new Projector(journal.journals(), dataSource)) {
            projector.catchUp();
        }
    }
}
