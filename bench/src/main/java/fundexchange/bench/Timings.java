package fundexchange.bench;

import java.util.ArrayList;
import java.util.List;

/** Wall-clock samples in milliseconds, with their minimum, median and maximum. */
final class Timings {
    private final List<Double> samples = new ArrayList<>();

    void add(long nanos) {
        samples.add(nanos / 1_000_000.0);
    }

    double min() {
        return sorted().getFirst();
    }

    double max() {
        return sorted().getLast();
    }

    double median() {
        List<Double> sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private List<Double> sorted() {
        if (samples.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Double> sorted = new ArrayList<>(samples);
        sorted.sort(null);
        return sorted;
    }
}
