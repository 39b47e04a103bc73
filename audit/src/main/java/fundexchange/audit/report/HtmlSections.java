package fundexchange.audit.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The sections of {@link ReportHtml} after the header. */
final class HtmlSections {
    private static final long NAV_BASIS_POINTS = 10_000L;
    private static final long COST_MULTIPLE = 10_000L;

    private HtmlSections() {
    }

    static void listings(StringBuilder out, ListingsSection listings) {
        out.append("<h2>Listings by mechanism</h2>\n");
        List<BarChart.Bar> bars = new ArrayList<>();
        Html.Table counts = new Html.Table(List.of("Mechanism", "State", "Listings"), Set.of(2));
        for (ListingCount c : listings.byMechanismAndState()) {
            bars.add(new BarChart.Bar(c.mechanism() + " · " + c.state(), c.listings(), String.valueOf(c.listings())));
            counts.row(c.mechanism(), c.state(), c.listings());
        }
        ReportHtml.figure(out, "Listings by mechanism and state", bars, null);
        counts.writeTo(out);
        Html.Table activity = new Html.Table(List.of("Index", "Time", "Listing", "Mechanism", "State", "Event"), Set.of(0, 2));
        listings.activity().forEach(a -> activity.row(a.sourceIndex(), a.time(), a.listingId(), a.mechanism(), a.state(),
                a.eventType()));
        activity.writeTo(out);
    }

    static void trades(StringBuilder out, List<TradeRow> trades) {
        out.append("<h2>Trades</h2>\n");
        List<BarChart.Bar> nav = new ArrayList<>();
        List<BarChart.Bar> cost = new ArrayList<>();
        Html.Table table = new Html.Table(List.of("Trade", "Listing", "Mechanism", "Index", "Time", "Fund", "Seller", "Buyer",
                "Units", "Price", "Consideration", "% of NAV", "Multiple of cost"), Set.of(0, 1, 3, 8, 9, 10, 11, 12));
        for (TradeRow t : trades) {
            String label = "Trade " + t.tradeId() + " · " + t.fundCode();
            nav.add(new BarChart.Bar(label, t.percentOfNavBasisPoints(), t.percentOfNav() + "%"));
            cost.add(new BarChart.Bar(label, scaled(t.multipleOfCost()), t.multipleOfCost() + "x"));
            table.row(t.tradeId(), t.listingId(), t.mechanism(), t.sourceIndex(), t.time(), t.fundCode(), t.seller(),
                    t.buyer(), t.units(), t.price(), t.consideration(), t.percentOfNav(), t.multipleOfCost());
        }
        ReportHtml.figure(out, "Price as % of NAV", nav, new BarChart.Reference(NAV_BASIS_POINTS, "NAV 100%"));
        ReportHtml.figure(out, "Multiple of cost", cost, new BarChart.Reference(COST_MULTIPLE, "cost 1.0x"));
        table.writeTo(out);
    }

    static void settlements(StringBuilder out, List<SettlementRow> settlements) {
        out.append("<h2>Settlements</h2>\n");
        Html.Table table = new Html.Table(List.of("Trade", "Index", "Time", "Fund", "Seller", "Buyer", "Units",
                "Consideration", "Seller cost released", "Holders after"), Set.of(0, 1, 6, 7, 8, 9));
        settlements.forEach(s -> table.row(s.tradeId(), s.sourceIndex(), s.time(), s.fundCode(), s.seller(), s.buyer(),
                s.units(), s.consideration(), s.sellerCostReleased(), s.holderCount()));
        table.writeTo(out);
    }

    static void watched(StringBuilder out, String title, WatchedEvents section) {
        out.append("<h2>").append(Html.escape(title)).append("</h2>\n");
        if (section.note() != null) {
            out.append("<p class=\"note\">").append(Html.escape(section.note())).append("</p>\n");
        }
        Html.Table counts = new Html.Table(List.of("Event type", "Count"), Set.of(1));
        section.byType().forEach(c -> counts.row(c.type(), c.count()));
        counts.writeTo(out);
        if (!section.events().isEmpty()) {
            Html.Table events = new Html.Table(List.of("Index", "Time", "Type", "Event"), Set.of(0));
            section.events().forEach(e -> events.row(e.sourceIndex(), e.time(), e.type(), e.event().toString()));
            events.writeTo(out);
        }
    }

    static void rejections(StringBuilder out, RejectionsSection rejections) {
        out.append("<h2>Rejections by code</h2>\n");
        List<BarChart.Bar> bars = new ArrayList<>();
        Html.Table counts = new Html.Table(List.of("Code", "Reason", "Count"), Set.of(0, 2));
        for (RejectionCount c : rejections.byCode()) {
            bars.add(new BarChart.Bar(c.code() + " " + (c.reason() == null ? "" : c.reason()), c.count(),
                    String.valueOf(c.count())));
            counts.row(c.code(), c.reason(), c.count());
        }
        ReportHtml.figure(out, "Rejections by code", bars, null);
        counts.writeTo(out);
        Html.Table commands = new Html.Table(List.of("Index", "Time", "Participant", "Command", "Code", "Reason", "Message"),
                Set.of(0, 4));
        rejections.commands().forEach(r -> commands.row(r.sourceIndex(), r.time(), r.participant(), r.commandType(),
                r.code(), r.reason(), r.message()));
        commands.writeTo(out);
    }

    static void people(StringBuilder out, DailyReport report) {
        out.append("<h2>Qualification changes</h2>\n");
        Html.Table qualifications = new Html.Table(List.of("Index", "Time", "Participant", "Name", "Status", "Valid until",
                "Proposed by", "Approved by"), Set.of(0));
        report.qualificationChanges().forEach(q -> qualifications.row(q.sourceIndex(), q.time(), q.participantId(),
                q.name(), q.status(), q.validUntil(), q.proposedBy(), q.approvedBy()));
        qualifications.writeTo(out);
        out.append("<h2>Participant approvals</h2>\n");
        Html.Table approvals = new Html.Table(List.of("Index", "Time", "Participant", "Name", "Proposed by", "Approved by"),
                Set.of(0));
        report.participantApprovals().forEach(a -> approvals.row(a.sourceIndex(), a.time(), a.participantId(), a.name(),
                a.proposedBy(), a.approvedBy()));
        approvals.writeTo(out);
        out.append("<h2>Key revocations</h2>\n");
        Html.Table revocations = new Html.Table(List.of("Index", "Time", "Participant", "Name", "Key", "Revoked by"),
                Set.of(0));
        report.keyRevocations().forEach(k -> revocations.row(k.sourceIndex(), k.time(), k.participantId(), k.name(),
                k.keyId(), k.revokedBy()));
        revocations.writeTo(out);
    }

    static void operations(StringBuilder out, DailyReport report) {
        out.append("<h2>Audit checkpoints</h2>\n");
        Html.Table checkpoints = new Html.Table(List.of("Index", "Time", "Key", "Chain index", "Chain head"), Set.of(0, 3));
        report.checkpoints().forEach(c -> checkpoints.row(c.sourceIndex(), c.time(), c.keyId(), c.chainIndex(),
                c.chainHead()));
        checkpoints.writeTo(out);
        out.append("<h2>Platform parameter changes</h2>\n");
        Html.Table parameters = new Html.Table(List.of("Index", "Time", "Parameter", "Value", "Proposed by", "Approved by"),
                Set.of(0));
        report.parameterChanges().forEach(p -> parameters.row(p.sourceIndex(), p.time(), p.name(), p.value(),
                p.proposedBy(), p.approvedBy()));
        parameters.writeTo(out);
    }

    /** A decimal string at scale 4 as a whole number of ten-thousandths; absent or malformed is 0. */
    private static long scaled(String decimal) {
        try {
            return decimal == null ? 0 : new BigDecimal(decimal).movePointRight(4).longValue();
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
