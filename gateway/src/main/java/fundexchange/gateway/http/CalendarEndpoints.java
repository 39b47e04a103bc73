package fundexchange.gateway.http;

import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.view.GatewayView;
import fundexchange.protocol.reference.OfficialCalendars;
import fundexchange.registry.read.CalendarReads;
import fundexchange.registry.read.CalendarView;
import fundexchange.registry.read.RegistryReads;
import io.helidon.webserver.http.ServerRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /calendar?year=}: a year's official calendar as staff set it (holidays and make-up working days), and the
 * State Council's published one where this build ships it, for every approved role (docs/api.md).
 */
final class CalendarEndpoints {
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;
    private final CalendarReads calendar;
    private final GatewayView view;

    CalendarEndpoints(RegistryReads registry, GatewayView view) {
        this.calendar = registry.calendar();
        this.view = view;
    }

    /**
     * {@code {year, set, setIndex?, setAt?, holidays[], workdays[], published?{holidays[], workdays[], source}}}; the
     * year defaults to the platform's business date's.
     */
    Object year(Caller caller, ServerRequest request) {
        ListParams params = ListParams.parse(request, "year");
        int year = year(params.text("year").orElse(null));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("year", year);
        Optional<CalendarView> set = calendar.year(year);
        body.put("set", set.isPresent());
        set.ifPresent(s -> {
            body.put("setIndex", s.setIndex());
            body.put("setAt", s.setAt());
        });
        body.put("holidays", set.map(CalendarView::holidays).orElse(List.of()));
        body.put("workdays", set.map(CalendarView::workdays).orElse(List.of()));
        OfficialCalendars.of(year).ifPresent(p -> body.put("published",
                Map.of("holidays", p.holidays(), "workdays", p.workdays(), "source", p.source())));
        return body;
    }

    private int year(String given) {
        if (given == null) {
            return view.businessDate().getYear();
        }
        try {
            int year = Integer.parseInt(given);
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(400, ApiError.MALFORMED_REQUEST, "year must be " + FIRST_YEAR + " to " + LAST_YEAR);
    }
}
