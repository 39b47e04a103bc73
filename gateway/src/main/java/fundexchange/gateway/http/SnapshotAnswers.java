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
 * The message says what kind of failure it was (a failed write, a replay that differed from the journal or could not
 * be done, a halted snapshotter), each in words of ours: an exception's class name, message or stack never reaches the
 * answer; the cause goes to the node's log, which the snapshotter's alarm already wrote. An engine that halted or is
 * closing answers 503 code 110 instead: trading does not go on then.
 */
final class SnapshotAnswers {
    static final long WAIT_SECONDS = 60;

    private SnapshotAnswers() {
    }

    static long take(EngineRunner engine) {
        try {
            return engine.snapshotNow().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        } catch (TimeoutException e) {
            throw new ApiException(503, ApiError.SNAPSHOT_FAILED, TIMED_OUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, ApiError.UNAVAILABLE, "interrupted while waiting for the snapshot");
        }
    }

    static final String TIMED_OUT = "no snapshot within " + WAIT_SECONDS + " s; the snapshotter goes on (restoring,"
            + " replaying or writing), and `exchange snapshot` answers with its index once it is written";

    /**
     * The answer to a failed request: 503 code 170 worded per kind for the snapshotter's {@link SnapshotFailed}; any
     * other cause is the engine thread refusing the request because it halted or is closing, which is no snapshot
     * failure and stops trading too: 503 code 110.
     */
    static ApiException failure(Throwable cause) {
        return cause instanceof SnapshotFailed failed ? new ApiException(503, ApiError.SNAPSHOT_FAILED, words(failed))
                : new ApiException(503, ApiError.UNAVAILABLE, "the engine has halted or is closing; no snapshot was taken"
                        + " (the node's log names the cause)");
    }

    /** What each kind of failure asks of an operator, in words of ours (the exception's own message names the index). */
    static String words(SnapshotFailed failed) {
        return switch (failed.kind()) {
            case WRITE_FAILED -> failed.getMessage() + "; trading goes on without it, and the node's log names the cause"
                    + " (a full disk or an unwritable snapshot directory)";
            case REPLAY_DIFFERS -> failed.getMessage() + "; trading goes on without snapshots, the alarm stands, and a"
                    + " restart replays and checks the whole journal (the node's log names the index that differed)";
            case REPLAY_FAILED -> failed.getMessage() + "; trading goes on without it, and the node's log names the cause"
                    + " (the next snapshot retries)";
            case HALTED -> "the snapshotter halted; restart the node (trading goes on, but no snapshot is taken until"
                    + " then, and the node's log names the cause)";
            case UNAVAILABLE -> failed.getMessage();
        };
    }
}
