package fundexchange.testsupport;

import fundexchange.protocol.command.YearCalendar;
import fundexchange.protocol.reference.OfficialCalendars;
import fundexchange.protocol.reference.PlatformParameters;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * TEST CALENDARS, NOT OFFICIAL: synthetic Monday-to-Friday calendars (no holidays, no make-up working days) for a
 * genesis written at the wall clock, whose trades' settlement deadlines (rules version 6) may reach a year the build
 * ships no official calendar for (from 25 December 2026 the 5th business day falls in 2027). {@link YearCalendar}
 * carries no label, so nothing in a journal marks them as synthetic: never set them outside a test or benchmark.
 */
public final class TestCalendars {
    /** How many years after the clock's year are covered. */
    public static final int YEARS_AHEAD = 2;

    private TestCalendars() {
    }

    /** A test calendar of {@code year}: every Monday to Friday is a business day. */
    public static YearCalendar mondayToFriday(int year) {
        return new YearCalendar(year, List.of(), List.of());
    }

    /**
     * A test calendar for each year from {@code now}'s (in UTC, never later than in the platform zone) to
     * {@link #YEARS_AHEAD} after it that has no published calendar ({@link OfficialCalendars}).
     */
    public static List<YearCalendar> unpublishedYearsFrom(Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear();
        int zoneYear = now.atZone(java.time.ZoneId.of(PlatformParameters.DEFAULTS.zone())).getYear();
        List<YearCalendar> calendars = new ArrayList<>();
        for (int y = year; y <= zoneYear + YEARS_AHEAD; y++) {
            if (OfficialCalendars.of(y).isEmpty()) {
                calendars.add(mondayToFriday(y));
            }
        }
        return calendars;
    }
}
