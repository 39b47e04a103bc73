package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/** Each fund's short name, currency and NAV per unit as the journal stands so far. Lookups only. */
final class Funds {
    /** What the report shows of a fund; {@code nav} is the exact decimal string. */
    record Fund(String name, String currency, String nav, String navDate) {
    }

    private final Map<String, Fund> funds = new TreeMap<>();

    void learn(String type, JsonNode event) {
        if ("FundRegistered".equals(type)) {
            JsonNode f = event.path("fund");
            String code = Json.text(f, "fundCode");
            if (code != null) {
                funds.putIfAbsent(code, new Fund(Json.text(f, "shortName"), Json.text(f, "currency"), Json.text(f, "nav"),
                        Json.text(f, "navDate")));
            }
        } else if ("NavUpdated".equals(type)) {
            String code = Json.text(event, "fundCode");
            Fund known = code == null ? null : funds.get(code);
            if (known != null) {
                funds.put(code, new Fund(known.name(), known.currency(), Json.text(event, "nav"),
                        Json.text(event, "navDate")));
            }
        }
    }

    Fund of(String fundCode) {
        Fund known = fundCode == null ? null : funds.get(fundCode);
        return known != null ? known : new Fund(null, null, null, null);
    }
}
