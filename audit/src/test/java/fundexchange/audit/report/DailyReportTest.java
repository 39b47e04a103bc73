package fundexchange.audit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fundexchange.journal.JournalEncoding;
import fundexchange.protocol.command.AcceptListing;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.Checkpoint;
import fundexchange.protocol.command.ConfirmSettlement;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.RevokeKey;
import fundexchange.protocol.command.SetPlatformParameter;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyReportTest {
    private static final String SCRIPT_NAME = "<script>alert('x')</script> S Fund";
    private static final LocalDate DAY = LocalDate.parse("2026-11-17");
    /** 09:00 and 11:00 in Shanghai on the day; 00:30 in Shanghai on the next day, still the 17th in UTC. */
    private static final String T1 = "2026-11-17T01:00:00Z";
    private static final String T2 = "2026-11-17T03:00:00Z";
    private static final String T3 = "2026-11-17T16:30:00Z";
    private static final String AT1 = "2026-11-17T09:00:00.000+08:00";
    private static final String AT2 = "2026-11-17T11:00:00.000+08:00";
    private static final String GENERIC_CHAIN_HEAD = "ab".repeat(32);

    @TempDir
    Path data;

    /** Indices of the day's documents that the assertions name. */
    private record Day(EventDocument firstOfDay, EventDocument participantApproved, EventDocument qualified,
                       EventDocument listed, EventDocument opened, List<EventDocument> rejected, EventDocument accepted,
                       EventDocument duplicate, EventDocument settled, EventDocument listed2, EventDocument opened2,
                       EventDocument tick, EventDocument revoked, EventDocument checkpoint, EventDocument parameter,
                       EventDocument nextDay) {
    }

    /** The day before: genesis and onboarding. The day: a full negotiated transfer and its surroundings. */
    private static Day market(JournalFixture j, SetPlatformParameter parameterChange) {
        j.at("2026-11-16T02:00:00Z").genesis();
        j.by("Staff-01", new RegisterParticipant("Holder-01", "Demo LP One", ParticipantType.INSTITUTION, List.of(Role.HOLDER)));
        j.by("Staff-01", new RegisterParticipant("Investor-07", SCRIPT_NAME, ParticipantType.INSTITUTION, List.of(Role.INVESTOR)));
        j.approved(new ApproveParticipant("Holder-01"));
        j.approved(new ApproveParticipant("Investor-07"));
        j.approved(new RegisterFirstKey("Holder-01", "Holder-01-k1", "ED25519", JournalFixture.key("Holder-01-k1")));
        j.approved(new RegisterFirstKey("Investor-07", "Investor-07-k1", "ED25519", JournalFixture.key("Investor-07-k1")));
        j.by("Staff-01", new RegisterFund("DGF3", "Demo Growth Fund III", "Demo Capital Management", "GROWTH", 2019, "CNY",
                LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30", Units.of("100.00"), false));
        j.by("Staff-01", new DepositUnits("DGF3", "Holder-01", Units.of("1000000.00"), Money.of("1000000.00")));

        j.at(T1);
        EventDocument first = j.by("Staff-01", new RegisterParticipant("Investor-09", "Buyer Nine & Co",
                ParticipantType.INSTITUTION, List.of(Role.INVESTOR)));
        EventDocument participantApproved = j.approved(new ApproveParticipant("Investor-09"));
        EventDocument qualified = j.approved(new SetQualification("Investor-07", QualificationStatus.QUALIFIED, "2027-12-31"));
        EventDocument listed = j.by("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("400000.00"), Price.of("0.9000"), 0));
        EventDocument opened = j.by("Staff-02", new ApproveListing(listed.sourceIndex()));
        List<EventDocument> rejected = List.of(
                j.by("Staff-02", new ApproveListing(listed.sourceIndex())),
                j.by("Holder-01", new ListNegotiated("NOPE", "Investor-07", Units.of("1000.00"), Price.of("1.0000"), 0)),
                j.by("Holder-01", new ApproveListing(listed.sourceIndex())));
        EventDocument accepted = j.by("Investor-07", "accept-1", new AcceptListing(listed.sourceIndex()));
        EventDocument duplicate = j.by("Investor-07", "accept-1", new AcceptListing(listed.sourceIndex()));
        EventDocument settled = j.by("Staff-01", new ConfirmSettlement(accepted.sourceIndex() * 4096));
        EventDocument listed2 = j.by("Holder-01", new ListNegotiated("DGF3", "Investor-07", Units.of("1000.00"),
                Price.of("1.2000"), j.time() + 3_600_000));
        EventDocument opened2 = j.by("Staff-02", new ApproveListing(listed2.sourceIndex()));

        j.at(T2);
        EventDocument tick = j.unsigned(new Tick());
        EventDocument revoked = j.by("Holder-01", new RevokeKey("Holder-01-k1"));  // its last: only the owner alone
        EventDocument checkpoint = j.unsigned(new Checkpoint("exchange-k1", 1, GENERIC_CHAIN_HEAD, j.time(), "c2ln"));
        EventDocument parameter = j.approved(parameterChange);

        j.at(T3);
        EventDocument nextDay = j.by("Staff-01", new RegisterFund("DGF3", "Again", "Demo Capital Management", "GROWTH", 2019,
                "CNY", LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30", Units.of("100.00"), false));
        return new Day(first, participantApproved, qualified, listed, opened, rejected, accepted, duplicate, settled, listed2,
                opened2, tick, revoked, checkpoint, parameter, nextDay);
    }

    @Test
    void reportsEverySectionOfTheDayInThePlatformZone() {
        try (JournalFixture journal = new JournalFixture(data)) {
            Day d = market(journal, new SetPlatformParameter("request-window-ms", "600000"));
            assertEquals(OutcomeStatus.DUPLICATE, d.duplicate().outcome().status());
            d.rejected().forEach(doc -> assertEquals(OutcomeStatus.REJECTED, doc.outcome().status()));

            DailyReport report = DailyReport.build(journal.journals(), DAY);

            long tradeIndex = d.accepted().sourceIndex();
            assertEquals(new Highlights(OutlierRule.DEFAULT, List.of(new TradeReview(tradeIndex * 4096, tradeIndex, AT1,
                            "NEGOTIATED", d.listed().sourceIndex(), "DGF3", "Demo Growth Fund III", "CNY", "Holder-01",
                            "Demo LP One", "Investor-07", SCRIPT_NAME, "400000.00", "0.9000", "360000.00", "1.5000", "60.00",
                            "0.9000", null, 0, null, 4000, List.of(TradeReview.NAV))), 1, List.of(
                    new RefusalCount("Holder-01", "Demo LP One", 1006, "WRONG_ROLE", 1),
                    new RefusalCount("Holder-01", "Demo LP One", 2002, "UNKNOWN_FUND", 1),
                    new RefusalCount("Staff-02", "Staff Two", 4002, "LISTING_NOT_PENDING", 1)), List.of(
                    new RestrictionRow(d.revoked().sourceIndex(), AT2, "KEY_REVOKED", "Holder-01", "Demo LP One", null, null,
                            "Holder-01-k1", "Holder-01"))), report.highlights());

            assertEquals(new ReportHeader("2026-11-17", "Asia/Shanghai", d.firstOfDay().sourceIndex(),
                    d.parameter().sourceIndex(), true, new CommandCounts(20, 15, 3, 1, 1), List.of(
                    new CommandTypeCount("AcceptListing", 1, 0, 1),
                    new CommandTypeCount("ApproveListing", 2, 2, 0),
                    new CommandTypeCount("ApproveProposal", 3, 0, 0),
                    new CommandTypeCount("Checkpoint", 1, 0, 0),
                    new CommandTypeCount("ConfirmSettlement", 1, 0, 0),
                    new CommandTypeCount("ListNegotiated", 2, 1, 0),
                    new CommandTypeCount("Propose", 3, 0, 0),
                    new CommandTypeCount("RegisterParticipant", 1, 0, 0),
                    new CommandTypeCount("RevokeKey", 1, 0, 0),
                    new CommandTypeCount("Tick", 1, 0, 0))), report.header());

            long l1 = d.listed().sourceIndex();
            long l2 = d.listed2().sourceIndex();
            assertEquals(new ListingsSection(List.of(
                    new ListingCount("NEGOTIATED", "SUBMITTED", 2),
                    new ListingCount("NEGOTIATED", "OPENED", 2),
                    new ListingCount("NEGOTIATED", "EXPIRED", 1),
                    new ListingCount("NEGOTIATED", "EXECUTED", 1)), List.of(
                    new ListingActivity(l1, AT1, l1, "NEGOTIATED", "SUBMITTED", "ListingSubmitted"),
                    new ListingActivity(d.opened().sourceIndex(), AT1, l1, "NEGOTIATED", "OPENED", "ListingOpened"),
                    new ListingActivity(d.accepted().sourceIndex(), AT1, l1, "NEGOTIATED", "EXECUTED", "TradeExecuted"),
                    new ListingActivity(l2, AT1, l2, "NEGOTIATED", "SUBMITTED", "ListingSubmitted"),
                    new ListingActivity(d.opened2().sourceIndex(), AT1, l2, "NEGOTIATED", "OPENED", "ListingOpened"),
                    new ListingActivity(d.tick().sourceIndex(), AT2, l2, "NEGOTIATED", "EXPIRED", "ListingExpired"))),
                    report.listings());

            long tradeId = d.accepted().sourceIndex() * 4096;
            assertEquals(List.of(new TradeRow(tradeId, l1, "NEGOTIATED", d.accepted().sourceIndex(), AT1, "DGF3", "Holder-01",
                    "Investor-07", "400000.00", "0.9000", "360000.00", 6000, "60.00", "0.9000")), report.trades());
            assertEquals(List.of(new SettlementRow(tradeId, d.settled().sourceIndex(), AT1, "DGF3", "Holder-01", "Investor-07",
                    "400000.00", "360000.00", "400000.00", 2)), report.settlements());

            assertEquals(new WatchedEvents(List.of(new TypeCount("TradeFailed", 0)), List.of(),
                    "No TradeFailed event in the journal up to this day."),
                    report.failedSettlements());
            assertEquals(new WatchedEvents(List.of(new TypeCount("PledgeRegistered", 0), new TypeCount("PledgeReleased", 0)),
                    List.of(), "No PledgeRegistered or PledgeReleased event in the journal up to this day."), report.pledges());
            assertEquals(new WatchedEvents(List.of(new TypeCount("UnitsFrozen", 0), new TypeCount("UnitsUnfrozen", 0)),
                    List.of(), "No UnitsFrozen or UnitsUnfrozen event in the journal up to this day."), report.freezes());

            List<EventDocument> r = d.rejected();
            assertEquals(new RejectionsSection(List.of(
                    new RejectionCount(1006, "WRONG_ROLE", 1),
                    new RejectionCount(2002, "UNKNOWN_FUND", 1),
                    new RejectionCount(4002, "LISTING_NOT_PENDING", 1)), List.of(
                    new RejectedCommand(r.get(0).sourceIndex(), AT1, "Staff-02", "ApproveListing", 4002, "LISTING_NOT_PENDING",
                            r.get(0).outcome().message()),
                    new RejectedCommand(r.get(1).sourceIndex(), AT1, "Holder-01", "ListNegotiated", 2002, "UNKNOWN_FUND",
                            r.get(1).outcome().message()),
                    new RejectedCommand(r.get(2).sourceIndex(), AT1, "Holder-01", "ApproveListing", 1006, "WRONG_ROLE",
                            r.get(2).outcome().message()))), report.rejections());

            assertEquals(List.of(new QualificationChange(d.qualified().sourceIndex(), AT1, "Investor-07", SCRIPT_NAME,
                    "QUALIFIED", "2027-12-31", "Staff-01", "Staff-02")), report.qualificationChanges());
            assertEquals(List.of(new ParticipantApproval(d.participantApproved().sourceIndex(), AT1, "Investor-09",
                    "Buyer Nine & Co", "Staff-01", "Staff-02")), report.participantApprovals());
            assertEquals(List.of(new KeyRevocation(d.revoked().sourceIndex(), AT2, "Holder-01", "Demo LP One", "Holder-01-k1",
                    "Holder-01")), report.keyRevocations());
            assertEquals(List.of(new CheckpointRow(d.checkpoint().sourceIndex(), AT2, "exchange-k1", 1, GENERIC_CHAIN_HEAD)),
                    report.checkpoints());
            assertEquals(List.of(new ParameterChange(d.parameter().sourceIndex(), AT2, "request-window-ms", "600000",
                    "Staff-01", "Staff-02")), report.parameterChanges());
        }
    }

    @Test
    void aDocumentAfterMidnightInThePlatformZoneBelongsToTheNextDayThoughUtcIsStillTheSameDay() {
        try (JournalFixture journal = new JournalFixture(data)) {
            Day d = market(journal, new SetPlatformParameter("request-window-ms", "600000"));
            assertEquals(OutcomeStatus.REJECTED, d.nextDay().outcome().status());
            assertEquals(LocalDate.parse("2026-11-17"), LocalDate.ofInstant(Instant.parse(T3), java.time.ZoneOffset.UTC));

            DailyReport day = DailyReport.build(journal.journals(), DAY);
            assertEquals(d.parameter().sourceIndex(), day.header().lastSourceIndex());
            assertTrue(day.rejections().byCode().stream().noneMatch(c -> c.code() == 2003));

            DailyReport next = DailyReport.build(journal.journals(), DAY.plusDays(1));
            assertEquals(new ReportHeader("2026-11-18", "Asia/Shanghai", d.nextDay().sourceIndex(), d.nextDay().sourceIndex(),
                    false, new CommandCounts(1, 0, 1, 0, 0), List.of(new CommandTypeCount("RegisterFund", 0, 1, 0))),
                    next.header());
            assertEquals(List.of(new RejectionCount(2003, "FUND_EXISTS", 1)), next.rejections().byCode());
            assertEquals("2026-11-18T00:30:00.000+08:00", next.rejections().commands().get(0).time());
            assertEquals(List.of(), next.trades());
        }
    }

    @Test
    void aZoneChangeMovesTheDaysOfLaterDocuments() {
        try (JournalFixture journal = new JournalFixture(data)) {
            Day d = market(journal, new SetPlatformParameter("zone", "UTC"));

            DailyReport report = DailyReport.build(journal.journals(), DAY);
            assertEquals("Asia/Shanghai", report.header().zone(), "the zone at the day's first document");
            assertEquals(d.nextDay().sourceIndex(), report.header().lastSourceIndex(), "16:30 UTC is still the 17th in UTC");
            assertFalse(report.header().complete());
            assertEquals(List.of(new ParameterChange(d.parameter().sourceIndex(), AT2, "zone", "UTC", "Staff-01", "Staff-02")),
                    report.parameterChanges());
            assertEquals("2026-11-17T16:30:00.000Z", report.rejections().commands().get(3).time());
            assertEquals("UTC", DailyReport.build(journal.journals(), DAY.plusDays(1)).header().zone());
        }
    }

    @Test
    void buildingTwiceGivesIdenticalCanonicalJsonAndHtml() throws Exception {
        try (JournalFixture journal = new JournalFixture(data)) {
            market(journal, new SetPlatformParameter("request-window-ms", "600000"));
            DailyReport first = DailyReport.build(journal.journals(), DAY);
            DailyReport second = DailyReport.build(journal.journals(), DAY);
            assertEquals(first, second);
            byte[] json = ReportJson.write(first);
            assertArrayEquals(json, ReportJson.write(second));
            assertArrayEquals(ReportHtml.write(first), ReportHtml.write(second));

            ObjectMapper mapper = new ObjectMapper();
            JsonNode tree = mapper.readTree(json);
            assertEquals(new String(json, StandardCharsets.UTF_8), mapper.writeValueAsString(Json.sorted(tree)),
                    "properties are in key order at every level");
            JsonNode trade = tree.path("trades").path(0);
            assertEquals("360000.00", trade.path("consideration").textValue(), "amounts are the journal's exact strings");
            assertEquals("0.9000", trade.path("multipleOfCost").textValue());
            assertEquals("60.00", trade.path("percentOfNav").textValue());
            assertEquals(6000, trade.path("percentOfNavBasisPoints").asLong());
            assertEquals("No TradeFailed event in the journal up to this day.",
                    tree.path("failedSettlements").path("note").textValue());
            assertEquals(3, tree.path("version").asInt());
            assertEquals("NAV", tree.path("highlights").path("trades").path(0).path("outliers").path(0).textValue());
            assertArrayEquals(ReportHtml.write(first, Labels.ZH), ReportHtml.write(second, Labels.ZH));
        }
    }

    /** The report reads documents as values: the same day written in binary gives the same canonical JSON. */
    @Test
    void aBinaryJournalGivesTheSameReportAsTheJsonJournalOfTheSameDay() {
        byte[][] reports = new byte[2][];
        for (JournalEncoding encoding : JournalEncoding.values()) {
            try (JournalFixture journal = new JournalFixture(data.resolve(encoding.name()), encoding)) {
                market(journal, new SetPlatformParameter("request-window-ms", "600000"));
                reports[encoding.ordinal()] = ReportJson.write(DailyReport.build(journal.journals(), DAY));
            }
        }
        assertEquals(new String(reports[0], StandardCharsets.UTF_8), new String(reports[1], StandardCharsets.UTF_8));
    }

    @Test
    void htmlIsSelfContainedWithChartsAndEscapesEveryName() {
        try (JournalFixture journal = new JournalFixture(data)) {
            market(journal, new SetPlatformParameter("request-window-ms", "600000"));
            String html = new String(ReportHtml.write(DailyReport.build(journal.journals(), DAY)), StandardCharsets.UTF_8);
            assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; S Fund"), html);
            assertFalse(html.contains("<script"), "no script element, escaped or injected");
            assertTrue(html.contains("Buyer Nine &amp; Co"));
            assertEquals(4, html.split("<svg ", -1).length - 1, "listings, % of NAV, multiple of cost, rejections");
            assertTrue(html.contains("<title>Rejections by code</title>"));
            assertTrue(html.contains(">60.00%</text>"));
            assertFalse(html.contains("<link") || html.contains(" src=") || html.contains("@import"), "nothing external");
        }
    }

    @Test
    void eventTypesTheEngineDoesNotKnowAreCountedByName() {
        try (JournalFixture journal = new JournalFixture(data)) {
            journal.at(T1).genesis();
            long time = journal.time() + 1000;
            journal.raw("""
                    {"version":1,"index":2,"time":%d,"command":{"type":"FreezeUnits","fundCode":"DGF3"}}""".formatted(time), """
                    {"version":1,"sourceIndex":2,"time":%d,"outcome":{"status":"ACCEPTED","code":0,"duplicateOf":0},
                     "events":[{"type":"UnitsFrozen","units":"10.00","holder":"Holder-01","fundCode":"DGF3"},
                               {"type":"ListingCancelled","listingId":77}]}""".formatted(time));

            DailyReport report = DailyReport.build(journal.journals(), DAY);
            String at = "2026-11-17T09:00:01.000+08:00";
            assertEquals(new WatchedEvents(List.of(new TypeCount("UnitsFrozen", 1), new TypeCount("UnitsUnfrozen", 0)),
                    List.of(new RawEvent(2, at, "UnitsFrozen", new ObjectMapper().readTree(
                            "{\"fundCode\":\"DGF3\",\"holder\":\"Holder-01\",\"type\":\"UnitsFrozen\",\"units\":\"10.00\"}"))),
                    null), report.freezes());
            assertEquals(List.of(new ListingActivity(2, at, 77, "UNKNOWN", "CANCELLED", "ListingCancelled")),
                    report.listings().activity());
            assertEquals(List.of(
                    new ListingCount("NEGOTIATED", "SUBMITTED", 0), new ListingCount("NEGOTIATED", "OPENED", 0),
                    new ListingCount("NEGOTIATED", "EXPIRED", 0), new ListingCount("NEGOTIATED", "EXECUTED", 0),
                    new ListingCount("UNKNOWN", "SUBMITTED", 0), new ListingCount("UNKNOWN", "OPENED", 0),
                    new ListingCount("UNKNOWN", "EXPIRED", 0), new ListingCount("UNKNOWN", "EXECUTED", 0),
                    new ListingCount("UNKNOWN", "CANCELLED", 1)), report.listings().byMechanismAndState());
            assertEquals(List.of(new CommandTypeCount("FreezeUnits", 1, 0, 0), new CommandTypeCount("Genesis", 1, 0, 0)),
                    report.header().commandsByType());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void eventsThisVersionCannotReadAreNamedInTheReportNotDropped() {
        try (JournalFixture journal = new JournalFixture(data)) {
            journal.at(T1).genesis();
            long time = journal.time() + 1000;
            journal.raw("""
                    {"version":1,"index":2,"time":%d,"command":{"type":"WindUpFund","fundCode":"DGF3"}}""".formatted(time), """
                    {"version":1,"sourceIndex":2,"time":%d,"outcome":{"status":"ACCEPTED","code":0,"duplicateOf":0},
                     "events":[{"type":"FundWoundUp","fundCode":"DGF3"},
                               {"type":"QualificationSet","participantId":"Holder-01","status":"SOMETIMES"}]}""".formatted(time));

            DailyReport report = DailyReport.build(journal.journals(), DAY);
            String at = "2026-11-17T09:00:01.000+08:00";
            assertEquals(List.of(new UnreadableEvent(2, at, 0, "FundWoundUp"), new UnreadableEvent(2, at, 1, "QualificationSet")),
                    report.unreadableEvents());
            assertEquals(List.of(), report.qualificationChanges());
            String json = new String(ReportJson.write(report), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(json.contains("\"unreadableEvents\":[{\"position\":0,\"sourceIndex\":2,\"time\":\"" + at
                    + "\",\"type\":\"FundWoundUp\"},{\"position\":1,"), json);
            assertTrue(json.startsWith("{") && json.contains("\"version\":3"), json);
            String html = new String(ReportHtml.write(report, Labels.EN), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(html.contains("Events this version could not read") && html.contains("FundWoundUp"), html);
            assertTrue(new String(ReportHtml.write(report, Labels.ZH), java.nio.charset.StandardCharsets.UTF_8)
                    .contains("本版本无法读取的事件"));
        }
    }

    @Test
    void aDayWhoseEventsAreAllReadableNamesNoneUnread() {
        try (JournalFixture journal = new JournalFixture(data)) {
            journal.at(T1).genesis();
            assertEquals(List.of(), DailyReport.build(journal.journals(), DAY).unreadableEvents());
        }
    }

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static void rawDocument(JournalFixture journal, long index, String at, String commandType, String events) {
        long time = ms(at);
        journal.raw("""
                {"version":1,"index":%d,"time":%d,"command":{"type":"%s"}}""".formatted(index, time, commandType), """
                {"version":1,"sourceIndex":%d,"time":%d,"outcome":{"status":"ACCEPTED","code":0,"duplicateOf":0},
                 "events":[%s]}""".formatted(index, time, events));
    }

    private static String trade(long tradeId, String extra, String units, String price, String consideration, long navBp) {
        return """
                {"type":"TradeExecuted","tradeId":%d,"fundCode":"DGF3","seller":"Holder-01","buyer":"Investor-07",
                 "units":"%s","price":"%s","consideration":"%s","percentOfNavBasisPoints":%d,"multipleOfCost":"1.0000",
                 %s}""".formatted(tradeId, units, price, consideration, navBp, extra);
    }

    /**
     * Book, offer and listing trades are named from their events (a listing's mechanism from the event that created
     * it, whatever its name), and each trade of the day is compared with the fund's VWAP over the 90 days before it
     * (an older trade is outside the window) and with NAV.
     */
    @Test
    void namesEveryTradesMechanismAndMarksOutliersAgainstRecentTradesAndNav() {
        try (JournalFixture journal = new JournalFixture(data)) {
            journal.at("2026-08-01T02:00:00Z").genesis();
            rawDocument(journal, 2, "2026-08-01T03:00:00Z", "RegisterFund", """
                    {"type":"FundRegistered","fund":{"fundCode":"DGF3","shortName":"Demo Growth Fund III","currency":"CNY",
                     "nav":"2.0000","navDate":"2026-06-30"}}""");
            rawDocument(journal, 3, "2026-08-01T04:00:00Z", "PlaceOrder",
                    trade(3 * 4096, "\"listingId\":0,\"buyOrderId\":1,\"sellOrderId\":2", "1000.00", "5.0000", "5000.00", 25000));
            rawDocument(journal, 4, "2026-11-10T02:00:00Z", "NavUpdated", """
                    {"type":"NavUpdated","fundCode":"DGF3","nav":"1.5000","navDate":"2026-09-30"}""");
            rawDocument(journal, 5, "2026-11-10T03:00:00Z", "PlaceOrder",
                    trade(5 * 4096, "\"listingId\":0,\"buyOrderId\":3,\"sellOrderId\":4", "1000.00", "1.0000", "1000.00", 6667)
                    + "," + trade(5 * 4096 + 1, "\"listingId\":0,\"buyOrderId\":3,\"sellOrderId\":5", "3000.00", "1.2000",
                    "3600.00", 8000));
            rawDocument(journal, 6, "2026-11-16T03:00:00Z", "ListDutch", """
                    {"type":"ListingSubmitted","listingId":6,"fundCode":"DGF3","seller":"Holder-01","mechanism":"DUTCH"}""");
            rawDocument(journal, 7, T1, "PlaceOrder",
                    trade(7 * 4096, "\"listingId\":0,\"buyOrderId\":7,\"sellOrderId\":8", "1000.00", "1.1000", "1100.00", 7333));
            rawDocument(journal, 8, T1, "AcceptQuote",
                    trade(8 * 4096, "\"listingId\":0,\"offerId\":9", "1000.00", "1.5000", "1500.00", 10000));
            rawDocument(journal, 9, T2, "Tick",
                    trade(9 * 4096, "\"listingId\":6", "1000.00", "0.6000", "600.00", 4000)
                    + ",{\"type\":\"PledgeRegistered\",\"pledgeId\":9,\"fundCode\":\"DGF3\",\"holder\":\"Holder-01\","
                    + "\"units\":\"10.00\",\"pledgee\":\"Bank-01\"}"
                    + ",{\"type\":\"ParticipantSuspended\",\"participantId\":\"Investor-07\",\"proposalId\":4,"
                    + "\"reason\":\"case 12\"}");

            DailyReport report = DailyReport.build(journal.journals(), DAY);

            assertEquals(List.of(
                    review(7 * 4096, 7, AT1, "BOOK", 0, "1000.00", "1.1000", "1100.00", "73.33", "1.1500", 2, 434L, 2667,
                            List.of()),
                    review(8 * 4096, 8, AT1, "OFFER", 0, "1000.00", "1.5000", "1500.00", "100.00", "1.1400", 3, 3157L, 0,
                            List.of(TradeReview.VWAP)),
                    review(9 * 4096, 9, AT2, "DUTCH", 6, "1000.00", "0.6000", "600.00", "40.00", "1.2000", 4, 5000L, 6000,
                            List.of(TradeReview.VWAP, TradeReview.NAV))), report.highlights().trades());
            assertEquals(2, report.highlights().outliers());
            assertEquals(List.of("BOOK", "OFFER", "DUTCH"), report.trades().stream().map(TradeRow::mechanism).toList());
            assertEquals(List.of(
                    new RestrictionRow(9, AT2, "PLEDGE_REGISTERED", "Holder-01", null, "DGF3", "10.00", "9", "Bank-01"),
                    new RestrictionRow(9, AT2, "PARTICIPANT_SUSPENDED", "Investor-07", null, null, null, "4", "case 12")),
                    report.highlights().restrictions());

            DailyReport strict = DailyReport.build(journal.journals(), DAY, new OutlierRule(90, 400, 2600));
            assertEquals(List.of(List.of(TradeReview.VWAP, TradeReview.NAV), List.of(TradeReview.VWAP),
                    List.of(TradeReview.VWAP, TradeReview.NAV)),
                    strict.highlights().trades().stream().map(TradeReview::outliers).toList());
        }
    }

    private static TradeReview review(long tradeId, long index, String time, String mechanism, long listingId, String units,
                                      String price, String consideration, String percentOfNav, String vwap, int vwapTrades,
                                      Long fromVwap, long fromNav, List<String> outliers) {
        return new TradeReview(tradeId, index, time, mechanism, listingId, "DGF3", "Demo Growth Fund III", "CNY", "Holder-01",
                null, "Investor-07", null, units, price, consideration, "1.5000", percentOfNav, "1.0000", vwap, vwapTrades,
                fromVwap, fromNav, outliers);
    }

    @Test
    void htmlLeadsWithTheTradesToReviewInEnglishAndInChinese() {
        try (JournalFixture journal = new JournalFixture(data)) {
            market(journal, new SetPlatformParameter("request-window-ms", "600000"));
            DailyReport report = DailyReport.build(journal.journals(), DAY);
            String en = new String(ReportHtml.write(report, Labels.EN), StandardCharsets.UTF_8);
            String zh = new String(ReportHtml.write(report, Labels.ZH), StandardCharsets.UTF_8);
            assertArrayEquals(ReportHtml.write(report), ReportHtml.write(report, Labels.EN));

            List<String> enHeadings = headings(en);
            assertEquals(List.of("Trades to review", "Refusals by participant and code",
                    "Pledges, freezes, suspensions and key revocations", "Listings by mechanism", "Trades", "Settlements",
                    "Failed settlements", "Pledges", "Freezes", "Rejections by code", "Qualification changes",
                    "Participant approvals", "Key revocations", "Audit checkpoints", "Platform parameter changes",
                    "Events this version could not read",
                    "Commands"), enHeadings);
            assertEquals(List.of("待审阅的成交", "按参与者与代码统计的拒绝", "质押、冻结、暂停与密钥吊销", "按机制统计的挂牌", "成交", "结算",
                    "结算失败", "质押", "冻结", "按代码统计的拒绝", "合格投资者资格变更", "参与者审批", "密钥吊销", "审计检查点", "平台参数变更", "本版本无法读取的事件",
                    "指令"), headings(zh));
            assertTrue(en.contains("<html lang=\"en\">") && zh.contains("<html lang=\"zh-CN\">"));
            assertTrue(en.contains("Outlier rule: a trade&#39;s price more than 20% from the fund&#39;s volume-weighted average"
                    + " price (VWAP) over the previous 90 days&#39; trades, or more than 30% from NAV."), en);
            assertTrue(zh.contains("异常规则：成交价偏离该基金此前 90 天内成交的成交量加权均价（VWAP）超过 20%，或偏离资产净值超过 30%。"));
            assertTrue(zh.contains("<td>资产净值</td>"), "the NAV outlier mark in Chinese");
            assertTrue(zh.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; S Fund"));
            assertFalse(zh.contains("<script"));
        }
    }

    private static List<String> headings(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<h2>([^<]*)</h2>").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
