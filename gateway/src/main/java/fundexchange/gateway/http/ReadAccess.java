package fundexchange.gateway.http;

import fundexchange.gateway.auth.Caller;
import io.helidon.webserver.http.ServerRequest;
import java.util.function.Consumer;

/**
 * Who may call a read, as far as the caller's roles and the request alone decide it: checked right after the
 * signature and before the read waits for its {@code minIndex}, so a caller the endpoint refuses never holds a waiting
 * place (403 at once). What depends on projected state (a qualification on today's date, a row's parties) the endpoint
 * still decides after the wait. Each check is the endpoint's own, so they cannot drift apart.
 */
@FunctionalInterface
interface ReadAccess {
    /** Every authenticated participant; the endpoint filters what it answers. */
    ReadAccess ANY = (caller, request) -> {
    };

    /** Throws a 403 {@link ApiException} if {@code caller} may not call this read. */
    void require(Caller caller, ServerRequest request);

    /** A check of the caller alone. */
    static ReadAccess caller(Consumer<Caller> check) {
        return (caller, request) -> check.accept(caller);
    }
}
