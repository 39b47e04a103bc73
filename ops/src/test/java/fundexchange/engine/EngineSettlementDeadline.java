package fundexchange.engine;

import java.util.List;
import java.util.Map;

/**
 * For the ops module's tests: the engine's own settlement deadline ({@link SettlementDeadline}, package-private) over a
 * state holding the given calendars, built as the engine's tests build one ({@code StateOwnedCalendarTest}). It lives
 * in the engine's package so that the demo's calendar is checked against the engine's computation, not a copy of it.
 */
public final class EngineSettlementDeadline {
    private EngineSettlementDeadline() {
    }

    /** The deadline (epoch ms) of a trade made at {@code time} with a settlement period of {@code businessDays}. */
    public static long of(Map<Integer, List<String>> holidays, Map<Integer, List<String>> workdays, int businessDays,
                          long time) {
        ExchangeState state = new ExchangeState();
        state.holidays.putAll(holidays);
        state.workdays.putAll(workdays);
        state.parameters = state.parameters.with("settlement-business-days", Integer.toString(businessDays));
        return new SettlementDeadline(state).of(time);
    }
}
