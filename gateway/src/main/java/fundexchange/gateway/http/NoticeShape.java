package fundexchange.gateway.http;

import fundexchange.journal.JournalCodec;
import fundexchange.protocol.disclosure.Disclosed;
import fundexchange.protocol.disclosure.Disclosure;
import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.protocol.disclosure.Relation;
import fundexchange.protocol.disclosure.Viewer;
import fundexchange.protocol.event.AuctionAwardedConditionally;
import fundexchange.protocol.event.AuctionMatchResolved;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.event.TransferNoticeAnswered;
import fundexchange.protocol.event.TransferNoticeIssued;
import fundexchange.protocol.event.TransferNoticeResolved;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.transfer.Allocation;
import fundexchange.protocol.transfer.ConsentOutcome;
import fundexchange.protocol.transfer.NoticeAnswer;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.registry.read.NoticeView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A transfer notice as its viewer may see it: the notice's three events rebuilt from the registry's row and shown
 * exactly as {@link DisclosurePolicy} shows them in the feeds (CONTRACTS.md 12's exception): the transferor and the
 * manager see the notice as their own, a holder it went to as a counterparty (without who else was notified and with
 * its own allotment only); each sees its own answers only; staff and regulators see everything, with every recipient.
 * Each shown answer carries its journal index and time, the notice and its resolution theirs.
 */
final class NoticeShape {
    private static final Class<Map<String, Object>> MAP = mapType();

    private NoticeShape() {
    }

    /** How {@code viewer} stands to the notice, as the feeds deliver its events ({@code FeedShaper.noticeTo}). */
    static Relation relation(Viewer viewer, NoticeView notice) {
        if (viewer.is(notice.transferor()) || viewer.is(notice.manager())) {
            return Relation.SELF;
        }
        return notice.recipients().stream().anyMatch(r -> viewer.is(r.participantId())) ? Relation.COUNTERPARTY : Relation.NONE;
    }

    /** The notice for {@code viewer}, empty if the policy withholds it. */
    static Optional<Map<String, Object>> of(Viewer viewer, NoticeView notice) {
        Relation relation = relation(viewer, notice);
        Optional<Map<String, Object>> issued = shown(viewer, relation, issued(notice));
        if (issued.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>(issued.get());
        body.put("issuedIndex", notice.issuedIndex());
        body.put("issuedAt", notice.issuedAt());
        body.put("status", notice.open() ? "OPEN" : "RESOLVED");
        if (viewer.oversight() || viewer.is(notice.transferor())) { // what became of the listing: its seller's to know
            body.put("listingStatus", notice.listingStatus());
        }
        if (body.containsKey("holders")) { // who was notified: shown where the policy shows the holders
            body.put("recipients", notice.recipients().stream().map(NoticeShape::recipient).toList());
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        for (NoticeView.Answer answer : notice.answers()) {
            Relation own = viewer.is(answer.participantId()) ? Relation.SELF : Relation.NONE;
            shown(viewer, own, answered(notice.listingId(), answer)).ifPresent(fields -> {
                Map<String, Object> row = new LinkedHashMap<>(fields);
                row.remove("listingId");
                row.put("index", answer.index());
                row.put("answeredAt", answer.answeredAt());
                answers.add(row);
            });
        }
        body.put("answers", answers);
        if (notice.resolvedIndex() != null) { // the consent stage's resolution, shown in an auction's match stage too
            shown(viewer, relation, resolved(notice)).ifPresent(fields -> {
                Map<String, Object> resolution = new LinkedHashMap<>(fields);
                resolution.remove("listingId");
                resolution.put("index", notice.resolvedIndex());
                resolution.put("resolvedAt", notice.resolvedAt());
                body.put("resolution", resolution);
            });
        }
        if (notice.match() != null) {
            match(viewer, notice).ifPresent(match -> body.put("match", match));
        }
        return Optional.of(body);
    }

    /**
     * An auction's match stage (rules version 6) as the feeds show its events ({@code FeedShaper.matchTo}): the seller
     * as its own, a holder of the right as a counterparty (never told the winner); oversight whole.
     */
    private static Optional<Map<String, Object>> match(Viewer viewer, NoticeView notice) {
        NoticeView.Match m = notice.match();
        boolean managerFirst = PriorityOrder.valueOf(notice.priority()) == PriorityOrder.MANAGER_FIRST_THEN_PRO_RATA
                && notice.manager() != null && !notice.manager().equals(notice.transferor())
                && !notice.manager().equals(m.winner());
        Relation relation = viewer.is(notice.transferor()) ? Relation.SELF
                : managerFirst && viewer.is(notice.manager()) || notice.recipients().stream()
                .anyMatch(r -> r.unitsAtClose() != null && viewer.is(r.participantId())) ? Relation.COUNTERPARTY
                : Relation.NONE;
        List<TransferNoticeIssued.NoticeHolder> holders = notice.recipients().stream().filter(r -> r.unitsAtClose() != null)
                .map(r -> new TransferNoticeIssued.NoticeHolder(r.participantId(), Units.of(r.unitsAtClose()))).toList();
        Optional<Map<String, Object>> award = shown(viewer, relation, new AuctionAwardedConditionally(notice.listingId(),
                notice.fundCode(), notice.transferor(), m.winner(), m.winningBidId(), Units.of(notice.units()),
                Price.of(m.clearingPrice()), notice.manager(), PriorityOrder.valueOf(notice.priority()), holders,
                m.matchBy()));
        if (award.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>(award.get());
        body.remove("listingId");
        body.put("awardedIndex", m.awardedIndex());
        body.put("awardedAt", m.awardedAt());
        body.put("status", m.open() ? "OPEN" : "RESOLVED");
        if (!m.open()) {
            List<Allocation> allocations = notice.recipients().stream().filter(r -> r.matchRequested() != null)
                    .map(r -> new Allocation(r.participantId(), Units.of(r.matchRequested()), Units.of(r.matchAllocated()),
                            r.matchRefusedCode() == null ? 0 : r.matchRefusedCode())).toList();
            shown(viewer, relation, new AuctionMatchResolved(notice.listingId(), allocations, m.silent(), m.winner(),
                    Units.of(m.winnerUnits()))).ifPresent(fields -> {
                        Map<String, Object> resolution = new LinkedHashMap<>(fields);
                        resolution.remove("listingId");
                        resolution.put("index", m.resolvedIndex());
                        resolution.put("resolvedAt", m.resolvedAt());
                        body.put("resolution", resolution);
                    });
        }
        return Optional.of(body);
    }

    private static Optional<Map<String, Object>> shown(Viewer viewer, Relation relation, Event event) {
        Disclosure disclosure = DisclosurePolicy.event(viewer, relation, event);
        if (disclosure instanceof Disclosure.Withheld) {
            return Optional.empty();
        }
        Map<String, Object> fields = Disclosed.fields(JournalCodec.mapper().convertValue(event, MAP), disclosure);
        fields.remove("type");
        return Optional.of(fields);
    }

    /** The notice's issuing event; an auction's (no named buyer: rules version 6) is {@code matchAfterClose}. */
    static TransferNoticeIssued issued(NoticeView n) {
        List<TransferNoticeIssued.NoticeHolder> holders = n.recipients().stream().filter(r -> r.unitsAtNotice() != null)
                .map(r -> new TransferNoticeIssued.NoticeHolder(r.participantId(), Units.of(r.unitsAtNotice()))).toList();
        return new TransferNoticeIssued(n.listingId(), n.fundCode(), n.transferor(), n.buyer(), Units.of(n.units()),
                Price.of(n.price()), n.manager(), n.consentRequired(), PriorityOrder.valueOf(n.priority()),
                n.attestationRequired(), holders, n.answerBy(), n.buyer() == null ? Boolean.TRUE : null);
    }

    private static TransferNoticeAnswered answered(long listingId, NoticeView.Answer a) {
        return new TransferNoticeAnswered(listingId, a.participantId(), NoticeAnswer.valueOf(a.answer()),
                a.units() == null ? null : Units.of(a.units()), a.evidenceDigest());
    }

    private static TransferNoticeResolved resolved(NoticeView n) {
        List<Allocation> allocations = n.recipients().stream().filter(r -> r.requested() != null)
                .map(r -> new Allocation(r.participantId(), Units.of(r.requested()), Units.of(r.allocated()),
                        r.refusedCode() == null ? 0 : r.refusedCode())).toList();
        return new TransferNoticeResolved(n.listingId(), ConsentOutcome.valueOf(n.consentOutcome()), allocations,
                n.silent(), Units.of(n.unitsLeft()));
    }

    private static Map<String, Object> recipient(NoticeView.Recipient r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("participantId", r.participantId());
        row.put("unitsAtNotice", r.unitsAtNotice() == null ? null : Units.of(r.unitsAtNotice()).toString());
        row.put("requested", r.requested() == null ? null : Units.of(r.requested()).toString());
        row.put("allocated", r.allocated() == null ? null : Units.of(r.allocated()).toString());
        row.put("refusedCode", r.refusedCode());
        if (r.unitsAtClose() != null || r.matchRequested() != null) {
            row.put("unitsAtClose", r.unitsAtClose() == null ? null : Units.of(r.unitsAtClose()).toString());
            row.put("matchRequested", r.matchRequested() == null ? null : Units.of(r.matchRequested()).toString());
            row.put("matchAllocated", r.matchAllocated() == null ? null : Units.of(r.matchAllocated()).toString());
            row.put("matchRefusedCode", r.matchRefusedCode());
        }
        return row;
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }
}
