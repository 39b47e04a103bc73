package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's cached date conversions answer exactly as the JDK's uncached ones. */
class LocalDatesTest {
    private final LocalDates dates = new LocalDates();

    @Test
    void theDateOfAJournalTimeIsTheZonesDateAcrossDaysAndOffsetChanges() {
        // Asia/Shanghai (the platform's), a zone with daylight saving, and one that skipped a whole day (2011-12-30).
        for (String zone : List.of("Asia/Shanghai", "Europe/Berlin", "America/Sao_Paulo", "Pacific/Apia", "UTC")) {
            ZoneId id = ZoneId.of(zone);
            long start = Instant.parse("2011-12-28T00:00:00Z").toEpochMilli();
            for (long t = start; t < start + 6L * 86_400_000; t += 7 * 60_000 + 13) {
                assertEquals(Instant.ofEpochMilli(t).atZone(id).toLocalDate(), dates.of(t, zone), zone + " at " + t);
            }
            long spring = Instant.parse("2026-03-28T00:00:00Z").toEpochMilli();
            for (long t = spring; t < spring + 3L * 86_400_000; t += 5 * 60_000 + 7) {
                assertEquals(Instant.ofEpochMilli(t).atZone(id).toLocalDate(), dates.of(t, zone), zone + " at " + t);
            }
        }
    }

    @Test
    void theFirstAndLastJournalTimesGiveTheJdksDatesThoughTheirDaysBoundsAreNoLongs() {
        for (String zone : List.of("Asia/Shanghai", "UTC", "America/Sao_Paulo")) {
            ZoneId id = ZoneId.of(zone);
            for (long t : new long[] {Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1}) {
                assertEquals(Instant.ofEpochMilli(t).atZone(id).toLocalDate(), dates.of(t, zone), zone + " at " + t);
            }
        }
        // An ordinary day after them is still answered (and kept) as before.
        long t = Instant.parse("2026-03-02T04:00:00Z").toEpochMilli();
        assertEquals(LocalDate.of(2026, 3, 2), dates.of(t, "Asia/Shanghai"));
    }

    @Test
    void parsedAndPrintedDatesAreTheJdksWhateverTheCacheHolds() {
        LocalDate day = LocalDate.parse("2024-01-01");
        for (int i = 0; i < 2_000; i++) {
            LocalDate d = day.plusDays(i * 37L % 1_500);
            assertEquals(d.toString(), LocalDates.iso(d));
            assertEquals(d, LocalDates.parse(d.toString()));
        }
        assertEquals(LocalDate.of(2099, 12, 31), LocalDates.parse("2099-12-31"));
    }
}
