package fundexchange.protocol.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The official calendars the State Council published (国务院办公厅关于部分节假日安排的通知), as data staff may adopt
 * with {@code SetHolidays} (docs/rules.md, "The official calendar", gives the sources). The engine never reads this:
 * a year counts only once staff have set it in the journal. Holidays list every day of each holiday period, weekends
 * included; workdays are the make-up working days (调休, 上班) on a Saturday or Sunday.
 */
public final class OfficialCalendars {
    /** 国办发明电〔2024〕12号 of 2024-11-12 (Xinhua). */
    public static final String SOURCE_2025 = "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）";
    /** The notice of 2025-11-04 (Xinhua). */
    public static final String SOURCE_2026 = "国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）";
    private static final List<YearCalendar> PUBLISHED = List.of(
            new YearCalendar(2025, days("2025-01-01", "2025-01-01", "2025-01-28", "2025-02-04", "2025-04-04", "2025-04-06",
                    "2025-05-01", "2025-05-05", "2025-05-31", "2025-06-02", "2025-10-01", "2025-10-08"),
                    List.of("2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"), SOURCE_2025),
            new YearCalendar(2026, days("2026-01-01", "2026-01-03", "2026-02-15", "2026-02-23", "2026-04-04", "2026-04-06",
                    "2026-05-01", "2026-05-05", "2026-06-19", "2026-06-21", "2026-09-25", "2026-09-27",
                    "2026-10-01", "2026-10-07"),
                    List.of("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"), SOURCE_2026));

    /** A year's published calendar: holidays and make-up working days (ISO dates, sorted) and the notice it is from. */
    public record YearCalendar(int year, List<String> holidays, List<String> workdays, String source) {
        public YearCalendar {
            holidays = List.copyOf(holidays);
            workdays = List.copyOf(workdays);
        }
    }

    private OfficialCalendars() {
    }

    /** Every published calendar, by year. */
    public static List<YearCalendar> published() {
        return PUBLISHED;
    }

    /** The published calendar of {@code year}, if this build knows it. */
    public static Optional<YearCalendar> of(int year) {
        return PUBLISHED.stream().filter(c -> c.year() == year).findFirst();
    }

    /** Every date of the inclusive ranges given as pairs {@code first, last, first, last, ...}. */
    private static List<String> days(String... ranges) {
        List<String> days = new ArrayList<>();
        for (int i = 0; i < ranges.length; i += 2) {
            for (LocalDate d = LocalDate.parse(ranges[i]); !d.isAfter(LocalDate.parse(ranges[i + 1])); d = d.plusDays(1)) {
                days.add(d.toString());
            }
        }
        return days;
    }
}
