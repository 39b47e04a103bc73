package fundexchange.bench;

import fundexchange.engine.intent.Ask;
import fundexchange.engine.intent.BruteForceMatcher;
import fundexchange.engine.intent.Compatibility;
import fundexchange.engine.intent.IntentMatcher;
import fundexchange.engine.intent.MatchResult;
import fundexchange.engine.intent.Want;
import fundexchange.protocol.reference.PlatformParameters;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench/run intent-match}: the latency of matching one new offer against 10 k / 100 k / 1 M resting
 * intents with the production {@link IntentMatcher} (top K, the platform's scan limit), and with the
 * {@link BruteForceMatcher} on a sample of the same offers, whose results must be identical. Also the share of resting
 * intents compatible with a typical new offer, and the heap per resting intent. Population: {@link IntentPopulation}.
 */
@Command(name = "intent-match", mixinStandardHelpOptions = true,
        description = "Times matching a new offer against resting intents: indexed matcher against brute force.")
public final class IntentMatchBench implements Callable<Integer> {
    @Option(names = "--sizes", split = ",", defaultValue = "10000,100000,1000000", description = "resting intents (default: ${DEFAULT-VALUE})")
    List<Integer> sizes;
    @Option(names = "--funds", defaultValue = "2000", description = "funds (default: ${DEFAULT-VALUE})")
    int funds;
    @Option(names = "--investors", defaultValue = "20000", description = "investors (default: ${DEFAULT-VALUE})")
    int investors;
    @Option(names = "--k", defaultValue = "10", description = "proposals per new offer (default: ${DEFAULT-VALUE})")
    int k;
    @Option(names = "--warmup", defaultValue = "20000", description = "untimed matches per size first (default: ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--offers", defaultValue = "20000", description = "timed new offers per size (default: ${DEFAULT-VALUE})")
    int offers;
    @Option(names = "--brute-offers", defaultValue = "30", description = "of which also matched by brute force (default: ${DEFAULT-VALUE})")
    int bruteOffers;
    @Option(names = "--compatibility-sample", defaultValue = "200", description = "offers whose compatible share is counted (default: ${DEFAULT-VALUE})")
    int compatibilitySample;
    @Option(names = "--seed", defaultValue = "20261127", description = "population seed (default: ${DEFAULT-VALUE})")
    long seed;

    private final PrintStream out = System.out;

    @Override
    public Integer call() {
        int scanLimit = PlatformParameters.DEFAULTS.matchScanLimit();
        out.printf("machine: %d cores, JDK %s (%s), %s %s, max heap %d MB, load %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version(), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        out.printf("population: seed %d, %,d funds (strategy and manager Zipf s=1), %,d investors (2%% fail the rules);"
                + " K=%d, scan limit %,d (the platform default)%n", seed, funds, investors, k, scanLimit);
        boolean agreeAll = true;
        for (int size : sizes) {
            agreeAll &= run(size, scanLimit);
        }
        return agreeAll ? 0 : 1;
    }

    private boolean run(int size, int scanLimit) {
        IntentPopulation population = new IntentPopulation(seed, funds, investors);
        long heapBefore = usedHeap();
        List<Want> wants = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            wants.add(population.want());
        }
        long heapRecords = usedHeap();
        long started = System.nanoTime();
        IntentMatcher matcher = new IntentMatcher(population.funds::get);
        for (Want want : wants) {
            matcher.add(want);
        }
        long buildMs = (System.nanoTime() - started) / 1_000_000;
        long heapIndexed = usedHeap();
        double recordBytes = (double) (heapRecords - heapBefore) / size;
        double indexBytes = (double) (heapIndexed - heapRecords) / size;
        String label = label(size);
        out.printf("%n%s resting intents: indexed in %,d ms; heap per resting intent %.0f B (records %.0f B + index %.0f B)%n",
                label, buildMs, recordBytes + indexBytes, recordBytes, indexBytes);

        long compatible = 0;
        for (int i = 0; i < compatibilitySample; i++) {
            Ask ask = population.offer();
            for (Want want : wants) {
                if (Compatibility.evaluate(ask, want, population.funds.get(ask.fundCode()), population.eligibility,
                        fundexchange.protocol.intent.Side.INVESTOR) != null) {
                    compatible++;
                }
            }
        }
        out.printf(Locale.ROOT, "  compatible with a new offer: %.2f%% of resting intents (mean over %d offers)%n",
                100.0 * compatible / ((double) compatibilitySample * size), compatibilitySample);

        for (int i = 0; i < warmup; i++) {
            matcher.matchAsk(population.offer(), k, scanLimit, population.eligibility);
        }
        Histogram indexed = new Histogram(3_600_000_000_000L, 3);
        Histogram brute = new Histogram(3_600_000_000_000L, 3);
        long examined = 0;
        long proposals = 0;
        int truncated = 0;
        int agree = 0;
        int bruteEvery = Math.max(1, offers / bruteOffers);
        int bruteRuns = 0;
        for (int i = 0; i < offers; i++) {
            Ask ask = population.offer();
            long t0 = System.nanoTime();
            MatchResult result = matcher.matchAsk(ask, k, scanLimit, population.eligibility);
            indexed.recordValue(Math.max(1, System.nanoTime() - t0));
            examined += result.examined();
            proposals += result.ranked().size();
            truncated += result.truncated() ? 1 : 0;
            if (i % bruteEvery == 0 && bruteRuns < bruteOffers) {
                bruteRuns++;
                long t1 = System.nanoTime();
                MatchResult reference = BruteForceMatcher.matchAsk(ask, wants, population.funds::get, k, population.eligibility);
                brute.recordValue(Math.max(1, System.nanoTime() - t1));
                agree += reference.ranked().equals(result.ranked()) || result.truncated() ? 1 : 0;
            }
        }
        out.printf(Locale.ROOT, "  indexed: %,d new offers, p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us;"
                        + " examined %.1f intents and proposed %.2f per offer; %d stopped by the scan limit%n",
                offers, us(indexed.getValueAtPercentile(50)), us(indexed.getValueAtPercentile(99)),
                us(indexed.getValueAtPercentile(99.9)), us(indexed.getMaxValue()), (double) examined / offers,
                (double) proposals / offers, truncated);
        out.printf(Locale.ROOT, "  brute force: %d of those offers, p50 %.1f us, p99 %.1f us; same ranked proposals: %d/%d%n",
                bruteRuns, us(brute.getValueAtPercentile(50)), us(brute.getValueAtPercentile(99)), agree, bruteRuns);
        double ratio = (double) brute.getValueAtPercentile(50) / indexed.getValueAtPercentile(50);
        out.printf(Locale.ROOT, "RESULT intent.p50.%s %.1f us%n", label, us(indexed.getValueAtPercentile(50)));
        out.printf(Locale.ROOT, "RESULT intent.p99.%s %.1f us%n", label, us(indexed.getValueAtPercentile(99)));
        out.printf(Locale.ROOT, "RESULT intent.bruteforce.p50.%s %.1f us%n", label, us(brute.getValueAtPercentile(50)));
        out.printf(Locale.ROOT, "RESULT intent.bruteforce.ratio.%s %.0f x%n", label, ratio);
        out.printf(Locale.ROOT, "RESULT intent.memory.%s %.0f B/intent%n", label, recordBytes + indexBytes);
        return agree == bruteRuns;
    }

    private static String label(int size) {
        if (size % 1_000_000 == 0) {
            return size / 1_000_000 + "m";
        }
        return size % 1_000 == 0 ? size / 1_000 + "k" : Integer.toString(size);
    }

    private static double us(long nanos) {
        return nanos / 1_000.0;
    }

    /** Heap in use after full collections: the bench's own estimate of what a population occupies. */
    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
