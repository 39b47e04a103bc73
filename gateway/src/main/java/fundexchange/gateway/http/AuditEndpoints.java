package fundexchange.gateway.http;

import fundexchange.protocol.reference.Role;
import fundexchange.gateway.audit.Checkpointer;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.view.GatewayView;
import io.helidon.webserver.http.ServerRequest;
import java.time.Duration;
import java.util.Map;

/** Audit endpoints for staff and regulators: journaled checkpoints, and a checkpoint on demand. */
final class AuditEndpoints {
    private final GatewayView view;
    private final Checkpointer checkpointer;

    AuditEndpoints(GatewayView view, Checkpointer checkpointer) {
        this.view = view;
        this.checkpointer = checkpointer;
    }

    Object checkpoints(Caller caller, ServerRequest request) {
        requireOversight(caller);
        return Map.of("checkpoints", view.checkpoints());
    }

    /** Signs and journals the current chain head now; answers the checkpoint's event document. */
    Object checkpointNow(Caller caller, ServerRequest request) {
        requireOversight(caller);
        return checkpointer.checkpointNow(Duration.ofSeconds(10))
                .<Object>map(document -> DocumentShaper.forCaller(document, caller))
                .orElseGet(() -> Map.of("status", "UP_TO_DATE"));
    }

    static void requireOversight(Caller caller) {
        if (!caller.hasAny(Role.STAFF, Role.REGULATOR)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only staff and regulators may use the audit endpoints");
        }
    }
}
