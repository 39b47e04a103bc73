package fundexchange.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The day the demo's later scenes run on ({@link DemoMoney#behind}): the money scene's trade with a settlement period of
 * one business day, made there, is due before the demo's clock catches up with the wall clock, on any day the demo runs
 * (weekends and holidays included) and when the platform date changes during the run (both days move on by one).
 */
class DemoScenesDayTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void theOneDayDeadlineOfTheScenesDayHasPassedByTheWallClockOnEveryDayOfThePublishedCalendars() {
        for (LocalDate today = LocalDate.parse("2025-01-01"); today.getYear() <= 2026; today = today.plusDays(1)) {
            long days = DemoMoney.behind(today.atTime(12, 0).atZone(ZONE).toInstant()).toDays();
            LocalDate scenes = today.minusDays(days);
            LocalDate tomorrow = today.plusDays(1);
            // Due at the end of the next business day: before today starts; after midnight, before tomorrow starts.
            assertTrue(DemoMoney.nextBusinessDay(scenes).isBefore(today), today + ": " + scenes);
            assertTrue(DemoMoney.nextBusinessDay(scenes.plusDays(1)).isBefore(tomorrow), today + ": " + scenes);
            assertTrue(days >= 2 && days <= 14, today + ": " + days + " days back");
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
