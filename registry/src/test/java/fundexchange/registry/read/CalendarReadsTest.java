package fundexchange.registry.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.command.SetHolidays;
import fundexchange.registry.MigratedRegistry;
import fundexchange.registry.TestJournal;
import fundexchange.registry.projector.Projector;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The official calendar (V16) as projected from {@code HolidaysSet}: a year's new calendar replaces its days. */
class CalendarReadsTest {
    @RegisterExtension
    static final MigratedRegistry REGISTRY = new MigratedRegistry();
    private final DataSource dataSource = REGISTRY.dataSource();

    @TempDir
    Path data;

    @Test
    void aYearsCalendarHoldsItsHolidaysAndMakeUpWorkingDaysAndTheLatestSettingReplacesThem() {
        EventDocument replaced;
        try (TestJournal journal = new TestJournal(data).market()) {
            journal.acceptedBy("Staff-01", new SetHolidays(2026, List.of("2026-10-01", "2026-02-16"),
                    List.of("2026-02-14", "2026-02-28")));
            journal.acceptedBy("Staff-01", new SetHolidays(2027, List.of("2027-01-01")));
            replaced = journal.advance(60_000L).acceptedBy("Staff-01",
                    new SetHolidays(2026, List.of("2026-02-16", "2026-02-17"), List.of("2026-02-14")));
            try (Projector projector = new Projector(journal.journals(), dataSource)) {
                projector.catchUp();
            }
        }
        CalendarReads calendar = new RegistryReads(dataSource).calendar();
        assertEquals(Optional.of(new CalendarView(2026, replaced.sourceIndex(), replaced.time(),
                List.of("2026-02-16", "2026-02-17"), List.of("2026-02-14"))), calendar.year(2026));
        assertEquals(List.of("2027-01-01"), calendar.year(2027).orElseThrow().holidays());
        assertEquals(List.of(), calendar.year(2027).orElseThrow().workdays());
        assertEquals(Optional.empty(), calendar.year(2028));
        // 2025 (and 2026 before staff replaced it) from the genesis, which carries the published calendars as init's does.
        assertEquals(List.of(2025, 2026, 2027), calendar.years());
    }
}
