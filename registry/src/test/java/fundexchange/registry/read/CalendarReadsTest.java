package fundexchange.registry.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.command.SetOfficialCalendar;
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
        long replaced;
        long replacedAt;
        try (TestJournal journal = new TestJournal(data).market()) {
            journal.approved(new SetOfficialCalendar(2026, List.of("2026-10-01", "2026-02-16"),
                    List.of("2026-02-14", "2026-02-28")));
            journal.approved(new SetOfficialCalendar(2027, List.of("2027-01-01"), null));
            replacedAt = journal.advance(60_000L).time();
            // the approval, the proposal's next index, sets the calendar (rules version 7: maker-checker)
            replaced = journal.approved(new SetOfficialCalendar(2026, List.of("2026-02-16", "2026-02-17"),
                    List.of("2026-02-14"))) + 1;
            try (Projector projector = new Projector(journal.journals(), dataSource)) {
                projector.catchUp();
            }
        }
        CalendarReads calendar = new RegistryReads(dataSource).calendar();
        assertEquals(Optional.of(new CalendarView(2026, replaced, replacedAt,
                List.of("2026-02-16", "2026-02-17"), List.of("2026-02-14"))), calendar.year(2026));
        assertEquals(List.of("2027-01-01"), calendar.year(2027).orElseThrow().holidays());
        assertEquals(List.of(), calendar.year(2027).orElseThrow().workdays());
        assertEquals(Optional.empty(), calendar.year(2028));
        // 2025 (and 2026 before staff replaced it) from the genesis, which carries the published calendars as init's does.
        assertEquals(List.of(2025, 2026, 2027), calendar.years());
    }
}
