package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.engine.EngineSettlementDeadline;
import fundexchange.protocol.reference.PlatformParameters;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The day the demo's later scenes run on ({@link DemoMoney#behind}): the money scene's trade with a settlement period of
 * one business day, made there, is due before the demo's clock catches up with the wall clock, on any day the demo runs
 * (weekends and holidays included) and when the platform date changes during the run (both days move on by one). The
 * deadline is the engine's own ({@code SettlementDeadline}) over the demo's calendars ({@link DemoCalendar}).
 */
class DemoScenesDayTest {
    private static final ZoneId ZONE = ZoneId.of(PlatformParameters.DEFAULTS.zone());
    /** The engine's deadline of a one-business-day trade, over the demo's calendars of the years counted. */
    private static final LongUnaryOperator ONE_DAY = engineDeadline();

    private static LongUnaryOperator engineDeadline() {
        Map<Integer, List<String>> holidays = new TreeMap<>();
        Map<Integer, List<String>> workdays = new TreeMap<>();
        for (int year = 2024; year <= 2029; year++) {
            holidays.put(year, DemoCalendar.holidays(year));
            if (!DemoCalendar.workdays(year).isEmpty()) {
                workdays.put(year, DemoCalendar.workdays(year));
            }
        }
        return EngineSettlementDeadline.of(holidays, workdays, 1);
    }

    /** The engine's deadline of a one-business-day trade made at noon on {@code day}. */
    private static long dueOfATradeMadeOn(LocalDate day) {
        return ONE_DAY.applyAsLong(day.atTime(12, 0).atZone(ZONE).toInstant().toEpochMilli());
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toInstant().toEpochMilli();
    }

    @Test
    void theOneDayDeadlineOfTheScenesDayHasPassedByTheWallClockOnEveryDayThrough2028() {
        // 2025 and 2026 published; 2027 and 2028 the synthetic calendar the demo sets for a year without one.
        for (LocalDate today = LocalDate.parse("2025-01-01"); today.getYear() <= 2028; today = today.plusDays(1)) {
            long days = DemoMoney.behind(today.atTime(12, 0).atZone(ZONE).toInstant()).toDays();
            LocalDate scenes = today.minusDays(days);
            // Due by the start of today; after midnight (scenes' day and today one on), by the start of tomorrow.
            assertTrue(dueOfATradeMadeOn(scenes) <= startOf(today), today + ": " + scenes);
            assertTrue(dueOfATradeMadeOn(scenes.plusDays(1)) <= startOf(today.plusDays(1)), today + ": " + scenes);
            assertTrue(days >= 2 && days <= 14, today + ": " + days + " days back");
        }
    }

    @Test
    void theDemosCalendarAgreesWithTheEnginesOnEveryDayThrough2028() {
        for (LocalDate day = LocalDate.parse("2025-01-01"); day.getYear() <= 2028; day = day.plusDays(1)) {
            assertEquals(startOf(DemoCalendar.nextBusinessDay(day).plusDays(1)), dueOfATradeMadeOn(day), day.toString());
        }
    }

    @Test
    void onASundayTheScenesRunOnWednesdaySoThatAFridayAfterMidnightStillLeavesMondayBehindIt() {
        // Sunday 2026-12-06: Thursday's next business day (Friday) ends before Sunday, but after midnight the scenes'
        // day is Friday, whose next business day, Monday, would not end before Monday: so Wednesday.
        assertEquals(4, DemoMoney.behind(LocalDate.parse("2026-12-06").atTime(10, 0).atZone(ZONE).toInstant()).toDays());
        // Tuesday 2026-12-08: Sunday, whose next business day is Monday.
        assertEquals(2, DemoMoney.behind(LocalDate.parse("2026-12-08").atTime(10, 0).atZone(ZONE).toInstant()).toDays());
    }
}
