package fundexchange.gateway.http;

import fundexchange.audit.bundle.AuditBundleWriter;
import fundexchange.audit.report.DailyReport;
import fundexchange.audit.report.Labels;
import fundexchange.audit.report.ReportHtml;
import fundexchange.audit.report.ReportJson;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.auth.Caller;
import fundexchange.journal.chronicle.Journals;
import io.helidon.webserver.http.ServerRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Regulator exports built from the journals, never from PostgreSQL (CONTRACTS.md 14): the audit bundle and the
 * daily report. Staff and regulators only.
 */
final class AuditExportEndpoints {
    private final Journals journals;

    AuditExportEndpoints(Journals journals) {
        this.journals = journals;
    }

    /** {@code GET /audit/bundle?toIndex=N}: JSON Lines, verifiable offline with {@code exchange audit verify}. */
    Object bundle(Caller caller, ServerRequest request) {
        requireOversight(caller);
        long available = AuditBundleWriter.lastCompleteIndex(journals);
        Map<String, String> query = ListParams.strict(request, Set.of("toIndex"));
        long toIndex = Optional.ofNullable(query.get("toIndex")).map(v -> parse("toIndex", v)).orElse(available);
        if (toIndex < 1 || toIndex > available) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "toIndex must lie in 1.." + available);
        }
        return new StreamedBody("application/x-ndjson", "audit-bundle-1-" + toIndex + ".jsonl", out -> {
            Path file = Files.createTempFile("audit-bundle", ".jsonl");
            try {
                Files.delete(file);
                AuditBundleWriter.write(journals, toIndex, file);
                Files.copy(file, out);
            } finally {
                Files.deleteIfExists(file);
            }
        });
    }

    /**
     * {@code GET /reports/daily?date=YYYY-MM-DD[&format=html][&lang=zh-CN]}: the page in English or Chinese. The query
     * is parsed as strictly as every list's: an unknown, repeated or ill-formed parameter is refused (400) before the
     * journals are read.
     */
    Object dailyReport(Caller caller, ServerRequest request) {
        requireOversight(caller);
        Map<String, String> query = ListParams.strict(request, Set.of("date", "format", "lang"));
        String dateText = Optional.ofNullable(query.get("date"))
                .orElseThrow(() -> new ApiException(400, ApiError.MALFORMED_REQUEST, "date is required (YYYY-MM-DD)"));
        LocalDate date;
        try {
            date = LocalDate.parse(dateText, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "date must be YYYY-MM-DD");
        }
        if (!dateText.equals(date.toString())) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "date must be YYYY-MM-DD");
        }
        String format = query.getOrDefault("format", "json");
        if (!format.equals("json") && !format.equals("html")) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "format must be json or html");
        }
        Labels language = switch (query.getOrDefault("lang", "en")) {
            case "en" -> Labels.EN;
            case "zh-CN" -> Labels.ZH;
            default -> throw new ApiException(400, ApiError.MALFORMED_REQUEST, "lang must be en or zh-CN");
        };
        DailyReport report = DailyReport.build(journals, date);
        return format.equals("json")
                ? new StreamedBody("application/json", null, out -> out.write(ReportJson.write(report)))
                : new StreamedBody("text/html; charset=utf-8", null, out -> out.write(ReportHtml.write(report, language)));
    }

    private static long parse(String name, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, name + " must be a number");
        }
    }

    static void requireOversight(Caller caller) {
        if (!caller.hasAny(Role.STAFF, Role.REGULATOR)) {
            throw new ApiException(403, ApiError.FORBIDDEN, "only staff and regulators may export audit data");
        }
    }
}
