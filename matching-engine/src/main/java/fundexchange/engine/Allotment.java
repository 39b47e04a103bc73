package fundexchange.engine;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Allots a listing's units to the holders who exercised their priority right (docs/rules.md, "Consent and first
 * refusal"), pure and exact in {@code long} raw units:
 * <ol>
 *   <li>a first claim (the manager's, when it holds the first right) takes what it asked, up to the units;</li>
 *   <li>the rest goes pro rata to the weights (units held at the notice) of the holders who exercised: each gets
 *       {@code floor(rest * weight / total weight)} rounded down to the lot, never more than it asked; a holder whose
 *       share covers its request gets exactly that and drops out, and the others share again what is left;</li>
 *   <li>what the rounding leaves goes one lot at a time (or the last fragment smaller than a lot) to the holders still
 *       short, largest weight first, then earliest answer, then participant id, in rounds until it is gone or every
 *       request is met.</li>
 * </ol>
 * Products go through {@link BigInteger}, so no amount in range overflows.
 */
final class Allotment {
    /** A claim: who, its weight (ignored for the first claim), what it asked and the index of its answer. */
    record Claim(String holder, long weight, long requested, long answeredAt) {
    }

    /** What a claim received, in the order the claims were given. */
    record Share(String holder, long requested, long allotted) {
    }

    private Allotment() {
    }

    /** Allots {@code units} (raw) to {@code first} (may be null), then to {@code proRata}, in lots of {@code lot} (raw, > 0). */
    static List<Share> allot(long units, Claim first, List<Claim> proRata, long lot) {
        if (lot <= 0) {
            throw new IllegalArgumentException("lot must be positive");
        }
        List<Share> shares = new ArrayList<>();
        long left = units;
        if (first != null) {
            long given = Math.min(first.requested(), left);
            shares.add(new Share(first.holder(), first.requested(), given));
            left -= given;
        }
        long[] given = new long[proRata.size()];
        left = proRataRounds(left, proRata, given, lot);
        left = remainder(left, proRata, given, lot);
        for (int i = 0; i < proRata.size(); i++) {
            shares.add(new Share(proRata.get(i).holder(), proRata.get(i).requested(), given[i]));
        }
        return shares;
    }

    /** Step 2: pro-rata shares, re-shared while some request is covered. Returns the units left. */
    private static long proRataRounds(long left, List<Claim> claims, long[] given, long lot) {
        boolean[] done = new boolean[claims.size()];
        while (true) {
            long need = 0;
            BigInteger weights = BigInteger.ZERO;
            for (int i = 0; i < claims.size(); i++) {
                if (!done[i]) {
                    need = saturatedAdd(need, claims.get(i).requested() - given[i]);
                    weights = weights.add(BigInteger.valueOf(claims.get(i).weight()));
                }
            }
            if (need == 0 || left == 0) {
                return left;
            }
            if (need <= left) {
                for (int i = 0; i < claims.size(); i++) {
                    if (!done[i]) {
                        given[i] = claims.get(i).requested();
                    }
                }
                return left - need;
            }
            long[] share = new long[claims.size()];
            boolean anyCovered = false;
            for (int i = 0; i < claims.size(); i++) {
                if (done[i]) {
                    continue;
                }
                long exact = weights.signum() == 0 ? 0 : BigInteger.valueOf(left)
                        .multiply(BigInteger.valueOf(claims.get(i).weight())).divide(weights).longValueExact();
                share[i] = exact - exact % lot;
                if (share[i] >= claims.get(i).requested() - given[i]) {
                    anyCovered = true;
                }
            }
            if (!anyCovered) {
                for (int i = 0; i < claims.size(); i++) {
                    if (!done[i]) {
                        given[i] += share[i];
                        left -= share[i];
                    }
                }
                return left;
            }
            for (int i = 0; i < claims.size(); i++) {
                if (!done[i] && share[i] >= claims.get(i).requested() - given[i]) {
                    left -= claims.get(i).requested() - given[i];
                    given[i] = claims.get(i).requested();
                    done[i] = true;
                }
            }
        }
    }

    /** Step 3: the rounding's remainder, a lot at a time, largest weight first, then earliest answer, then id. */
    private static long remainder(long left, List<Claim> claims, long[] given, long lot) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> -claims.get(i).weight())
                .thenComparingLong(i -> claims.get(i).answeredAt())
                .thenComparing(i -> claims.get(i).holder()));
        boolean gave = true;
        while (left > 0 && gave) {
            gave = false;
            for (int i : order) {
                long short_ = claims.get(i).requested() - given[i];
                if (left == 0 || short_ == 0) {
                    continue;
                }
                long step = Math.min(Math.min(lot, left), short_);
                given[i] += step;
                left -= step;
                gave = true;
            }
        }
        return left;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
