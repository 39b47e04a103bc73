package fundexchange.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** Collections and their accumulated time, over all of the JVM's collectors, to print what a phase cost in GC. */
record GcTotals(long collections, long millis) {
    static GcTotals now() {
        long count = 0;
        long time = 0;
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        for (GarbageCollectorMXBean collector : collectors) {
            count += Math.max(0, collector.getCollectionCount());
            time += Math.max(0, collector.getCollectionTime());
        }
        return new GcTotals(count, time);
    }

    String since(GcTotals before) {
        return String.format("GC meanwhile: %,d collections, %,d ms in all (%s)", collections - before.collections,
                millis - before.millis, collectorNames());
    }

    private static String collectorNames() {
        return String.join(", ", ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
    }
}
