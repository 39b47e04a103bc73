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
import java.time.format.DateTimeParseException;

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
        long toIndex = request.query().first("toIndex").map(v -> parse("toIndex", v)).orElse(available);
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

    /** {@code GET /reports/daily?date=YYYY-MM-DD[&format=html][&lang=zh-CN]}: the page in English or Chinese. */
    Object dailyReport(Caller caller, ServerRequest request) {
        requireOversight(caller);
        String dateText = request.query().first("date")
                .orElseThrow(() -> new ApiException(400, ApiError.MALFORMED_REQUEST, "date is required (YYYY-MM-DD)"));
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, ApiError.MALFORMED_REQUEST, "date must be YYYY-MM-DD");
        }
        DailyReport report = DailyReport.build(journals, date);
        String format = request.query().first("format").orElse("json");
        Labels language = switch (request.query().first("lang").orElse("en")) {
            case "en" -> Labels.EN;
            case "zh-CN" -> Labels.ZH;
            default -> throw new ApiException(400, ApiError.MALFORMED_REQUEST, "lang must be en or zh-CN");
        };
        return switch (format) {
            case "json" -> new StreamedBody("application/json", null, out -> out.write(ReportJson.write(report)));
            case "html" -> new StreamedBody("text/html; charset=utf-8", null,
                    out -> out.write(ReportHtml.write(report, language)));
            default -> throw new ApiException(400, ApiError.MALFORMED_REQUEST, "format must be json or html");
        };
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
