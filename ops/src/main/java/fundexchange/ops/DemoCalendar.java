package fundexchange.ops;

import fundexchange.protocol.reference.OfficialCalendars;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * The demo's one business calendar, as its journal holds it: the State Council's published calendars the genesis sets
 * ({@link OfficialCalendars}), and for a year this build has none of, the synthetic one {@link DemoMarket} sets by
 * maker-checker (New Year's Day and National Day only, no make-up working days). {@link DemoMoney#behind} counts on it.
 */
final class DemoCalendar {
    private DemoCalendar() {
    }

    /** Whether {@code year}'s calendar is a published one, which the genesis sets. */
    static boolean published(int year) {
        return OfficialCalendars.of(year).isPresent();
    }

    /** The holidays of {@code year}: the published ones, else the synthetic calendar's (ISO dates, sorted). */
    static List<String> holidays(int year) {
        return OfficialCalendars.of(year).map(OfficialCalendars.YearCalendar::holidays)
                .orElse(List.of(year + "-01-01", year + "-10-01"));
    }

    /** The make-up working days of {@code year}: the published ones, else none (ISO dates, sorted). */
    static List<String> workdays(int year) {
        return OfficialCalendars.of(year).map(OfficialCalendars.YearCalendar::workdays).orElse(List.of());
    }

    /** The {@code SetOfficialCalendar} action that sets the synthetic calendar of {@code year}. */
    static String synthetic(int year) {
        return "{\"type\":\"SetOfficialCalendar\",\"year\":" + year + ",\"holidays\":[\""
                + String.join("\",\"", holidays(year)) + "\"]}";
    }

    /** Monday to Friday less the year's holidays, plus its make-up working days. */
    static boolean businessDay(LocalDate day) {
        String iso = day.toString();
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend ? workdays(day.getYear()).contains(iso) : !holidays(day.getYear()).contains(iso);
    }

    /** The first business day after {@code day}. */
    static LocalDate nextBusinessDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!businessDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }
}
