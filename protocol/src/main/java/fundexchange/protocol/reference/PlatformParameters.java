package fundexchange.protocol.reference;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The platform's rules as parameters (CONTRACTS.md 17), each with a documented default (docs/rules.md).
 *
 * @param zone                     time zone of business days and daily batches
 * @param requestWindowMs          the window W: a signed timestamp further than this from the command's time is rejected
 * @param antiFlipBusinessDays     units acquired by a trade may be sold only this many business days after settlement
 * @param settlementDeadlineMs     before rules version 6: a trade not confirmed this long after execution fails by the
 *                                 clock
 * @param auctionExtensionWindowMs an English-auction bid this close to the end extends it (listing default)
 * @param auctionExtensionMs       the extension: the end moves to the bid's time plus this (listing default)
 * @param matchTopK                intent matching: at most this many proposals (or listing notices) per new or
 *                                 changed item, 1 to 100
 * @param matchScanLimit           intent matching: at most this many resting items examined per new or changed item
 *                                 (bounded work per command), at least 100
 * @param registry                 qualified-investor thresholds and the pledge rule ({@link RegistryParameters})
 * @param requests                 the idempotency memory's retention and capacity ({@link RequestParameters}); its
 *                                 retention is never less than 2 {@code requestWindowMs}
 * @param proposalExpiryMs         a maker-checker proposal not approved this long (journal time) after it was made
 *                                 expires, 1 hour to 90 days
 * @param settlementBusinessDays   from rules version 6: a trade not confirmed by the end of this many business days of
 *                                 the official calendar after its trade date fails by the clock, 1 to 250; null (never
 *                                 set) is the default {@value #DEFAULT_SETTLEMENT_BUSINESS_DAYS}, so states that never
 *                                 set it keep their hashes
 * @param registrationBusinessDays from rules version 8: a funded trade whose registration change the fund's manager has
 *                                 not confirmed by the end of this many business days after its funding unwinds, 1 to
 *                                 250; null is the default {@value #DEFAULT_REGISTRATION_BUSINESS_DAYS}
 * @param fees                     from rules version 8: the fee parameters set ({@link FeeSchedule}), by name; null when
 *                                 none differs from its default
 * @param marketDataK              from rules version 8 ({@code market-data-k}): public market data publishes a figure only when at least this
 *                                 many settled trades by at least this many distinct sellers and this many distinct
 *                                 buyers stand behind it, no single seller or buyer having more than half of its
 *                                 consideration (nor of the trades since it last moved), 3 to 100;
 *                                 null (never set) is the default {@value #DEFAULT_MARKET_DATA_K}, so states that never
 *                                 set it keep their hashes
 * @param bidDepositBasisPoints    from rules version 8 ({@code bid-deposit-bp}): a listing's bid deposit (保证金), unless
 *                                 the listing sets its own, is this share of its public value (units times the public
 *                                 starting or asking price), 0 to 10000; null (never set) is the default
 *                                 {@value #DEFAULT_BID_DEPOSIT_BASIS_POINTS}, so states that never set it keep their
 *                                 hashes
 */
public record PlatformParameters(String zone, long requestWindowMs, int antiFlipBusinessDays, long settlementDeadlineMs,
                                 long auctionExtensionWindowMs, long auctionExtensionMs, int matchTopK,
                                 int matchScanLimit, RegistryParameters registry, RequestParameters requests,
                                 long proposalExpiryMs, Integer settlementBusinessDays,
                                 Integer registrationBusinessDays, java.util.SortedMap<String, String> fees,
                                 Integer marketDataK, Integer bidDepositBasisPoints) {
    private static final long DAY_MS = 24L * 3_600_000L;
    public static final int MAX_MATCH_TOP_K = 100;
    public static final long DEFAULT_PROPOSAL_EXPIRY_MS = 7 * DAY_MS;
    /**
     * Business days to settle a trade: no pilot publishes a settlement period, so this is a platform default, loosely
     * modelled on Shanghai's custody confirmation within 5 working days (docs/rules.md).
     */
    public static final int DEFAULT_SETTLEMENT_BUSINESS_DAYS = 5;
    /**
     * Business days a manager has to confirm a funded trade's registration change: no pilot publishes one, so a
     * platform default (docs/rules.md), twice the settlement period.
     */
    public static final int DEFAULT_REGISTRATION_BUSINESS_DAYS = 10;
    /**
     * A listing's bid deposit by default: none. The platform sets a share by maker-checker once its settlement bank
     * takes deposits; until then a listing that wants one sets its own (docs/rules.md, Bid deposits).
     */
    public static final int DEFAULT_BID_DEPOSIT_BASIS_POINTS = 0;
    /** The largest deposit share: the whole public value. */
    public static final int MAX_BID_DEPOSIT_BASIS_POINTS = 10_000;
    /** The most business days a settlement period may be: about a year's. */
    public static final int MAX_SETTLEMENT_BUSINESS_DAYS = 250;
    /** Public market data's k: the fewest trades, and distinct sellers, behind a published figure (issue 23). */
    public static final int DEFAULT_MARKET_DATA_K = 3;
    public static final int MIN_MARKET_DATA_K = 3;
    public static final int MAX_MARKET_DATA_K = 100;
    public static final PlatformParameters DEFAULTS = new PlatformParameters("Asia/Shanghai", 300_000L, 5,
            3L * 24 * 3_600_000L, 300_000L, 300_000L, 10, 10_000);

    /**
     * Absent registry or request parameters or proposal expiry (snapshots written before they existed) are the defaults;
     * settlement business days equal to the default are kept as null (never set), so that setting the default leaves
     * the parameters, and the state's hash, as they were.
     */
    public PlatformParameters {
        registry = registry == null ? RegistryParameters.DEFAULTS : registry;
        requests = requests == null ? RequestParameters.DEFAULTS : requests;
        proposalExpiryMs = proposalExpiryMs <= 0 ? DEFAULT_PROPOSAL_EXPIRY_MS : proposalExpiryMs;
        settlementBusinessDays = settlementBusinessDays == null
                || settlementBusinessDays == DEFAULT_SETTLEMENT_BUSINESS_DAYS ? null : settlementBusinessDays;
        registrationBusinessDays = registrationBusinessDays == null
                || registrationBusinessDays == DEFAULT_REGISTRATION_BUSINESS_DAYS ? null : registrationBusinessDays;
        fees = fees == null || fees.isEmpty() ? null : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(fees));
        marketDataK = marketDataK == null || marketDataK == DEFAULT_MARKET_DATA_K ? null : marketDataK;
        bidDepositBasisPoints = bidDepositBasisPoints == null
                || bidDepositBasisPoints == DEFAULT_BID_DEPOSIT_BASIS_POINTS ? null : bidDepositBasisPoints;
    }

    /** Parameters without the rules-version-8 ones (registration days, fees, market-data k, bid deposit) set. */
    public PlatformParameters(String zone, long requestWindowMs, int antiFlipBusinessDays, long settlementDeadlineMs,
                              long auctionExtensionWindowMs, long auctionExtensionMs, int matchTopK,
                              int matchScanLimit, RegistryParameters registry, RequestParameters requests,
                              long proposalExpiryMs, Integer settlementBusinessDays) {
        this(zone, requestWindowMs, antiFlipBusinessDays, settlementDeadlineMs, auctionExtensionWindowMs,
                auctionExtensionMs, matchTopK, matchScanLimit, registry, requests, proposalExpiryMs, settlementBusinessDays,
                null, null, null, null);
    }

    /** The registration business days in force: the value set, or the default. */
    public int registrationBusinessDaysInForce() {
        return registrationBusinessDays == null ? DEFAULT_REGISTRATION_BUSINESS_DAYS : registrationBusinessDays;
    }

    /** {@code mechanism}'s fees in force ({@link FeeSchedule#MECHANISMS}). */
    public FeeSchedule.Rate fee(String mechanism) {
        return FeeSchedule.rate(fees, mechanism);
    }

    /** Market-data k in force: the value set, or the default. */
    public int marketDataKInForce() {
        return marketDataK == null ? DEFAULT_MARKET_DATA_K : marketDataK;
    }

    /** The bid deposit share in force (basis points of a listing's public value): the value set, or the default. */
    public int bidDepositBasisPointsInForce() {
        return bidDepositBasisPoints == null ? DEFAULT_BID_DEPOSIT_BASIS_POINTS : bidDepositBasisPoints;
    }

    /** Parameters that leave the settlement business days at their default. */
    public PlatformParameters(String zone, long requestWindowMs, int antiFlipBusinessDays, long settlementDeadlineMs,
                              long auctionExtensionWindowMs, long auctionExtensionMs, int matchTopK,
                              int matchScanLimit, RegistryParameters registry, RequestParameters requests,
                              long proposalExpiryMs) {
        this(zone, requestWindowMs, antiFlipBusinessDays, settlementDeadlineMs, auctionExtensionWindowMs,
                auctionExtensionMs, matchTopK, matchScanLimit, registry, requests, proposalExpiryMs, null);
    }

    /** The settlement business days in force: the value set, or the default. */
    public int settlementBusinessDaysInForce() {
        return settlementBusinessDays == null ? DEFAULT_SETTLEMENT_BUSINESS_DAYS : settlementBusinessDays;
    }

    /** Parameters with the default registry parameters. */
    public PlatformParameters(String zone, long requestWindowMs, int antiFlipBusinessDays, long settlementDeadlineMs,
                              long auctionExtensionWindowMs, long auctionExtensionMs, int matchTopK, int matchScanLimit) {
        this(zone, requestWindowMs, antiFlipBusinessDays, settlementDeadlineMs, auctionExtensionWindowMs,
                auctionExtensionMs, matchTopK, matchScanLimit, null, null, 0);
    }

    /** Every parameter by name, the registry's included, as {@code SetPlatformParameter} takes its value. */
    public java.util.SortedMap<String, String> values() {
        java.util.SortedMap<String, String> values = registry.values();
        values.putAll(requests.values());
        values.put("zone", zone);
        values.put("request-window-ms", Long.toString(requestWindowMs));
        values.put("anti-flip-business-days", Integer.toString(antiFlipBusinessDays));
        values.put("settlement-deadline-ms", Long.toString(settlementDeadlineMs));
        values.put("auction-extension-window-ms", Long.toString(auctionExtensionWindowMs));
        values.put("auction-extension-ms", Long.toString(auctionExtensionMs));
        values.put("match-top-k", Integer.toString(matchTopK));
        values.put("match-scan-limit", Integer.toString(matchScanLimit));
        values.put("proposal-expiry-ms", Long.toString(proposalExpiryMs));
        values.put("settlement-business-days", Integer.toString(settlementBusinessDaysInForce()));
        values.put("registration-business-days", Integer.toString(registrationBusinessDaysInForce()));
        values.putAll(FeeSchedule.values(fees));
        values.put("market-data-k", Integer.toString(marketDataKInForce()));
        values.put("bid-deposit-bp", Integer.toString(bidDepositBasisPointsInForce()));
        return values;
    }

    /** Returns these parameters with one changed, or throws IllegalArgumentException naming the problem. */
    public PlatformParameters with(String name, String value) {
        if (RegistryParameters.NAMES.contains(name)) {
            return new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays, settlementDeadlineMs,
                    auctionExtensionWindowMs, auctionExtensionMs, matchTopK, matchScanLimit, registry.with(name, value),
                    requests, proposalExpiryMs, settlementBusinessDays, registrationBusinessDays, fees, marketDataK,
                    bidDepositBasisPoints);
        }
        if ("registration-business-days".equals(name)) {
            return new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays, settlementDeadlineMs,
                    auctionExtensionWindowMs, auctionExtensionMs, matchTopK, matchScanLimit, registry, requests,
                    proposalExpiryMs, settlementBusinessDays, parseBusinessDays(name, value), fees, marketDataK,
                    bidDepositBasisPoints);
        }
        if (FeeSchedule.isFee(name)) {
            return new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays, settlementDeadlineMs,
                    auctionExtensionWindowMs, auctionExtensionMs, matchTopK, matchScanLimit, registry, requests,
                    proposalExpiryMs, settlementBusinessDays, registrationBusinessDays, FeeSchedule.with(fees, name, value),
                    marketDataK, bidDepositBasisPoints);
        }
        if ("bid-deposit-bp".equals(name)) {
            return new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays, settlementDeadlineMs,
                    auctionExtensionWindowMs, auctionExtensionMs, matchTopK, matchScanLimit, registry, requests,
                    proposalExpiryMs, settlementBusinessDays, registrationBusinessDays, fees, marketDataK,
                    Math.toIntExact(parse(name, canonical(name, value), 0, MAX_BID_DEPOSIT_BASIS_POINTS)));
        }
        if ("proposal-expiry-ms".equals(name)) {
            return new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays, settlementDeadlineMs,
                    auctionExtensionWindowMs, auctionExtensionMs, matchTopK, matchScanLimit, registry, requests,
                    parse(name, value, 3_600_000L, 90 * DAY_MS), settlementBusinessDays, registrationBusinessDays, fees,
                    marketDataK, bidDepositBasisPoints);
        }
        if ("settlement-business-days".equals(name)) {
            return new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays, settlementDeadlineMs,
                    auctionExtensionWindowMs, auctionExtensionMs, matchTopK, matchScanLimit, registry, requests,
                    proposalExpiryMs, parseSettlementBusinessDays(value), registrationBusinessDays, fees, marketDataK,
                    bidDepositBasisPoints);
        }
        if ("market-data-k".equals(name)) {
            return new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays, settlementDeadlineMs,
                    auctionExtensionWindowMs, auctionExtensionMs, matchTopK, matchScanLimit, registry, requests,
                    proposalExpiryMs, settlementBusinessDays, registrationBusinessDays, fees, parseMarketDataK(value),
                    bidDepositBasisPoints);
        }
        boolean memory = RequestParameters.NAMES.contains(name);
        PlatformParameters changed = memory ? this : changed(name, value);
        PlatformParameters result = new PlatformParameters(changed.zone, changed.requestWindowMs,
                changed.antiFlipBusinessDays, changed.settlementDeadlineMs, changed.auctionExtensionWindowMs,
                changed.auctionExtensionMs, changed.matchTopK, changed.matchScanLimit, registry,
                memory ? requests.with(name, value) : requests, proposalExpiryMs, settlementBusinessDays,
                registrationBusinessDays, fees, marketDataK, bidDepositBasisPoints);
        if (result.requests.retentionMs() / 2 < result.requestWindowMs) {
            throw new IllegalArgumentException("request-retention-ms (" + result.requests.retentionMs()
                    + ") must be at least twice request-window-ms (" + result.requestWindowMs + ")");
        }
        return result;
    }

    /** One of the parameters above the registry's changed; the registry's are restored by the caller. */
    private PlatformParameters changed(String name, String value) {
        return switch (name) {
            case "zone" -> {
                try {
                    ZoneId.of(value);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("unknown time zone " + value);
                }
                yield new PlatformParameters(value, requestWindowMs, antiFlipBusinessDays, settlementDeadlineMs,
                        auctionExtensionWindowMs, auctionExtensionMs, matchTopK, matchScanLimit);
            }
            case "request-window-ms" -> new PlatformParameters(zone, parse(name, value, 1, DAY_MS), antiFlipBusinessDays,
                    settlementDeadlineMs, auctionExtensionWindowMs, auctionExtensionMs, matchTopK, matchScanLimit);
            case "anti-flip-business-days" -> new PlatformParameters(zone, requestWindowMs,
                    Math.toIntExact(parse(name, value, 0, 3650)), settlementDeadlineMs, auctionExtensionWindowMs,
                    auctionExtensionMs, matchTopK, matchScanLimit);
            case "settlement-deadline-ms" -> new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays,
                    parse(name, value, 1, 366 * DAY_MS), auctionExtensionWindowMs, auctionExtensionMs, matchTopK,
                    matchScanLimit);
            case "auction-extension-window-ms" -> new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays,
                    settlementDeadlineMs, parse(name, value, 0, DAY_MS), auctionExtensionMs, matchTopK, matchScanLimit);
            case "auction-extension-ms" -> new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays,
                    settlementDeadlineMs, auctionExtensionWindowMs, parse(name, value, 0, DAY_MS), matchTopK, matchScanLimit);
            case "match-top-k" -> new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays,
                    settlementDeadlineMs, auctionExtensionWindowMs, auctionExtensionMs,
                    Math.toIntExact(parse(name, value, 1, MAX_MATCH_TOP_K)), matchScanLimit);
            case "match-scan-limit" -> new PlatformParameters(zone, requestWindowMs, antiFlipBusinessDays,
                    settlementDeadlineMs, auctionExtensionWindowMs, auctionExtensionMs, matchTopK,
                    Math.toIntExact(parse(name, value, 100, 10_000_000)));
            default -> throw new IllegalArgumentException("unknown platform parameter " + name);
        };
    }

    /** Business days as written canonically: digits without sign or leading zero, 1 to 250. */
    private static int parseBusinessDays(String name, String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException(name + " must be a whole number from 1 to "
                    + MAX_SETTLEMENT_BUSINESS_DAYS + ", without sign or leading zero");
        }
        return Math.toIntExact(parse(name, value, 1, MAX_SETTLEMENT_BUSINESS_DAYS));
    }

    /** Settlement business days as written canonically: digits without sign or leading zero, 1 to 250. */
    private static int parseSettlementBusinessDays(String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("settlement-business-days must be a whole number from 1 to "
                    + MAX_SETTLEMENT_BUSINESS_DAYS + ", without sign or leading zero");
        }
        return Math.toIntExact(parse("settlement-business-days", value, 1, MAX_SETTLEMENT_BUSINESS_DAYS));
    }

    /** A whole number written canonically: digits without sign or leading zero (so one value has one spelling). */
    private static String canonical(String name, String value) {
        if (value == null || !value.matches("0|[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException(name + " must be a whole number without sign or leading zero");
        }
        return value;
    }

    /** Market-data k as written canonically: digits without sign or leading zero, 3 to 100. */
    private static int parseMarketDataK(String value) {
        if (value == null || !value.matches("[1-9][0-9]{0,2}")) {
            throw new IllegalArgumentException("market-data-k must be a whole number from " + MIN_MARKET_DATA_K + " to "
                    + MAX_MARKET_DATA_K + ", without sign or leading zero");
        }
        return Math.toIntExact(parse("market-data-k", value, MIN_MARKET_DATA_K, MAX_MARKET_DATA_K));
    }

    static long parse(String name, String value, long minimum, long maximum) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed < minimum || parsed > maximum) {
                throw new IllegalArgumentException(name + " must be between " + minimum + " and " + maximum);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }
}
