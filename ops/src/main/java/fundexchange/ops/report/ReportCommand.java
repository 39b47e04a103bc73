package fundexchange.ops.report;

import fundexchange.audit.report.DailyReport;
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

    /** The two files of one day's report. */
    public record Written(Path json, Path html, DailyReport report) {
    }

    /** Builds the report of {@code date} and writes {@code report-DATE.json} and {@code report-DATE.html} into a directory. */
    public static Written writeDaily(Journals journals, LocalDate date, Path outDirectory) {
        DailyReport report = DailyReport.build(journals, date);
        Path json = outDirectory.resolve("report-" + date + ".json");
        Path html = outDirectory.resolve("report-" + date + ".html");
        try {
            Files.createDirectories(outDirectory);
            Files.write(json, ReportJson.write(report));
            Files.write(html, ReportHtml.write(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outDirectory, e);
        }
        return new Written(json, html, report);
    }

    /** {@code exchange report daily --data-dir D --date YYYY-MM-DD --out DIR}. */
    @Command(name = "daily", description = "Writes report-DATE.json and report-DATE.html for one business day in the"
            + " platform zone; the same journal always gives the same bytes.")
    public static final class Daily implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--data-dir", required = true, description = "the exchange's data directory (only its journals are read)")
        Path dataDirectory;
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the business day, in the platform zone")
        String date;
        @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory for the two files (created if absent)")
        Path out;

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
            fundexchange.ops.ConsoleLogging.toDataDirectory(dataDirectory, "report");
            Written written;
            try (Journals journals = Journals.open(dataDirectory)) {
                written = writeDaily(journals, day, out);
            }
            ReportHeader header = written.report().header();
            spec.commandLine().getOut().printf("wrote %s and %s (%s in %s, %d commands%s)%n", written.json(), written.html(),
                    header.date(), header.zone(), header.commands().total(),
                    header.complete() ? "" : "; the journal does not yet pass the end of the day");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
