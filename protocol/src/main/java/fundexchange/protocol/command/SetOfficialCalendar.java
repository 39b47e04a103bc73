package fundexchange.protocol.command;

import java.util.List;

/**
 * Staff set a year's official calendar by maker-checker (rules version 7, {@code HOLIDAYS_BY_PROPOSAL}): the fields
 * and their rules are {@link SetHolidays}'s (holidays; make-up working days {@code workdays}, absent meaning none), and
 * the approval replaces the year's whole calendar ({@code HolidaysSet}).
 */
public record SetOfficialCalendar(int year, List<String> holidays, List<String> workdays) implements SensitiveAction {
    /** The direct command with the same calendar, decided by the same rules. */
    public SetHolidays asCommand() {
        return new SetHolidays(year, holidays, workdays);
    }
}
