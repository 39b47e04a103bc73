package fundexchange.registry.read;

import static fundexchange.registry.schema.Tables.CALENDAR_DAYS;
import static fundexchange.registry.schema.Tables.CALENDAR_YEARS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The official calendar staff set per year (V16). */
public final class CalendarReads {
    private final DSLContext dsl;

    CalendarReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** {@code year}'s calendar, or empty if staff have set none. */
    public Optional<CalendarView> year(int year) {
        var set = dsl.selectFrom(CALENDAR_YEARS).where(CALENDAR_YEARS.YEAR.eq(year)).fetchOptional();
        if (set.isEmpty()) {
            return Optional.empty();
        }
        List<String> holidays = new ArrayList<>();
        List<String> workdays = new ArrayList<>();
        dsl.select(CALENDAR_DAYS.DAY, CALENDAR_DAYS.KIND).from(CALENDAR_DAYS).where(CALENDAR_DAYS.YEAR.eq(year))
                .orderBy(CALENDAR_DAYS.DAY)
                .forEach(r -> ("WORKDAY".equals(r.value2()) ? workdays : holidays).add(r.value1().toString()));
        return Optional.of(new CalendarView(year, set.get().getSetIndex(), set.get().getSetAt().toInstant().toEpochMilli(),
                holidays, workdays));
    }

    /** Every year staff have set, in order. */
    public List<Integer> years() {
        return dsl.select(CALENDAR_YEARS.YEAR).from(CALENDAR_YEARS).orderBy(CALENDAR_YEARS.YEAR).fetch(CALENDAR_YEARS.YEAR);
    }
}
