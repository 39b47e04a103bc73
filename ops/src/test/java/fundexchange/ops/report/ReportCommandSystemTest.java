package fundexchange.ops.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fundexchange.audit.report.CommandCounts;
import fundexchange.audit.report.DailyReport;
import fundexchange.audit.report.Labels;
import fundexchange.audit.report.RefusalCount;
import fundexchange.audit.report.ListingActivity;
import fundexchange.audit.report.ListingCount;
import fundexchange.audit.report.RejectedCommand;
import fundexchange.audit.report.RejectionCount;
import fundexchange.audit.report.ReportHtml;
import fundexchange.audit.report.ReportJson;
import fundexchange.audit.report.SettlementRow;
import fundexchange.audit.report.TradeRow;
import fundexchange.protocol.reference.Role;
import fundexchange.gateway.GatewayConfig;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.chronicle.JournalEntry;
import fundexchange.journal.chronicle.Journals;
import fundexchange.ops.ExchangeNode;
import fundexchange.ops.GenesisWriter;
import fundexchange.ops.NegotiatedTransferScript;
import fundexchange.ops.Participant;
import fundexchange.signing.KeyMaterial;
import fundexchange.signing.SignatureAlgorithm;
import fundexchange.testsupport.FreshDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real exchange driven over signed HTTP on one business day (10:00 in Shanghai) and just after midnight of the next
 * (00:30 in Shanghai, still the same day in UTC), then {@code exchange report daily} over its journals.
 */
class ReportCommandSystemTest {
    @RegisterExtension
    static final FreshDatabase DB = new FreshDatabase();
    private static final String SCRIPT_NAME = "Demo LP <script>alert(1)</script>";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    @TempDir
    Path root;

    private final KeyPair staff1 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair staff2 = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair regulator = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair holderKeys = KeyMaterial.generate(SignatureAlgorithm.ED25519);
    private final KeyPair investorKeys = KeyMaterial.generate(SignatureAlgorithm.SM2_SM3);

    /** The system clock moved so that it now reads {@code instant}; it keeps running. */
    private static Clock startingAt(String instant) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Instant.parse(instant)));
    }

    private ExchangeNode start(Path data, Clock clock) {
        return ExchangeNode.start(data, Optional.of(new ExchangeNode.Database(DB.url(), DB.user(), DB.password())),
                GatewayConfig.DEFAULTS.withPort(0), clock);
    }

    private static Participant as(ExchangeNode node, String id, KeyPair keys, Clock clock) {
        return new Participant(URI.create("http://localhost:" + node.port()), id, id + "-k1", keys, clock, "report");
    }

    @Test
    void dailyReportOfARealExchangeIsReproducibleAndTakesTheDayInThePlatformZone() throws Exception {
        Path data = root.resolve("data");
        Clock day = startingAt("2026-11-17T02:00:00Z");
        GenesisWriter.write(data, List.of(
                new GenesisWriter.Founder("Staff-01", Role.STAFF, staff1.getPublic()),
                new GenesisWriter.Founder("Staff-02", Role.STAFF, staff2.getPublic()),
                new GenesisWriter.Founder("Staff-03", Role.STAFF, KeyMaterial.generate(SignatureAlgorithm.ED25519).getPublic()),
                new GenesisWriter.Founder("Regulator-01", Role.REGULATOR, regulator.getPublic())), day);
        long listingId;
        long opened;
        long acceptedAt;
        long tradeId;
        long settledAt;
        try (ExchangeNode node = start(data, day)) {
            Participant s1 = as(node, "Staff-01", staff1, day);
            Participant s2 = as(node, "Staff-02", staff2, day);
            Participant holder = as(node, "Holder-01", holderKeys, day);
            Participant investor = as(node, "Investor-07", investorKeys, day);
            NegotiatedTransferScript script = new NegotiatedTransferScript(s1, s2, day);
            script.onboard("Holder-01", SCRIPT_NAME, "HOLDER", holderKeys);
            script.onboard("Investor-07", "Demo S Fund Seven", "INVESTOR", investorKeys);
            script.registerFundWithHolding("Holder-01");
            listingId = holder.post("/listings", """
                    {"fundCode":"DGF3","buyer":"Investor-07","units":"400000.00","price":"0.9000"}""").ok().sourceIndex();
            opened = s2.post("/listings/" + listingId + "/approve", "{}").ok().sourceIndex();
            Participant.Reply rejected = holder.post("/listings", """
                    {"fundCode":"NOPE","buyer":"Investor-07","units":"1000.00","price":"0.9000"}""");
            assertEquals(409, rejected.status(), rejected.body().toString());
            Participant.Reply accepted = investor.post("/listings/" + listingId + "/accept", "{}").ok();
            acceptedAt = accepted.sourceIndex();
            tradeId = NegotiatedTransferScript.eventOfType(accepted, "TradeExecuted").path("tradeId").asLong();
            settledAt = s1.post("/trades/" + tradeId + "/settle", "{}").ok().sourceIndex();
        }
        Clock nextDay = startingAt("2026-11-17T16:30:00Z");
        long nextDayListing;
        try (ExchangeNode node = start(data, nextDay)) {
            nextDayListing = as(node, "Holder-01", holderKeys, nextDay).post("/listings", """
                    {"fundCode":"DGF3","buyer":"Investor-07","units":"1000.00","price":"1.0000"}""").ok().sourceIndex();
        }

        Path out = root.resolve("out");
        Path again = root.resolve("again");
        assertEquals(0, run("daily", "--data-dir", data.toString(), "--date", "2026-11-17", "--out", out.toString()));
        assertEquals(0, run("daily", "--data-dir", data.toString(), "--date", "2026-11-17", "--out", again.toString()));
        byte[] json = Files.readAllBytes(out.resolve("report-2026-11-17.json"));
        byte[] html = Files.readAllBytes(out.resolve("report-2026-11-17.html"));
        assertArrayEquals(json, Files.readAllBytes(again.resolve("report-2026-11-17.json")));
        assertArrayEquals(html, Files.readAllBytes(again.resolve("report-2026-11-17.html")));
        byte[] chinese = Files.readAllBytes(out.resolve("report-2026-11-17.zh-CN.html"));
        assertArrayEquals(chinese, Files.readAllBytes(again.resolve("report-2026-11-17.zh-CN.html")));

        try (Journals journals = Journals.open(data)) {
            DailyReport report = DailyReport.build(journals, LocalDate.parse("2026-11-17"));
            assertArrayEquals(ReportJson.write(report), json);
            assertArrayEquals(ReportHtml.write(report), html);
            assertArrayEquals(ReportHtml.write(report, Labels.ZH), chinese);
            assertEquals(List.of("NEGOTIATED 60.00 0.9000 [NAV]"), report.highlights().trades().stream()
                    .map(t -> t.mechanism() + " " + t.percentOfNav() + " " + t.multipleOfCost() + " " + t.outliers()).toList());
            assertEquals(List.of(new RefusalCount("Holder-01", SCRIPT_NAME, 2002, "UNKNOWN_FUND", 1)),
                    report.highlights().refusalsByParticipant());
            List<EventDocument> documents = documents(journals);
            EventDocument rejectedDoc = documents.stream()
                    .filter(d -> d.outcome().code() == 2002).findFirst().orElseThrow();

            assertEquals("Asia/Shanghai", report.header().zone());
            assertTrue(report.header().complete());
            assertEquals(new CommandCounts(count(documents, null), count(documents, "ACCEPTED"), count(documents, "REJECTED"),
                    count(documents, "DUPLICATE"), 0), report.header().commands(), "no deadline, so no ticks");
            assertTrue(report.header().lastSourceIndex() < nextDayListing);

            assertEquals(List.of(new TradeRow(tradeId, listingId, "NEGOTIATED", acceptedAt, at(documents, acceptedAt), "DGF3",
                    "Holder-01", "Investor-07", "400000.00", "0.9000", "360000.00", 6000, "60.00", "0.9000")), report.trades());
            assertEquals(List.of(new SettlementRow(tradeId, settledAt, at(documents, settledAt), "DGF3", "Holder-01",
                    "Investor-07", "400000.00", "360000.00", "400000.00", 2)), report.settlements());
            assertEquals(List.of(
                    new ListingActivity(listingId, at(documents, listingId), listingId, "NEGOTIATED", "SUBMITTED", "ListingSubmitted"),
                    new ListingActivity(opened, at(documents, opened), listingId, "NEGOTIATED", "OPENED", "ListingOpened"),
                    new ListingActivity(acceptedAt, at(documents, acceptedAt), listingId, "NEGOTIATED", "EXECUTED", "TradeExecuted")),
                    report.listings().activity());
            assertEquals(List.of(new ListingCount("NEGOTIATED", "SUBMITTED", 1), new ListingCount("NEGOTIATED", "OPENED", 1),
                    new ListingCount("NEGOTIATED", "EXPIRED", 0), new ListingCount("NEGOTIATED", "EXECUTED", 1)),
                    report.listings().byMechanismAndState());
            assertEquals(List.of(new RejectionCount(2002, "UNKNOWN_FUND", 1)), report.rejections().byCode());
            assertEquals(List.of(new RejectedCommand(rejectedDoc.sourceIndex(), at(documents, rejectedDoc.sourceIndex()),
                    "Holder-01", "ListNegotiated", 2002, "UNKNOWN_FUND", rejectedDoc.outcome().message())),
                    report.rejections().commands());
            assertEquals(List.of("Holder-01 " + SCRIPT_NAME + " Staff-01 Staff-02", "Investor-07 Demo S Fund Seven Staff-01 Staff-02"),
                    report.participantApprovals().stream()
                            .map(a -> a.participantId() + " " + a.name() + " " + a.proposedBy() + " " + a.approvedBy()).toList());
            assertEquals(List.of("Investor-07 QUALIFIED 2027-11-17"), report.qualificationChanges().stream()
                    .map(q -> q.participantId() + " " + q.status() + " " + q.validUntil()).toList());
            assertEquals(0, report.failedSettlements().byType().get(0).count());
            assertTrue(report.failedSettlements().note() != null);

            DailyReport next = DailyReport.build(journals, LocalDate.parse("2026-11-18"));
            assertEquals(nextDayListing, next.header().firstSourceIndex());
            assertTrue(at(documents, nextDayListing).startsWith("2026-11-18T00:3"), at(documents, nextDayListing));
            assertEquals(List.of(new ListingActivity(nextDayListing, at(documents, nextDayListing), nextDayListing,
                    "NEGOTIATED", "SUBMITTED", "ListingSubmitted")), next.listings().activity());
            assertFalse(next.header().complete());
        }

        String page = new String(html, StandardCharsets.UTF_8);
        assertTrue(page.contains("Demo LP &lt;script&gt;alert(1)&lt;/script&gt;"), page);
        assertFalse(page.contains("<script"));
        assertTrue(page.contains("<svg "));
    }

    @Test
    void refusesAMissingJournalOrABadDate() {
        assertEquals(2, run("daily", "--data-dir", root.resolve("none").toString(), "--date", "2026-11-17",
                "--out", root.resolve("out").toString()));
        assertFalse(Files.exists(root.resolve("none")), "nothing is created where no journal is");
        assertEquals(2, run("daily", "--data-dir", root.toString(), "--date", "17/11/2026", "--out", root.toString()));
    }

    private static int run(String... args) {
        StringWriter err = new StringWriter();
        return new CommandLine(new ReportCommand()).setOut(new PrintWriter(new StringWriter()))
                .setErr(new PrintWriter(err)).execute(args);
    }

    private static List<EventDocument> documents(Journals journals) {
        List<EventDocument> all = new ArrayList<>();
        try (Journals.TypedReader<EventDocument> reader = journals.eventReader()) {
            for (Optional<JournalEntry<EventDocument>> next = reader.next(); next.isPresent(); next = reader.next()) {
                all.add(next.get().value());
            }
        }
        return all;
    }

    /** A direct tally: documents on 2026-11-17 in Shanghai with the status (any status if null). */
    private static long count(List<EventDocument> documents, String status) {
        LocalDate day = LocalDate.parse("2026-11-17");
        return documents.stream()
                .filter(d -> Instant.ofEpochMilli(d.time()).atZone(SHANGHAI).toLocalDate().equals(day))
                .filter(d -> status == null || d.outcome().status().name().equals(status))
                .count();
    }

    private static String at(List<EventDocument> documents, long sourceIndex) {
        long time = documents.stream().filter(d -> d.sourceIndex() == sourceIndex).findFirst().orElseThrow().time();
        return TIME.format(Instant.ofEpochMilli(time).atZone(SHANGHAI));
    }
}
