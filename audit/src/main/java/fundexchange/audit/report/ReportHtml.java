package fundexchange.audit.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The report as one self-contained HTML page: inline CSS, inline SVG charts where a chart says more than a table
 * (listings by mechanism and state, trades' price as % of NAV and multiple of cost, rejections by code), tables for
 * the rest. No script, no external resource; a content security policy forbids both. All data is escaped.
 */
public final class ReportHtml {
    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
            h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
            th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
            th{background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .none,.note{color:#666;font-style:italic}figure{margin:.5em 0}figcaption{font-weight:600}
            svg.chart text{font-size:12px;fill:#222}svg.chart .b{fill:#4a78b0}
            svg.chart .r{stroke:#c0392b;stroke-dasharray:4 3;fill:#c0392b}
            """;

    private ReportHtml() {
    }

    public static byte[] write(DailyReport report) {
        ReportHeader header = report.header();
        StringBuilder out = new StringBuilder();
        String title = "Daily regulator report " + header.date();
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        header(out, header);
        HtmlSections.listings(out, report.listings());
        HtmlSections.trades(out, report.trades());
        HtmlSections.settlements(out, report.settlements());
        HtmlSections.watched(out, "Failed settlements", report.failedSettlements());
        HtmlSections.watched(out, "Pledges", report.pledges());
        HtmlSections.watched(out, "Freezes", report.freezes());
        HtmlSections.rejections(out, report.rejections());
        HtmlSections.people(out, report);
        HtmlSections.operations(out, report);
        out.append("</body>\n</html>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void header(StringBuilder out, ReportHeader header) {
        String indices = header.firstSourceIndex() == null ? "none"
                : header.firstSourceIndex() + " to " + header.lastSourceIndex();
        out.append("<p>Business day ").append(Html.escape(header.date())).append(" in the platform zone ")
                .append(Html.escape(header.zone())).append("; journal indices ").append(Html.escape(indices)).append(". ")
                .append(header.complete() ? "The day is complete in the journal."
                        : "The journal ends within this day or before it: the day may still grow.")
                .append("</p>\n<h2>Commands</h2>\n");
        CommandCounts c = header.commands();
        new Html.Table(List.of("Total", "Accepted", "Rejected", "Duplicate", "Ticks"), Set.of(0, 1, 2, 3, 4))
                .row(c.total(), c.accepted(), c.rejected(), c.duplicate(), c.ticks()).writeTo(out);
        Html.Table byType = new Html.Table(List.of("Command type", "Accepted", "Rejected", "Duplicate"), Set.of(1, 2, 3));
        header.commandsByType().forEach(t -> byType.row(t.type(), t.accepted(), t.rejected(), t.duplicate()));
        byType.writeTo(out);
    }

    /** Appends a titled chart, when it has something to show. */
    static void figure(StringBuilder out, String title, List<BarChart.Bar> bars, BarChart.Reference reference) {
        String svg = BarChart.svg(title, bars, reference);
        if (!svg.isEmpty()) {
            out.append("<figure>\n<figcaption>").append(Html.escape(title)).append("</figcaption>\n").append(svg)
                    .append("</figure>\n");
        }
    }
}
