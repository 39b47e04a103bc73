package fundexchange.engine.intent;

import java.util.List;

/**
 * The top-K compatible pairs for one new or changed item, best first, with the number of resting items examined.
 * {@code truncated} when the scan limit stopped the walk before the ranking was certain (the list is then the best
 * of what was examined, still deterministic).
 */
public record MatchResult(List<Candidate> ranked, int examined, boolean truncated) {
}
