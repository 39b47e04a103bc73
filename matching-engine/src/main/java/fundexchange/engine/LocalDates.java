package fundexchange.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;

/**
 * The engine's date conversions without allocating on the command path. An instance, one per engine
 * ({@link ExchangeState#dates}), answers the date a journal time falls on in the platform zone and keeps the last day
 * asked, with the instants it spans, as long as the zone's offset does not change inside it: engines replaying other
 * days on other threads never evict each other's day. The date an ISO text names and the ISO text of a date are
 * static, in small bounded caches keyed by the text and by the day whose entries are immutable, so engines on any
 * thread may share them. All are pure functions of their arguments, so no cache changes an answer.
 */
final class LocalDates {
    /** A day of a zone and the instants [start, end) it spans, with no offset change inside. */
    private record Day(String zone, long start, long end, LocalDate date) {
    }

    /** An ISO text and the date it names. */
    private record Parsed(String text, LocalDate date) {
    }

    /** A date as a day number and its ISO text. */
    private record Text(long epochDay, String iso) {
    }

    private static final int PARSED_SLOTS = 256;
    private static final Parsed[] PARSED = new Parsed[PARSED_SLOTS];
    private static final Text[] TEXTS = new Text[PARSED_SLOTS];
    /** The last day asked of this engine; only its engine's thread reads or writes it. */
    private Day lastDay;

    LocalDates() {
    }

    /** The date {@code epochMs} falls on in {@code zone}: {@code Instant.ofEpochMilli(epochMs).atZone(zone).toLocalDate()}. */
    LocalDate of(long epochMs, String zone) {
        Day day = lastDay;
        if (day != null && epochMs >= day.start() && epochMs < day.end() && day.zone().equals(zone)) {
            return day.date();
        }
        ZoneId id = ZoneId.of(zone);
        LocalDate date = Instant.ofEpochMilli(epochMs).atZone(id).toLocalDate();
        long start;
        long end;
        try {
            start = date.atStartOfDay(id).toInstant().toEpochMilli();
            end = date.plusDays(1).atStartOfDay(id).toInstant().toEpochMilli();
        } catch (ArithmeticException outsideMillis) {
            return date; // the first or last day a long of milliseconds reaches: its bounds are not longs, so not kept
        }
        ZoneOffsetTransition change = id.getRules().nextTransition(Instant.ofEpochMilli(start));
        if (start <= epochMs && epochMs < end && (change == null || change.toEpochSecond() * 1000 >= end)) {
            lastDay = new Day(zone, start, end, date);
        }
        return date;
    }

    /** {@link LocalDate#parse(CharSequence)} of {@code text}, remembered. */
    static LocalDate parse(String text) {
        int slot = text.hashCode() & (PARSED_SLOTS - 1);
        Parsed parsed = PARSED[slot];
        if (parsed != null && parsed.text().equals(text)) {
            return parsed.date();
        }
        LocalDate date = LocalDate.parse(text);
        PARSED[slot] = new Parsed(text, date);
        return date;
    }

    /** {@link LocalDate#toString()} of {@code date}, remembered. */
    static String iso(LocalDate date) {
        long epochDay = date.toEpochDay();
        int slot = (int) (epochDay & (PARSED_SLOTS - 1));
        Text text = TEXTS[slot];
        if (text != null && text.epochDay() == epochDay) {
            return text.iso();
        }
        String iso = date.toString();
        TEXTS[slot] = new Text(epochDay, iso);
        return iso;
    }
}
