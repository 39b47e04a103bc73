package fundexchange.gateway.http;

import fundexchange.runner.EngineRunner;
import fundexchange.runner.SnapshotFailed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /ops/snapshot}: asks for a snapshot and answers, once the snapshotter has written it, its index (at or
 * after the engine's index when asked: a request coalesces with a job already wanted), or 503 with code 170 and a
 * message of ours. The engine thread never waits for it.
 * An exception's class name, message or stack never reaches the answer: the cause goes to the node's log, which the
 * engine's alarm already wrote.
 */
final class SnapshotAnswers {
    static final long WAIT_SECONDS = 60;

    private SnapshotAnswers() {
    }

    static long take(EngineRunner engine) {
        try {
            return engine.snapshotNow().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            String what = e.getCause() instanceof SnapshotFailed failed ? failed.getMessage() : "the snapshot could not be written";
            throw new ApiException(503, ApiError.SNAPSHOT_FAILED, what + "; trading goes on without it, and the node's log"
                    + " names the cause (a full disk or an unwritable snapshot directory)");
        } catch (TimeoutException e) {
            throw new ApiException(503, ApiError.SNAPSHOT_FAILED, "no snapshot within " + WAIT_SECONDS
                    + " s: the snapshotter is still replaying the journal (it goes on; retry later for its index) or the"
                    + " engine has halted");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, ApiError.UNAVAILABLE, "interrupted while waiting for the snapshot");
        }
    }
}
