package fundexchange.engine.intent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The best K candidates so far, kept sorted by {@link Candidate#RANKING}; K is small (the platform caps it at 100). */
final class TopK {
    private final int k;
    private final ArrayList<Candidate> best;

    TopK(int k) {
        this.k = k;
        this.best = new ArrayList<>(Math.min(k, 128) + 1);
    }

    void add(Candidate candidate) {
        int at = Collections.binarySearch(best, candidate, Candidate.RANKING);
        best.add(at < 0 ? -at - 1 : at, candidate);
        if (best.size() > k) {
            best.removeLast();
        }
    }

    boolean full() {
        return best.size() >= k;
    }

    /** The K-th candidate; only meaningful when {@link #full()}. */
    Candidate worst() {
        return best.getLast();
    }

    List<Candidate> list() {
        return List.copyOf(best);
    }
}
