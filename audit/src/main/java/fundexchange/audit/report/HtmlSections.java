package fundexchange.audit.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The sections of {@link ReportHtml} after the highlights, in one language. */
final class HtmlSections {
    private static final long NAV_BASIS_POINTS = 10_000L;
    private static final long COST_MULTIPLE = 10_000L;
    private final Labels l;

    HtmlSections(Labels l) {
        this.l = l;
    }

    void listings(StringBuilder out, ListingsSection listings) {
        heading(out, "Listings by mechanism");
        List<BarChart.Bar> bars = new ArrayList<>();
        Html.Table counts = table(Set.of(2), "Mechanism", "State", "Listings");
        for (ListingCount c : listings.byMechanismAndState()) {
            bars.add(new BarChart.Bar(c.mechanism() + " · " + c.state(), c.listings(), String.valueOf(c.listings())));
            counts.row(c.mechanism(), c.state(), c.listings());
        }
        ReportHtml.figure(out, l.t("Listings by mechanism and state"), bars, null);
        counts.writeTo(out);
        Html.Table activity = table(Set.of(0, 2), "Index", "Time", "Listing", "Mechanism", "State", "Event");
        listings.activity().forEach(a -> activity.row(a.sourceIndex(), a.time(), a.listingId(), a.mechanism(), a.state(),
                a.eventType()));
        activity.writeTo(out);
    }

    void trades(StringBuilder out, List<TradeRow> trades) {
        heading(out, "Trades");
        List<BarChart.Bar> nav = new ArrayList<>();
        List<BarChart.Bar> cost = new ArrayList<>();
        Html.Table table = table(Set.of(0, 1, 3, 8, 9, 10, 11, 12), "Trade", "Listing", "Mechanism", "Index", "Time", "Fund", "Seller", "Buyer",
                "Units", "Price", "Consideration", "% of NAV", "Multiple of cost");
        for (TradeRow t : trades) {
            String label = l.t("Trade") + " " + t.tradeId() + " · " + t.fundCode();
            nav.add(new BarChart.Bar(label, t.percentOfNavBasisPoints(), t.percentOfNav() + "%"));
            cost.add(new BarChart.Bar(label, scaled(t.multipleOfCost()), t.multipleOfCost() + "x"));
            table.row(t.tradeId(), t.listingId(), t.mechanism(), t.sourceIndex(), t.time(), t.fundCode(), t.seller(),
                    t.buyer(), t.units(), t.price(), t.consideration(), t.percentOfNav(), t.multipleOfCost());
        }
        ReportHtml.figure(out, l.t("Price as % of NAV"), nav, new BarChart.Reference(NAV_BASIS_POINTS, l.t("NAV 100%")));
        ReportHtml.figure(out, l.t("Multiple of cost"), cost, new BarChart.Reference(COST_MULTIPLE, l.t("cost 1.0x")));
        table.writeTo(out);
    }

    void settlements(StringBuilder out, List<SettlementRow> settlements) {
        heading(out, "Settlements");
        Html.Table table = table(Set.of(0, 1, 6, 7, 8, 9), "Trade", "Index", "Time", "Fund", "Seller", "Buyer", "Units",
                "Consideration", "Seller cost released", "Holders after");
        settlements.forEach(s -> table.row(s.tradeId(), s.sourceIndex(), s.time(), s.fundCode(), s.seller(), s.buyer(),
                s.units(), s.consideration(), s.sellerCostReleased(), s.holderCount()));
        table.writeTo(out);
    }

    void watched(StringBuilder out, String title, WatchedEvents section) {
        heading(out, title);
        if (section.note() != null) {
            out.append("<p class=\"note\">").append(Html.escape(section.note())).append("</p>\n");
        }
        Html.Table counts = table(Set.of(1), "Event type", "Count");
        section.byType().forEach(c -> counts.row(c.type(), c.count()));
        counts.writeTo(out);
        if (!section.events().isEmpty()) {
            Html.Table events = table(Set.of(0), "Index", "Time", "Type", "Event");
            section.events().forEach(e -> events.row(e.sourceIndex(), e.time(), e.type(), e.event().toString()));
            events.writeTo(out);
        }
    }

    void rejections(StringBuilder out, RejectionsSection rejections) {
        heading(out, "Rejections by code");
        List<BarChart.Bar> bars = new ArrayList<>();
        Html.Table counts = table(Set.of(0, 2), "Code", "Reason", "Count");
        for (RejectionCount c : rejections.byCode()) {
            bars.add(new BarChart.Bar(c.code() + " " + (c.reason() == null ? "" : c.reason()), c.count(),
                    String.valueOf(c.count())));
            counts.row(c.code(), c.reason(), c.count());
        }
        ReportHtml.figure(out, l.t("Rejections by code"), bars, null);
        counts.writeTo(out);
        Html.Table commands = table(Set.of(0, 4), "Index", "Time", "Participant", "Command", "Code", "Reason", "Message");
        rejections.commands().forEach(r -> commands.row(r.sourceIndex(), r.time(), r.participant(), r.commandType(),
                r.code(), r.reason(), r.message()));
        commands.writeTo(out);
    }

    void people(StringBuilder out, DailyReport report) {
        heading(out, "Qualification changes");
        Html.Table qualifications = table(Set.of(0), "Index", "Time", "Participant", "Name", "Status", "Valid until",
                "Proposed by", "Approved by");
        report.qualificationChanges().forEach(q -> qualifications.row(q.sourceIndex(), q.time(), q.participantId(),
                q.name(), q.status(), q.validUntil(), q.proposedBy(), q.approvedBy()));
        qualifications.writeTo(out);
        heading(out, "Participant approvals");
        Html.Table approvals = table(Set.of(0), "Index", "Time", "Participant", "Name", "Proposed by", "Approved by");
        report.participantApprovals().forEach(a -> approvals.row(a.sourceIndex(), a.time(), a.participantId(), a.name(),
                a.proposedBy(), a.approvedBy()));
        approvals.writeTo(out);
        heading(out, "Key revocations");
        Html.Table revocations = table(Set.of(0), "Index", "Time", "Participant", "Name", "Key", "Revoked by");
        report.keyRevocations().forEach(k -> revocations.row(k.sourceIndex(), k.time(), k.participantId(), k.name(),
                k.keyId(), k.revokedBy()));
        revocations.writeTo(out);
    }

    void operations(StringBuilder out, DailyReport report) {
        heading(out, "Audit checkpoints");
        Html.Table checkpoints = table(Set.of(0, 3), "Index", "Time", "Key", "Chain index", "Chain head");
        report.checkpoints().forEach(c -> checkpoints.row(c.sourceIndex(), c.time(), c.keyId(), c.chainIndex(),
                c.chainHead()));
        checkpoints.writeTo(out);
        heading(out, "Platform parameter changes");
        Html.Table parameters = table(Set.of(0), "Index", "Time", "Parameter", "Value", "Proposed by", "Approved by");
        report.parameterChanges().forEach(p -> parameters.row(p.sourceIndex(), p.time(), p.name(), p.value(),
                p.proposedBy(), p.approvedBy()));
        parameters.writeTo(out);
        heading(out, "Events this version could not read");
        Html.Table unreadable = table(Set.of(0, 2), "Index", "Time", "Place in document", "Event type");
        report.unreadableEvents().forEach(u -> unreadable.row(u.sourceIndex(), u.time(), u.position(), u.type()));
        unreadable.writeTo(out);
    }

    private void heading(StringBuilder out, String english) {
        out.append("<h2>").append(Html.escape(l.t(english))).append("</h2>\n");
    }

    private Html.Table table(Set<Integer> numeric, String... english) {
        return new Html.Table(l.all(english), numeric, l.t("None."));
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
