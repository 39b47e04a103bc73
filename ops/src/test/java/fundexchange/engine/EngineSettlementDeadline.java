package fundexchange.engine;

import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * For the ops module's tests: the engine's own settlement deadline ({@link SettlementDeadline}, package-private) over a
 * state holding the given calendars, built as the engine's tests build one ({@code StateOwnedCalendarTest}). It lives
 * in the engine's package so that the demo's calendar is checked against the engine's computation, not a copy of it.
 */
public final class EngineSettlementDeadline {
    private EngineSettlementDeadline() {
    }

    /**
     * The deadline (epoch ms) of a trade made at a time with a settlement period of {@code businessDays}, over one
     * state (building a state allocates its request memory, so it is built once).
     */
    public static LongUnaryOperator of(Map<Integer, List<String>> holidays, Map<Integer, List<String>> workdays,
                                       int businessDays) {
        ExchangeState state = new ExchangeState();
        state.holidays.putAll(holidays);
        state.workdays.putAll(workdays);
        state.parameters = state.parameters.with("settlement-business-days", Integer.toString(businessDays));
        SettlementDeadline deadline = new SettlementDeadline(state);
        return deadline::of;
    }
}
