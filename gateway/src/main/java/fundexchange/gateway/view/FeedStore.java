package fundexchange.gateway.view;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Per-viewer feeds in journal order; a cursor is the last sourceIndex the viewer has seen. */
public final class FeedStore {
    /** The viewer id under which staff and regulators read every document. */
    public static final String EVERYTHING = "*";
    private final ConcurrentHashMap<String, List<FeedEntry>> feeds = new ConcurrentHashMap<>();

    void add(String viewer, FeedEntry entry) {
        List<FeedEntry> feed = feeds.computeIfAbsent(viewer, v -> new ArrayList<>());
        synchronized (feed) {
            feed.add(entry);
        }
    }

    /** Entries after {@code cursor}, at most {@code limit}. */
    public List<FeedEntry> read(String viewer, long cursor, int limit) {
        List<FeedEntry> feed = feeds.get(viewer);
        if (feed == null) {
            return List.of();
        }
        synchronized (feed) {
            int low = 0;
            int high = feed.size();
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (feed.get(mid).sourceIndex() <= cursor) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            int end = Math.min(feed.size(), low + limit);
            // A page never splits the entries of one sourceIndex, because the cursor is a sourceIndex.
            while (end > low && end < feed.size() && feed.get(end).sourceIndex() == feed.get(end - 1).sourceIndex()) {
                end++;
            }
            return List.copyOf(feed.subList(low, end));
        }
    }
}
