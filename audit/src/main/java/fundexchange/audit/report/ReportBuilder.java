package fundexchange.audit.report;

import com.fasterxml.jackson.databind.JsonNode;
import fundexchange.protocol.reference.PlatformParameters;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Folds the journal's documents, in order, into one day's report. */
final class ReportBuilder {
    private final LocalDate date;
    private final OutlierRule rule;
    private final Directory directory = new Directory();
    private final Funds funds = new Funds();
    private final ReviewCollector reviews;
    private final RestrictionCollector restrictions = new RestrictionCollector(directory);
    private final HeaderCollector header = new HeaderCollector();
    private final ListingCollector listings = new ListingCollector(directory);
    private final EventRows rows = new EventRows(directory);
    private final RejectionCollector rejections = new RejectionCollector();
    private final WatchedCollector failedSettlements = new WatchedCollector(List.of("TradeFailed"), true);
    private final WatchedCollector pledges = new WatchedCollector(List.of("PledgeRegistered", "PledgeReleased"), true);
    private final WatchedCollector freezes = new WatchedCollector(List.of("UnitsFrozen", "UnitsUnfrozen"), true);
    private final List<WatchedCollector> watched = List.of(failedSettlements, pledges, freezes);
    private final List<UnreadableEvent> unreadable = new java.util.ArrayList<>();
    private ZoneId zoneNow = ZoneId.of(PlatformParameters.DEFAULTS.zone());
    private boolean complete;

    ReportBuilder(LocalDate date, OutlierRule rule) {
        this.date = date;
        this.rule = rule;
        this.reviews = new ReviewCollector(rule, directory, funds);
    }

    void accept(JournalDocument doc) {
        LocalDate day = doc.date();
        boolean onDay = day.equals(date);
        complete |= day.isAfter(date);
        if (onDay) {
            header.count(doc);
            rejections.accept(doc);
            rows.begin();
        }
        int position = 0;
        for (JsonNode event : doc.events()) {
            String type = Json.text(event, "type");
            int at = position++;
            directory.learn(type, event);
            funds.learn(type, event);
            reviews.accept(doc, type, event, onDay);
            for (WatchedCollector collector : watched) {
                collector.accept(doc, type, event, onDay);
            }
            if (onDay) {
                listings.accept(doc, type, event);
                EventRows.typed(event).ifPresentOrElse(typed -> {
                    rows.accept(doc, typed, event);
                    restrictions.accept(doc, typed, event);
                }, () -> unreadable.add(new UnreadableEvent(doc.sourceIndex(), doc.localTime(), at, type)));
            }
        }
        zoneNow = JournalScan.zoneAfter(doc.zone(), doc.json());
    }

    DailyReport build() {
        RejectionsSection refused = rejections.build();
        List<TradeReview> reviewed = reviews.build();
        Highlights highlights = new Highlights(rule, reviewed, reviewed.stream().filter(t -> !t.outliers().isEmpty()).count(),
                Refusals.byParticipant(refused.commands(), directory), restrictions.build());
        return new DailyReport(DailyReport.VERSION, highlights, header.build(date, zoneNow.getId(), complete), listings.build(),
                rows.trades(), rows.settlements(), failedSettlements.build(), pledges.build(), freezes.build(),
                refused, rows.qualificationChanges(), rows.participantApprovals(), rows.keyRevocations(),
                rows.checkpoints(), rows.parameterChanges(), unreadable);
    }
}
