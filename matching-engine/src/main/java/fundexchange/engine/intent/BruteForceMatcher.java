package fundexchange.engine.intent;

import fundexchange.protocol.intent.Side;
import fundexchange.protocol.reference.Fund;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The reference matcher: every resting item is checked with {@link Compatibility#evaluate}, all compatible pairs are
 * sorted by {@link Candidate#RANKING} and the first K kept. The property test and the bench compare
 * {@link IntentMatcher} with it; the engine never uses it.
 */
public final class BruteForceMatcher {
    private BruteForceMatcher() {
    }

    public static MatchResult matchAsk(Ask ask, Iterable<Want> wants, Function<String, Fund> funds, int k,
                                       Eligibility eligibility) {
        Fund fund = funds.apply(ask.fundCode());
        List<Candidate> all = new ArrayList<>();
        int examined = 0;
        for (Want want : wants) {
            examined++;
            Candidate candidate = Compatibility.evaluate(ask, want, fund, eligibility, Side.INVESTOR);
            if (candidate != null) {
                all.add(candidate);
            }
        }
        return top(all, k, examined);
    }

    public static MatchResult matchWant(Want want, Iterable<Ask> asks, Function<String, Fund> funds, int k,
                                        Eligibility eligibility) {
        List<Candidate> all = new ArrayList<>();
        int examined = 0;
        for (Ask ask : asks) {
            examined++;
            Candidate candidate = Compatibility.evaluate(ask, want, funds.apply(ask.fundCode()), eligibility, Side.HOLDER);
            if (candidate != null) {
                all.add(candidate);
            }
        }
        return top(all, k, examined);
    }

    private static MatchResult top(List<Candidate> all, int k, int examined) {
        all.sort(Candidate.RANKING);
        return new MatchResult(List.copyOf(all.subList(0, Math.min(k, all.size()))), examined, false);
    }
}
