package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.CALENDAR_DAYS;
import static fundexchange.registry.schema.Tables.CALENDAR_YEARS;

import fundexchange.protocol.event.HolidaysSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;

/** The official calendar (V16): a year's {@code HolidaysSet} replaces its days. Like {@link EventProjection} it never decides. */
final class CalendarProjection {
    private final DSLContext tx;
    private final StatementBatch batch;

    CalendarProjection(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
    }

    void set(HolidaysSet e, long index, long time) {
        batch.flush(); // the year's earlier days may still be queued
        OffsetDateTime at = OffsetDateTime.ofInstant(Instant.ofEpochMilli(time), ZoneOffset.UTC);
        tx.deleteFrom(CALENDAR_DAYS).where(CALENDAR_DAYS.YEAR.eq(e.year())).execute();
        batch.insert(tx.insertInto(CALENDAR_YEARS)
                .set(CALENDAR_YEARS.YEAR, e.year())
                .set(CALENDAR_YEARS.SET_INDEX, index)
                .set(CALENDAR_YEARS.SET_AT, at)
                .onConflict(CALENDAR_YEARS.YEAR)
                .doUpdate()
                .set(CALENDAR_YEARS.SET_INDEX, index)
                .set(CALENDAR_YEARS.SET_AT, at), List.of(year(e.year())));
        days(e.year(), e.holidays(), "HOLIDAY");
        days(e.year(), e.workdays() == null ? List.of() : e.workdays(), "WORKDAY");
    }

    private static String year(int year) {
        return "CY:" + year;
    }

    private void days(int year, List<String> days, String kind) {
        for (String day : days) {
            batch.insert(tx.insertInto(CALENDAR_DAYS)
                    .set(CALENDAR_DAYS.DAY, LocalDate.parse(day))
                    .set(CALENDAR_DAYS.YEAR, year)
                    .set(CALENDAR_DAYS.KIND, kind), List.of("CD:" + day), year(year));
        }
    }
}
