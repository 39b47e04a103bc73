package fundexchange.audit.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The report as one self-contained HTML page in English or Chinese. It leads with what a regulator looks at first
 * (trades reviewed for outliers, refusals by participant, restrictions), then listings, trades and settlements with
 * inline SVG charts, then people, operations and command counts. No script, no external resource; a content security
 * policy forbids both. All data is escaped.
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

    /** The page in English. */
    public static byte[] write(DailyReport report) {
        return write(report, Labels.EN);
    }

    public static byte[] write(DailyReport report, Labels l) {
        ReportHeader header = report.header();
        StringBuilder out = new StringBuilder();
        String title = l.t("Daily regulator report") + " " + header.date();
        out.append("<!DOCTYPE html>\n<html lang=\"").append(l.htmlLang()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        coverage(out, header, l);
        HtmlHighlights.write(out, report.highlights(), l);
        HtmlSections sections = new HtmlSections(l);
        sections.listings(out, report.listings());
        sections.trades(out, report.trades());
        sections.settlements(out, report.settlements());
        sections.watched(out, "Failed settlements", report.failedSettlements());
        sections.watched(out, "Pledges", report.pledges());
        sections.watched(out, "Freezes", report.freezes());
        sections.rejections(out, report.rejections());
        sections.people(out, report);
        sections.operations(out, report);
        commands(out, header, l);
        out.append("</body>\n</html>\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void coverage(StringBuilder out, ReportHeader header, Labels l) {
        String indices = header.firstSourceIndex() == null ? l.t("none")
                : header.firstSourceIndex() + " " + l.t("to") + " " + header.lastSourceIndex();
        out.append("<p>").append(Html.escape(l.t("Business day"))).append(' ').append(Html.escape(header.date()))
                .append(", ").append(Html.escape(l.t("in the platform zone"))).append(' ')
                .append(Html.escape(header.zone())).append("; ").append(Html.escape(l.t("journal indices"))).append(' ')
                .append(Html.escape(indices)).append(". ")
                .append(Html.escape(header.complete() ? l.t("The day is complete in the journal.")
                        : l.t("The journal ends within this day or before it: the day may still grow.")))
                .append("</p>\n");
    }

    private static void commands(StringBuilder out, ReportHeader header, Labels l) {
        out.append("<h2>").append(Html.escape(l.t("Commands"))).append("</h2>\n");
        CommandCounts c = header.commands();
        new Html.Table(l.all("Total", "Accepted", "Rejected", "Duplicate", "Ticks"), Set.of(0, 1, 2, 3, 4), l.t("None."))
                .row(c.total(), c.accepted(), c.rejected(), c.duplicate(), c.ticks()).writeTo(out);
        Html.Table byType = new Html.Table(l.all("Command type", "Accepted", "Rejected", "Duplicate"), Set.of(1, 2, 3),
                l.t("None."));
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
