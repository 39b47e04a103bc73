package fundexchange.protocol.reference;

import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The settlement fees (rules version 8, docs/rules.md "Fees"): per trading mechanism, basis points of the consideration
 * each side pays, and a minimum and maximum per side's fee, in the fund's currency. Parameters {@code
 * fee-<mechanism>-buyer-bps}, {@code -seller-bps} (0 to 1000), {@code -minimum} and {@code -maximum} (amounts, minimum
 * not above maximum); mechanisms {@link #MECHANISMS}. No pilot publishes a fee (DOMAIN.md), so the defaults are the
 * platform's: {@value #DEFAULT_BPS} basis points per side, minimum {@link #DEFAULT_MINIMUM}, maximum
 * {@link #DEFAULT_MAXIMUM}.
 */
public final class FeeSchedule {
    /**
     * Where trades are made: the listing mechanisms (each {@link ListingMechanism} constant's {@link #feeName}, in the
     * enum's order, so a new mechanism has its fees without an edit here), then the continuous book and non-listed
     * offers (quotes, matches).
     */
    public static final List<String> MECHANISMS = Stream.concat(
            Arrays.stream(ListingMechanism.values()).map(FeeSchedule::feeName), Stream.of("book", "offer")).toList();
    private static final List<String> NAMES = MECHANISMS.stream().flatMap(m -> Stream.of("fee-" + m + "-buyer-bps",
            "fee-" + m + "-seller-bps", "fee-" + m + "-minimum", "fee-" + m + "-maximum")).toList();
    public static final int DEFAULT_BPS = 10;
    public static final Money DEFAULT_MINIMUM = Money.of("100.00");
    public static final Money DEFAULT_MAXIMUM = Money.of("50000.00");
    public static final int MAX_BPS = 1000;
    private static final long BASIS_POINTS = 10_000L;

    /** One mechanism's fees. */
    public record Rate(int buyerBps, int sellerBps, Money minimum, Money maximum) {
        public Money buyerFee(Money consideration) {
            return fee(buyerBps, consideration);
        }

        public Money sellerFee(Money consideration) {
            return fee(sellerBps, consideration);
        }

        /**
         * {@code bps} of the consideration rounded half up to the fen, then clamped to [minimum, maximum] and never
         * more than the consideration; a side of 0 basis points pays nothing. Throws ArithmeticException on overflow.
         */
        public Money fee(int bps, Money consideration) {
            if (bps == 0 || consideration.raw() == 0) {
                return Money.ZERO;
            }
            // raw*bps/10000 half up, split so the product never overflows when the fee itself fits:
            // raw = q*10000 + r, so (raw*bps + 5000)/10000 = q*bps + (r*bps + 5000)/10000 exactly.
            long q = consideration.raw() / BASIS_POINTS;
            long r = consideration.raw() % BASIS_POINTS;
            long raw = Math.addExact(Math.multiplyExact(q, (long) bps), (r * bps + BASIS_POINTS / 2) / BASIS_POINTS);
            raw = Math.max(raw, minimum.raw());
            raw = Math.min(raw, maximum.raw());
            return new Money(Math.min(raw, consideration.raw()));
        }

        /** Whether the minimum fee applies to a side at all (a side of 0 basis points pays nothing). */
        public boolean charges() {
            return buyerBps > 0 || sellerBps > 0;
        }
    }

    private FeeSchedule() {
    }

    /** The fee parameter names, in order. */
    public static List<String> names() {
        return NAMES;
    }

    /** Whether {@code name} is a fee parameter. */
    public static boolean isFee(String name) {
        return NAMES.contains(name);
    }

    /**
     * The name a listing mechanism's fees go by ({@code fee-<name>-*}, a trade's fee mechanism): its constant's name in
     * lower case, the one place this is said.
     */
    public static String feeName(ListingMechanism mechanism) {
        return mechanism.name().toLowerCase(Locale.ROOT);
    }

    /** The listing mechanism whose fee parameter {@code name} is; empty for the book's, the offers' or no fee parameter. */
    public static Optional<ListingMechanism> mechanismOf(String name) {
        if (!isFee(name)) {
            return Optional.empty();
        }
        return Arrays.stream(ListingMechanism.values()).filter(m -> name.startsWith("fee-" + feeName(m) + "-"))
                .findFirst();
    }

    /** {@code mechanism}'s rate under the parameters {@code set} (by name; absent: default). */
    public static Rate rate(Map<String, String> set, String mechanism) {
        Map<String, String> values = set == null ? Map.of() : set;
        String prefix = "fee-" + mechanism + "-";
        return new Rate(Integer.parseInt(values.getOrDefault(prefix + "buyer-bps", Integer.toString(DEFAULT_BPS))),
                Integer.parseInt(values.getOrDefault(prefix + "seller-bps", Integer.toString(DEFAULT_BPS))),
                Money.of(values.getOrDefault(prefix + "minimum", DEFAULT_MINIMUM.toString())),
                Money.of(values.getOrDefault(prefix + "maximum", DEFAULT_MAXIMUM.toString())));
    }

    /** Every fee parameter's value in force. */
    public static SortedMap<String, String> values(Map<String, String> set) {
        SortedMap<String, String> values = new TreeMap<>();
        for (String mechanism : MECHANISMS) {
            Rate rate = rate(set, mechanism);
            values.put("fee-" + mechanism + "-buyer-bps", Integer.toString(rate.buyerBps()));
            values.put("fee-" + mechanism + "-seller-bps", Integer.toString(rate.sellerBps()));
            values.put("fee-" + mechanism + "-minimum", rate.minimum().toString());
            values.put("fee-" + mechanism + "-maximum", rate.maximum().toString());
        }
        return values;
    }

    /**
     * The parameters set after {@code name} is set to {@code value}, or IllegalArgumentException naming the problem. A
     * value equal to the default is dropped, so setting a default leaves the state's hash as it was; null when none is
     * set.
     */
    public static SortedMap<String, String> with(Map<String, String> set, String name, String value) {
        TreeMap<String, String> next = new TreeMap<>(set == null ? Map.of() : set);
        String canonical;
        if (name.endsWith("-bps")) {
            canonical = Long.toString(PlatformParameters.parse(name, value, 0, MAX_BPS));
        } else {
            Money amount;
            try {
                amount = Money.of(value);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + " must be an amount such as 100.00");
            }
            if (amount.raw() < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            canonical = amount.toString();
        }
        next.put(name, canonical);
        String mechanism = name.split("-")[1];
        Rate rate = rate(next, mechanism);
        if (rate.minimum().compareTo(rate.maximum()) > 0) {
            throw new IllegalArgumentException("fee-" + mechanism + "-minimum (" + rate.minimum()
                    + ") must not be above fee-" + mechanism + "-maximum (" + rate.maximum() + ")");
        }
        String defaultValue = values(Map.of()).get(name);
        if (canonical.equals(defaultValue)) {
            next.remove(name);
        }
        return next.isEmpty() ? null : java.util.Collections.unmodifiableSortedMap(next);
    }
}
