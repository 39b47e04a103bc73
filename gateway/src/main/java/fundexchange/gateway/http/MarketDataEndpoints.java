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
 * Each answer comes from one in-memory snapshot ({@link MarketReads#published()}: no database connection per read)
 * and carries its {@code asOf}; a strong {@code ETag} over the body lets a client revalidate ({@code If-None-Match}:
 * 304 without a body); each snapshot's answer to a query is serialised and tagged once ({@link PublicAnswers}). The
 * reads have their own rate bound, per remote address with a shared backstop ({@link PublicReadBudget}; beyond it 503,
 * code 110: load shed, "try again shortly", with no code of its own, so the portal's shared words do not grow). No
 * participant, pseudonym or trade id appears; an unknown fund and a withheld one get the same 404. Queries are strict:
 * an unknown, repeated or malformed parameter is refused (400, code 109). Money, units and prices are the API's
 * fixed-point strings; percentages are strings at one decimal.
 */
final class MarketDataEndpoints {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final Pattern LIMIT = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern FUND_CODE = Pattern.compile("[A-Za-z0-9._~-]{1,64}");
    private static final int MAX_STRATEGY = 200;
    private static final String CURSOR_SEPARATOR = ":";
    private static final com.fasterxml.jackson.databind.ObjectMapper OUTPUT = new com.fasterxml.jackson.databind.ObjectMapper();
    private final GatewayServices services;
    private final PublicReadBudget budget;
    private final PublicAnswers answers = new PublicAnswers();

    MarketDataEndpoints(GatewayServices services, PublicReadBudget budget) {
        this.services = services;
        this.budget = budget;
    }

    /**
     * {@code GET /funds/{fundCode}/market-data-consent} (signed): the manager's standing choice for its fund. The fund's
     * manager (the one its transfer terms name), staff and regulators only; anyone else gets the 404 of an unknown fund.
     */
    Object consent(fundexchange.gateway.auth.Caller caller, ServerRequest request) {
        ListParams.strict(request, Set.of());
        String fundCode = request.path().pathParameters().get("fundCode");
        fundexchange.registry.read.RegistryReads registry = services.registry();
        boolean allowed = registry.fund(fundCode).isPresent() && (Viewers.oversight(caller)
                || registry.notices().terms(fundCode).map(t -> caller.participantId().equals(t.manager())).orElse(false));
        if (!allowed) {
            throw new ApiException(404, ApiError.NOT_FOUND, "no fund " + fundCode
                    + " whose market-data consent you may read (its manager, staff and regulators may)");
        }
        return registry.market().consent(fundCode)
                .map(c -> new ConsentView(fundCode, c.publish(), c.setAtIndex()))
                .orElse(new ConsentView(fundCode, false, null));
    }

    /** The standing consent: {@code setAtIndex} absent while the manager never chose (the fund is withheld). */
    record ConsentView(String fundCode, boolean publish, Long setAtIndex) {
    }

    Handler summary() {
        return (request, response) -> {
            MarketReads.Snapshot reads = begin(request, Set.of());
            send(request, response, answers.answer(reads, "summary", () -> {
                MarketReads.Summary s = reads.summary();
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("asOf", date(s.asOf()));
                body.put("zone", s.zone());
                body.put("k", s.k());
                body.put("fundsPublished", s.fundsPublished());
                body.put("strategies", s.strategies().stream().map(g -> group("strategy", g)).toList());
                body.put("vintages", s.vintages().stream().map(g -> group("vintage", g)).toList());
                return body;
            }));
        };
    }

    Handler funds() {
        return (request, response) -> {
            MarketReads.Snapshot reads = begin(request, Set.of("cursor", "limit"));
            LocalDate asOf = reads.asOf();
            String cursor = request.query().first("cursor").map(given -> after(given, asOf)).orElse(null);
            int limit = DEFAULT_LIMIT;
            String given = request.query().first("limit").orElse(null);
            if (given != null) {
                if (!LIMIT.matcher(given).matches() || Integer.parseInt(given) > MAX_LIMIT) {
                    throw new ApiException(400, ApiError.MALFORMED_REQUEST, "limit must be a whole number from 1 to "
                            + MAX_LIMIT + ", without sign or leading zero");
                }
                limit = Integer.parseInt(given);
            }
            int pageSize = limit;
            send(request, response, answers.answer(reads, "funds?after=" + (cursor == null ? "" : cursor)
                    + "&limit=" + pageSize, () -> {
                List<FundFigures> page = reads.funds(cursor, pageSize + 1);
                boolean more = page.size() > pageSize;
                List<FundFigures> shown = more ? page.subList(0, pageSize) : page;
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("asOf", date(asOf));
                body.put("funds", shown.stream().map(MarketDataEndpoints::fund).toList());
                body.put("nextCursor", more ? asOf + CURSOR_SEPARATOR + shown.getLast().fundCode() : null);
                return body;
            }));
        };
    }

    Handler fund() {
        return (request, response) -> {
            MarketReads.Snapshot reads = begin(request, Set.of());
            String code = request.path().pathParameters().get("fundCode");
            FundFigures figures = reads.fund(code).orElseThrow(() -> new ApiException(404, ApiError.NOT_FOUND,
                    "no published market data for this fund"));
            send(request, response, answers.answer(reads, "fund/" + code, () -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("asOf", date(reads.asOf()));
                body.putAll(fund(figures));
                return body;
            }));
        };
    }

    Handler index() {
        return (request, response) -> {
            MarketReads.Snapshot reads = begin(request, Set.of("strategy"));
            String strategy = request.query().first("strategy").orElse(null);
            if (strategy != null && (strategy.isBlank() || strategy.length() > MAX_STRATEGY
                    || !strategy.equals(strategy.strip()) || strategy.chars().anyMatch(Character::isISOControl))) {
                throw new ApiException(400, ApiError.MALFORMED_REQUEST, "strategy must be 1-" + MAX_STRATEGY
                        + " characters without surrounding spaces or control characters");
            }
            send(request, response, answers.answer(reads, strategy == null ? "index" : "index?strategy=" + strategy,
                    () -> indexBody(reads, strategy)));
        };
    }

    private static Map<String, Object> indexBody(MarketReads.Snapshot reads, String strategy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("asOf", date(reads.asOf()));
        body.put("strategy", strategy);
        body.put("series", reads.index(strategy).stream().map(series -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("strategy", series.strategy());
            shown.put("currency", series.currency());
            shown.put("points", series.points().stream().map(point -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("date", point.date().toString());
                p.put("discountToNavPct", Published.percent(point.discountToNavPct()));
                return p;
            }).toList());
            return shown;
        }).toList());
        return body;
    }

    /**
     * The common checks: the registry readable, the query strict (only {@code allowed} names, each once; a refused
     * query costs the caller's budget nothing, as it reads no snapshot), within the public reads' rate bound; then the
     * one snapshot the answer is taken from.
     */
    private MarketReads.Snapshot begin(ServerRequest request, Set<String> allowed) {
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
        if (!budget.tryAcquire(address(request))) {
            throw new ApiException(503, ApiError.UNAVAILABLE, "public market data is being read more often than "
                    + budget.perAddress() + " times a second from your address (or " + budget.total()
                    + " from all); try again shortly");
        }
        return services.registry().market().published();
    }

    /** The caller's IP address (the connection's peer; no forwarded header is trusted). */
    private static String address(ServerRequest request) {
        return request.remotePeer().address() instanceof java.net.InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(request.remotePeer().address());
    }

    /**
     * {@code body} as JSON keeping its fields in the documented order and its nulls ({@code asOf},
     * {@code nextCursor}, {@code bestBid}, {@code bestOffer}, {@code strategy}), unlike the journal's mapper that
     * {@link Json#send} uses (sorted keys, nulls left out). Every amount is already a string.
     */
    static byte[] serialise(Map<String, Object> body) {
        try {
            return OUTPUT.writeValueAsBytes(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a serialised answer, or 304 when {@code If-None-Match} names its tag. */
    private static void send(ServerRequest request, ServerResponse response, PublicAnswers.Answer answer) {
        byte[] bytes = answer.body();
        String etag = answer.etag();
        response.header(io.helidon.http.HeaderNames.ETAG, etag);
        response.header(io.helidon.http.HeaderNames.CACHE_CONTROL, "no-cache");
        if (matches(String.join(",", request.headers().all(io.helidon.http.HeaderNames.IF_NONE_MATCH, List::of)), etag)) {
            response.status(io.helidon.http.Status.NOT_MODIFIED_304);
            response.send();
            return;
        }
        response.status(io.helidon.http.Status.OK_200);
        response.header(io.helidon.http.HeaderNames.CONTENT_TYPE, "application/json");
        response.send(bytes);
    }

    /** A strong entity tag: the first 128 bits of the body's SHA-256, in hex and quotes. */
    static String etag(byte[] body) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + java.util.HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an {@code If-None-Match} value (a list of tags, or {@code *}) names {@code etag} (weak compare). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
                return true;
            }
        }
        return false;
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
        last.put("pctOfNav", Published.percent(f.lastPctOfNav()));
        last.put("tradeDate", f.lastTradeDate().toString());
        body.put("lastTrade", last);
        body.put("vwap90", Published.price(f.vwap90()));
        body.put("tradeCount90", f.tradeCount90());
        body.put("volumeUnits90", Published.amount(f.volumeUnits90()));
        body.put("consideration90", Published.amount(f.consideration90()));
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
        body.put("volumeUnits", Published.amount(g.volumeUnits()));
        body.put("consideration", Published.amount(g.consideration()));
        body.put("discountToNavPct", g.discountToNavPct() == null ? null : Published.percent(g.discountToNavPct()));
        return body;
    }

    /**
     * The fund code after which a page starts, from a {@code nextCursor} ({@code asOf:fundCode}); a cursor of another
     * snapshot, or none at all, is refused (400, code 109): pages of one listing come from one snapshot.
     */
    private static String after(String cursor, LocalDate asOf) {
        int separator = cursor.indexOf(CURSOR_SEPARATOR);
        if (separator < 0 || asOf == null || !cursor.substring(0, separator).equals(asOf.toString())
                || !FUND_CODE.matcher(cursor.substring(separator + 1)).matches()) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "cursor must be a nextCursor of the current snapshot"
                    + (asOf == null ? "" : " (asOf " + asOf + "); start again without a cursor"));
        }
        return cursor.substring(separator + 1);
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
