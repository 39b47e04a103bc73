package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.runner.SnapshotFailed;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 503 of {@code POST /ops/snapshot} words each kind of failure as what it asks of an operator. */
class SnapshotAnswersTest {
    @Test
    void eachKindOfFailureIsWordedForWhatItAsksOfAnOperator() {
        assertEquals(List.of(
                        "the snapshot at index 11 could not be written; trading goes on without it, and the node's log names"
                                + " the cause (a full disk or an unwritable snapshot directory)",
                        "no snapshot at index 11: the snapshotter's replay differed from the journal at index 4, so none at"
                                + " or past it is taken until the node restarts; trading goes on without snapshots, the alarm"
                                + " stands, and a restart replays and checks the whole journal (the node's log names the index"
                                + " that differed)",
                        "the snapshotter could not replay the journal to index 11; trading goes on without it, and the node's"
                                + " log names the cause (the next snapshot retries)",
                        "the snapshotter halted; restart the node (trading goes on, but no snapshot is taken until then, and"
                                + " the node's log names the cause)",
                        "this engine keeps no snapshots"),
                Arrays.stream(SnapshotFailed.Kind.values()).map(kind -> SnapshotAnswers.words(new SnapshotFailed(11, kind,
                        switch (kind) {
                            case WRITE_FAILED -> "the snapshot at index 11 could not be written";
                            case REPLAY_DIFFERS -> "no snapshot at index 11: the snapshotter's replay differed from the"
                                    + " journal at index 4, so none at or past it is taken until the node restarts";
                            case REPLAY_FAILED -> "the snapshotter could not replay the journal to index 11";
                            case HALTED -> "the snapshotter halted; restart the node";
                            case UNAVAILABLE -> "this engine keeps no snapshots";
                        }))).toList());
    }

    @Test
    void anEngineThatHaltedOrIsClosingAnswersUnavailableAndNeverSaysTradingGoesOn() {
        ApiException halted = SnapshotAnswers.failure(new IllegalStateException("the engine halted at index 12"));
        assertEquals(List.of(503, 110, "the engine has halted or is closing; no snapshot was taken (the node's log names"
                        + " the cause)"), List.of(halted.status(), halted.code(), halted.getMessage()));
        ApiException failed = SnapshotAnswers.failure(new SnapshotFailed(11, SnapshotFailed.Kind.HALTED,
                "the snapshotter halted; restart the node"));
        assertEquals(List.of(503, 170), List.of(failed.status(), failed.code()));
    }
}
