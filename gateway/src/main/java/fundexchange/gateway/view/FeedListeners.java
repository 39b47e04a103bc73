package fundexchange.gateway.view;

import fundexchange.protocol.EventDocument;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The view's {@link GatewayView.FeedListener}s, each told of a document in isolation: a listener that throws is
 * logged and dropped ({@link GatewayView.FeedListener#dropped}), and the others, and the view itself, go on.
 */
final class FeedListeners {
    private static final System.Logger LOG = System.getLogger(FeedListeners.class.getName());
    private final CopyOnWriteArrayList<GatewayView.FeedListener> listeners = new CopyOnWriteArrayList<>();

    void add(GatewayView.FeedListener listener) {
        listeners.add(listener);
    }

    void remove(GatewayView.FeedListener listener) {
        listeners.remove(listener);
    }

    boolean isEmpty() {
        return listeners.isEmpty();
    }

    /** Tells every listener that {@code doc} was applied, adding to {@code viewers}' feeds. */
    void applied(EventDocument doc, Set<String> viewers) {
        for (GatewayView.FeedListener listener : listeners) {
            try {
                listener.applied(doc, viewers);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "feed listener failed at index " + doc.sourceIndex() + " and is dropped: " + e, e);
                listeners.remove(listener);
                try {
                    listener.dropped(e);
                } catch (RuntimeException again) {
                    LOG.log(Level.ERROR, "feed listener failed again while dropped: " + again, again);
                }
            }
        }
    }
}
