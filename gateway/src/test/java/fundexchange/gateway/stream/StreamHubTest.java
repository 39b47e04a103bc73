package fundexchange.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.protocol.event.KeyRevoked;
import fundexchange.gateway.view.FeedStore;
import fundexchange.gateway.view.GatewayView;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hub admits streams within their caps, wakes only the streams a document concerns, and cuts off stuck writers. */
@Timeout(60)
class StreamHubTest {
    private static final StreamHub.Subscription NO_VIEW = new StreamHub.Subscription() {
        @Override
        public void start(GatewayView.FeedListener listener) {
        }

        @Override
        public void stop(GatewayView.FeedListener listener) {
        }
    };

    private static StreamHub hub(int perParticipant, int total) {
        return new StreamHub(NO_VIEW, perParticipant, total, Duration.ofSeconds(5), false);
    }

    @Test
    void aStreamWhoseWriteStaysBlockedForAWholeHeartbeatIntervalIsCutOffAndOthersAreNot() throws Exception {
        StreamHub hub = hub(4, 10);
        CountDownLatch inWrite = new CountDownLatch(1);
        CompletableFuture<String> ended = new CompletableFuture<>();
        Thread stuck = Thread.ofVirtual().unstarted(() -> {
            StreamSession session = hub.only("Investor-01").orElseThrow();
            session.writing(hub.tickNow());
            inWrite.countDown();
            try {
                new CountDownLatch(1).await(); // a socket write that never completes: the client reads nothing
                ended.complete("completed");
            } catch (InterruptedException e) {
                ended.complete("interrupted");
            } finally {
                hub.remove(session);
            }
        });
        StreamSession slow = hub.open("Investor-01", "Investor-01-k1", "Investor-01", stuck);
        StreamSession healthy = hub.open("Investor-02", "Investor-02-k1", "Investor-02", Thread.currentThread());
        stuck.start();
        inWrite.await();

        assertEquals(0, hub.tick(), "one tick into the write: not yet a whole interval");
        assertFalse(slow.wasCutOff());
        assertEquals(1, hub.tick(), "a whole interval later the write is still blocked");
        assertEquals("interrupted", ended.get(30, TimeUnit.SECONDS));
        assertTrue(slow.wasCutOff());
        assertFalse(healthy.wasCutOff());
        assertTrue(healthy.takeHeartbeat(), "the healthy stream still gets its heartbeat");
        stuck.join();
        assertEquals(1, hub.open(), "the cut-off stream's place is free");
    }

    @Test
    void eachParticipantHoldsItsCapOfStreamsAndTheGatewayItsTotal() {
        StreamHub hub = hub(2, 3);
        StreamSession first = hub.open("Holder-01", "Holder-01-k1", "Holder-01", Thread.currentThread());
        hub.open("Holder-01", "Holder-01-k1", "Holder-01", Thread.currentThread());
        StreamHub.Refused own = assertThrows(StreamHub.Refused.class,
                () -> hub.open("Holder-01", "Holder-01-k1", "Holder-01", Thread.currentThread()));
        assertTrue(own.participantCap());
        hub.open("Staff-01", "Staff-01-k1", FeedStore.EVERYTHING, Thread.currentThread());
        StreamHub.Refused full = assertThrows(StreamHub.Refused.class,
                () -> hub.open("Investor-01", "Investor-01-k1", "Investor-01", Thread.currentThread()));
        assertFalse(full.participantCap());
        assertEquals(List.of(2, 1, 0), List.of(hub.openOf("Holder-01"), hub.openOf("Staff-01"), hub.openOf("Investor-01")));
        hub.remove(first);
        hub.open("Investor-01", "Investor-01-k1", "Investor-01", Thread.currentThread());
        assertEquals(3, hub.open());
        assertEquals(List.of(1, 1, 1), List.of(hub.openOf("Holder-01"), hub.openOf("Staff-01"), hub.openOf("Investor-01")));
    }

    @Test
    void aDocumentWakesTheStreamsOfTheFeedsItAddedToAndTheOwnerOfARevokedKey() {
        StreamHub hub = hub(4, 10);
        StreamSession holder = hub.open("Holder-01", "Holder-01-k1", "Holder-01", Thread.currentThread());
        StreamSession investor = hub.open("Investor-01", "Investor-01-k1", "Investor-01", Thread.currentThread());
        StreamSession staff = hub.open("Staff-01", "Staff-01-k1", FeedStore.EVERYTHING, Thread.currentThread());

        hub.applied(document(7, List.of()), Set.of("Holder-01", FeedStore.EVERYTHING));
        assertEquals(List.of(true, false, true), List.of(holder.signalled(), investor.signalled(), staff.signalled()));

        StreamSession staffOnly = hub.open("Staff-02", "Staff-02-k1", FeedStore.EVERYTHING, Thread.currentThread());
        hub.applied(document(8, List.of(new KeyRevoked("Investor-01", "Investor-01-k1", "Investor-01"))), Set.of());
        assertTrue(investor.signalled(), "the revoked key's owner looks at its standing");
        assertFalse(staffOnly.signalled());
    }

    private static EventDocument document(long index, List<fundexchange.protocol.event.Event> events) {
        return new EventDocument(EventDocument.VERSION, index, 1_000L * index, "Staff-01", "r-" + index, Outcome.ACCEPTED, events);
    }

    /**
     * A stream whose thread has finished (the hub may still hold it a moment, removed concurrently) is never
     * interrupted by a later tick: that thread is a connection's, and the interrupt would hit its next request.
     */
    @Test
    void aFinishedStreamIsNeverInterruptedByALaterTickAndItsThreadEndsWithoutAnInterrupt() {
        StreamHub hub = hub(4, 10);
        StreamSession session = hub.open("Investor-01", "Investor-01-k1", "Investor-01", Thread.currentThread());
        session.writing(hub.tickNow());
        session.finish();
        assertEquals(List.of(0, 0), List.of(hub.tick(), hub.tick()), "nothing is cut off");
        assertEquals(false, Thread.interrupted(), "the finished stream's thread was not interrupted");
        assertEquals(false, session.wasCutOff());
    }

    @Test
    void anInterruptGivenBeforeTheStreamFinishedIsClearedWhenItFinishes() {
        StreamHub hub = hub(4, 10);
        StreamSession session = hub.open("Investor-01", "Investor-01-k1", "Investor-01", Thread.currentThread());
        session.writing(hub.tickNow());
        assertEquals(List.of(0, 1), List.of(hub.tick(), hub.tick()), "the second tick cuts the stuck write off");
        session.finish();
        assertEquals(false, Thread.interrupted(), "the thread goes on to its next request uninterrupted");
    }

    /** A hub the view dropped after it threw ends every stream with 503 code 110, for clients to reconnect. */
    @Test
    void aHubDroppedByTheViewEndsEveryStream() {
        StreamHub hub = hub(4, 10);
        StreamSession one = hub.open("Investor-01", "Investor-01-k1", "Investor-01", Thread.currentThread());
        StreamSession two = hub.open("Staff-01", "Staff-01-k1", FeedStore.EVERYTHING, Thread.currentThread());
        hub.dropped(new IllegalStateException("test"));
        assertEquals(List.of(Optional.of(StreamHub.LISTENER_FAILED), Optional.of(StreamHub.LISTENER_FAILED)),
                List.of(one.closing(), two.closing()));
        assertEquals(503, StreamHub.LISTENER_FAILED.status());
        assertEquals(110, StreamHub.LISTENER_FAILED.code());
    }
}
