package fundexchange.gateway.http;

import fundexchange.protocol.reference.Role;
import fundexchange.gateway.auth.Caller;
import fundexchange.gateway.view.KeyHistory;
import fundexchange.registry.audit.AuditPage;
import fundexchange.registry.audit.AuditQueries;
import io.helidon.webserver.http.ServerRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The regulator API for staff and regulators: the audit index by index range, time range, participant and fund,
 * paginated with an exact total ({@code GET /audit/records}), and every key with its history ({@code GET /audit/keys}).
 */
final class AuditRecordEndpoints {
    private final AuditQueries records;
    private final KeyHistory keys;

    AuditRecordEndpoints(AuditQueries records, KeyHistory keys) {
        this.records = records;
        this.keys = keys;
    }

    /** {@code {total, records[], nextAfter?}}; pass {@code nextAfter} as {@code after} for the next page. */
    Object records(Caller caller, ServerRequest request) {
        requireOversight(caller);
        AuditRecordQuery query = AuditRecordQuery.parse(request.query().toMap());
        AuditPage page = records.query(query.filter(), query.limit(), query.after());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", page.total());
        body.put("records", page.records());
        page.nextAfterIndex().ifPresent(next -> body.put("nextAfter", next));
        return body;
    }

    /** {@code {exchange[], participants[]}}, each key with {@code registeredAtIndex} and, once revoked, {@code revokedAtIndex}. */
    Object keys(Caller caller, ServerRequest request) {
        requireOversight(caller);
        return Map.of("exchange", keys.exchangeKeys(), "participants", keys.participantKeys());
    }

    static void requireOversight(Caller caller) {
        if (!caller.hasAny(Role.STAFF, Role.REGULATOR)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only staff and regulators may read the audit records and keys");
        }
    }
}
