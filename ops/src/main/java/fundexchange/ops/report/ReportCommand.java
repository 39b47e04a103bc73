package fundexchange.ops.report;

import fundexchange.audit.report.DailyReport;
import fundexchange.audit.report.Labels;
import fundexchange.audit.report.OutlierRule;
import fundexchange.audit.report.ReportHeader;
import fundexchange.audit.report.ReportHtml;
import fundexchange.audit.report.ReportJson;
import fundexchange.journal.chronicle.Journals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code exchange report}: regulator reports, built from the journals only (never from PostgreSQL). */
@Command(name = "report", description = "Regulator reports built from the journals.",
        subcommands = ReportCommand.Daily.class)
public final class ReportCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The three files of one day's report: JSON, and the page in English and in Chinese. */
    public record Written(Path json, Path html, Path htmlChinese, DailyReport report) {
    }

    /** {@link #writeDaily(Journals, LocalDate, Path, OutlierRule)} with the default outlier rule. */
    public static Written writeDaily(Journals journals, LocalDate date, Path outDirectory) {
        return writeDaily(journals, date, outDirectory, OutlierRule.DEFAULT);
    }

    /**
     * Builds the report of {@code date} and writes {@code report-DATE.json}, {@code report-DATE.html} (English) and
     * {@code report-DATE.zh-CN.html} (Chinese) into a directory.
     */
    public static Written writeDaily(Journals journals, LocalDate date, Path outDirectory, OutlierRule rule) {
        DailyReport report = DailyReport.build(journals, date, rule);
        Path json = outDirectory.resolve("report-" + date + ".json");
        Path html = outDirectory.resolve("report-" + date + ".html");
        Path htmlChinese = outDirectory.resolve("report-" + date + ".zh-CN.html");
        try {
            Files.createDirectories(outDirectory);
            Files.write(json, ReportJson.write(report));
            Files.write(html, ReportHtml.write(report, Labels.EN));
            Files.write(htmlChinese, ReportHtml.write(report, Labels.ZH));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDirectory, e);
        }
        return new Written(json, html, htmlChinese, report);
    }

    /** {@code exchange report daily --data-dir D --date YYYY-MM-DD --out DIR}. */
    @Command(name = "daily", description = "Writes report-DATE.json, report-DATE.html (English) and"
            + " report-DATE.zh-CN.html (Chinese) for one business day in the platform zone; the same journal always gives"
            + " the same bytes. / 写出某营业日的监管日报（JSON、英文与中文 HTML）；同一日志总得到相同字节。")
    public static final class Daily implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--data-dir", required = true, description = "the exchange's data directory (only its journals are read)")
        Path dataDirectory;
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the business day, in the platform zone")
        String date;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for the three files (created if absent)")
        Path out;
        @Option(names = "--outlier-lookback-days", paramLabel = "DAYS", defaultValue = "90",
                description = "days of trades before each trade that its fund's VWAP covers (default ${DEFAULT-VALUE})")
        int lookbackDays;
        @Option(names = "--outlier-vwap-bp", paramLabel = "BP", defaultValue = "2000",
                description = "a trade more than this many basis points from its fund's VWAP is an outlier (default ${DEFAULT-VALUE})")
        long vwapBasisPoints;
        @Option(names = "--outlier-nav-bp", paramLabel = "BP", defaultValue = "3000",
                description = "a trade more than this many basis points from NAV is an outlier (default ${DEFAULT-VALUE})")
        long navBasisPoints;

        @Override
        public Integer call() {
            LocalDate day;
            try {
                day = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                throw new ParameterException(spec.commandLine(), "--date must be an ISO date such as 2026-11-17, got " + date);
            }
            if (!Files.isDirectory(dataDirectory.resolve("journal").resolve("commands"))
                    || !Files.isDirectory(dataDirectory.resolve("journal").resolve("events"))) {
                throw new ParameterException(spec.commandLine(), dataDirectory + " holds no command and event journals");
            }
            OutlierRule rule;
            try {
                rule = new OutlierRule(lookbackDays, vwapBasisPoints, navBasisPoints);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            fundexchange.ops.ConsoleLogging.toDataDirectory(dataDirectory, "report");
            Written written;
            try (Journals journals = Journals.open(dataDirectory)) {
                written = writeDaily(journals, day, out, rule);
            }
            ReportHeader header = written.report().header();
            spec.commandLine().getOut().printf("wrote %s, %s and %s (%s in %s, %d commands, %d trades, %d outliers%s)%n",
                    written.json(), written.html(), written.htmlChinese(), header.date(), header.zone(),
                    header.commands().total(), written.report().highlights().trades().size(),
                    written.report().highlights().outliers(),
                    header.complete() ? "" : "; the journal does not yet pass the end of the day");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
