package fundexchange.gateway.http;

import fundexchange.gateway.GatewayServices;
import fundexchange.registry.read.MarketReads;
import fundexchange.registry.read.MarketReads.FundFigures;
import fundexchange.registry.read.MarketReads.GroupFigures;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Public market data (issue 23), unsigned (CONTRACTS.md 15): {@code GET /market-data}, {@code /market-data/funds},
 * {@code /market-data/funds/{fundCode}} and {@code /market-data/index}, as the registry's last snapshot published them.
 * No participant, pseudonym or trade id appears; an unknown fund and a withheld one get the same 404. Queries are
 * strict: an unknown, repeated or malformed parameter is refused (400, code 109). Money, units and prices are the
 * API's fixed-point strings; percentages are strings at scale 2.
 */
final class MarketDataEndpoints {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern LIMIT = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern FUND_CODE = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    private static final int MAX_STRATEGY = 200;
    private static final com.fasterxml.jackson.databind.ObjectMapper OUTPUT = new com.fasterxml.jackson.databind.ObjectMapper();
    private final GatewayServices services;

    MarketDataEndpoints(GatewayServices services) {
        this.services = services;
    }

    Handler summary() {
        return (request, response) -> {
            MarketReads.Summary s = begin(request, Set.of()).summary();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("asOf", date(s.asOf()));
            body.put("zone", s.zone());
            body.put("k", s.k());
            body.put("fundsPublished", s.fundsPublished());
            body.put("fundsWithheld", s.fundsWithheld());
            body.put("strategies", s.strategies().stream().map(g -> group("strategy", g)).toList());
            body.put("vintages", s.vintages().stream().map(g -> group("vintage", g)).toList());
            send(response, body);
        };
    }

    Handler funds() {
        return (request, response) -> {
            MarketReads reads = begin(request, Set.of("cursor", "limit"));
            String cursor = request.query().first("cursor").orElse(null);
            if (cursor != null && !FUND_CODE.matcher(cursor).matches()) {
                throw new ApiException(400, ApiError.MALFORMED_REQUEST, "cursor must be a fund code from nextCursor");
            }
            int limit = DEFAULT_LIMIT;
            String given = request.query().first("limit").orElse(null);
            if (given != null) {
                if (!LIMIT.matcher(given).matches() || Integer.parseInt(given) > MAX_LIMIT) {
                    throw new ApiException(400, ApiError.MALFORMED_REQUEST, "limit must be a whole number from 1 to "
                            + MAX_LIMIT + ", without sign or leading zero");
                }
                limit = Integer.parseInt(given);
            }
            List<FundFigures> page = reads.funds(cursor, limit + 1);
            boolean more = page.size() > limit;
            List<FundFigures> shown = more ? page.subList(0, limit) : page;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("funds", shown.stream().map(MarketDataEndpoints::fund).toList());
            body.put("nextCursor", more ? shown.getLast().fundCode() : null);
            send(response, body);
        };
    }

    Handler fund() {
        return (request, response) -> {
            MarketReads reads = begin(request, Set.of());
            String code = request.path().pathParameters().get("fundCode");
            FundFigures figures = reads.fund(code).orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND,
                    "no published market data for this fund"));
            send(response, fund(figures));
        };
    }

    Handler index() {
        return (request, response) -> {
            MarketReads reads = begin(request, Set.of("strategy"));
            String strategy = request.query().first("strategy").orElse(null);
            if (strategy != null && (strategy.isBlank() || strategy.length() > MAX_STRATEGY
                    || !strategy.equals(strategy.strip()) || strategy.chars().anyMatch(Character::isISOControl))) {
                throw new ApiException(400, ApiError.MALFORMED_REQUEST, "strategy must be 1-" + MAX_STRATEGY
                        + " characters without surrounding spaces or control characters");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("strategy", strategy);
            body.put("series", reads.index(strategy).stream().map(series -> {
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("strategy", series.strategy());
                shown.put("currency", series.currency());
                shown.put("points", series.points().stream().map(point -> {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("date", point.date().toString());
                    p.put("discountToNavPct", point.discountToNavPct().toPlainString());
                    return p;
                }).toList());
                return shown;
            }).toList());
            send(response, body);
        };
    }

    /** The common checks: the registry readable, the query strict (only {@code allowed} names, each once). */
    private MarketReads begin(ServerRequest request, Set<String> allowed) {
        services.readProblem().ifPresent(problem -> {
            throw new ApiException(503, ApiError.UNAVAILABLE, problem);
        });
        QueryRules.requireSingle(request);
        for (String name : request.query().names()) {
            if (!allowed.contains(name)) {
                throw new ApiException(400, ApiError.MALFORMED_REQUEST, "unknown query parameter '" + name + "'"
                        + (allowed.isEmpty() ? "; this read takes none" : "; this read takes " + String.join(", ",
                        new java.util.TreeSet<>(allowed))));
            }
        }
        if (request.query().rawValue().contains("=&") || request.query().rawValue().endsWith("=")) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "a query parameter is given without a value");
        }
        return services.registry().market();
    }

    /**
     * Sends {@code body} as JSON keeping its fields in the documented order and its nulls ({@code asOf},
     * {@code nextCursor}, {@code bestBid}, {@code bestOffer}, {@code strategy}), unlike the journal's mapper that
     * {@link Json#send} uses (sorted keys, nulls left out). Every amount is already a string.
     */
    private static void send(ServerResponse response, Map<String, Object> body) {
        byte[] bytes;
        try {
            bytes = OUTPUT.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.status(io.helidon.http.Status.OK_200);
        response.header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json");
        response.send(bytes);
    }

    static Map<String, Object> fund(FundFigures f) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fundCode", f.fundCode());
        body.put("shortName", f.shortName());
        body.put("strategy", f.strategy());
        body.put("vintage", f.vintage());
        body.put("currency", f.currency());
        body.put("figuresAsOf", f.figuresAsOf().toString());
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("price", f.lastPrice().toPlainString());
        last.put("pctOfNav", f.lastPctOfNav().toPlainString());
        last.put("tradeDate", f.lastTradeDate().toString());
        body.put("lastTrade", last);
        body.put("vwap90", f.vwap90().toPlainString());
        body.put("tradeCount90", f.tradeCount90());
        body.put("volumeUnits90", f.volumeUnits90().toPlainString());
        body.put("consideration90", f.consideration90().toPlainString());
        body.put("bestBid", plain(f.bestBid()));
        body.put("bestOffer", plain(f.bestOffer()));
        return body;
    }

    private static Map<String, Object> group(String key, GroupFigures g) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, key.equals("vintage") ? (Object) Integer.valueOf(g.name()) : g.name());
        body.put("currency", g.currency());
        body.put("funds", g.funds());
        body.put("tradeCount", g.tradeCount());
        body.put("volumeUnits", g.volumeUnits().toPlainString());
        body.put("consideration", g.consideration().toPlainString());
        body.put("vwapPrice", g.vwapPrice().toPlainString());
        body.put("discountToNavPct", g.discountToNavPct().toPlainString());
        return body;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
