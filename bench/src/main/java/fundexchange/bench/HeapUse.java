package fundexchange.bench;

/** Heap in use after garbage collection: the least of five readings, each after {@code System.gc()}. */
final class HeapUse {
    private HeapUse() {
    }

    static long afterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
