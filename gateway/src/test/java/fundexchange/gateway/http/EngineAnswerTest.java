package fundexchange.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** {@code GET /engine/state} waits for the engine's answer within its timeout, and cancels a query it gave up on. */
class EngineAnswerTest {
    @Test
    void aQueryNotAnsweredInTimeIsCancelledAndAnswered503() {
        CompletableFuture<String> unanswered = new CompletableFuture<>();
        ApiException refused = assertThrows(ApiException.class,
                () -> ReadEndpoints.engineAnswer(unanswered, Duration.ZERO));
        assertEquals(List.of(503, ApiError.UNAVAILABLE.code(), "engine did not answer within 0 s", true),
                List.of(refused.status(), refused.code(), refused.getMessage(), unanswered.isCancelled()));
    }

    @Test
    void anAnsweredQueryIsReturnedAndAFailedOneIs503() {
        ApiException failed = assertThrows(ApiException.class, () -> ReadEndpoints.engineAnswer(
                CompletableFuture.failedFuture(new IllegalStateException("the engine is closed")), Duration.ZERO));
        assertEquals(List.of("state", 503, "engine did not answer"), List.of(
                ReadEndpoints.engineAnswer(CompletableFuture.completedFuture("state"), Duration.ZERO),
                failed.status(), failed.getMessage()));
    }
}
