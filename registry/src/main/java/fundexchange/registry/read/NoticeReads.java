package fundexchange.registry.read;

import static fundexchange.registry.schema.Tables.HOLDINGS;
import static fundexchange.registry.schema.Tables.LISTINGS;
import static fundexchange.registry.schema.Tables.TRANSFER_NOTICES;
import static fundexchange.registry.schema.Tables.TRANSFER_NOTICE_ANSWERS;
import static fundexchange.registry.schema.Tables.TRANSFER_NOTICE_RECIPIENTS;
import static fundexchange.registry.schema.Tables.TRANSFER_TERMS;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Consent and first refusal's reads (V17, V20): a fund's transfer terms, and transfer notices with who they went to and
 * every answer. Rows come whole; the gateway decides who may ask and shapes each notice for its viewer.
 */
public final class NoticeReads {
    private final DSLContext dsl;

    NoticeReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The fund's transfer terms, if staff set any. */
    public Optional<TermsView> terms(String fundCode) {
        return dsl.selectFrom(TRANSFER_TERMS).where(TRANSFER_TERMS.FUND_CODE.eq(fundCode)).fetchOptional(r -> new TermsView(
                r.getFundCode(), r.getManager(), r.getConsentRequired(), r.getConsentOnSilence(), r.getPriority(),
                r.getNoticeDays(), r.getMatchDays(), split(r.getAffiliates()), r.getDocumentDigest(), r.getSourceIndex()));
    }

    /** Whether {@code participantId} holds units of the fund now. */
    public boolean holds(String fundCode, String participantId) {
        return dsl.fetchExists(DSL.selectOne().from(HOLDINGS).where(HOLDINGS.FUND_CODE.eq(fundCode),
                HOLDINGS.HOLDER.eq(participantId), HOLDINGS.UNITS.gt(BigDecimal.ZERO)));
    }

    /** Notices matching {@code query}, a page in listing id order, each with its recipients and answers. */
    public List<NoticeView> notices(NoticeQuery query, Page page) {
        Condition matching = TRANSFER_NOTICES.LISTING_ID.gt(page.after());
        matching = query.fundCode().map(TRANSFER_NOTICES.FUND_CODE::eq).map(matching::and).orElse(matching);
        Condition open = TRANSFER_NOTICES.RESOLVED_INDEX.isNull().or(TRANSFER_NOTICES.AWARDED_INDEX.isNotNull()
                .and(TRANSFER_NOTICES.MATCH_RESOLVED_INDEX.isNull()));
        matching = query.open().map(wanted -> wanted ? open : DSL.not(open)).map(matching::and).orElse(matching);
        matching = query.party().map(NoticeReads::naming).map(matching::and).orElse(matching);
        return fetch(matching, page.limit());
    }

    /** One notice, whole. */
    public Optional<NoticeView> notice(long listingId) {
        return fetch(TRANSFER_NOTICES.LISTING_ID.eq(listingId), 1).stream().findFirst();
    }

    /** A notice names a participant as its transferor, its manager or one it went to (as the feeds deliver it). */
    private static Condition naming(String participantId) {
        return TRANSFER_NOTICES.TRANSFEROR.eq(participantId).or(TRANSFER_NOTICES.MANAGER.eq(participantId))
                .or(DSL.exists(DSL.selectOne().from(TRANSFER_NOTICE_RECIPIENTS).where(
                        TRANSFER_NOTICE_RECIPIENTS.LISTING_ID.eq(TRANSFER_NOTICES.LISTING_ID),
                        TRANSFER_NOTICE_RECIPIENTS.PARTICIPANT_ID.eq(participantId))));
    }

    private List<NoticeView> fetch(Condition matching, int limit) {
        List<Record> rows = dsl.select(TRANSFER_NOTICES.fields()).select(LISTINGS.STATUS).from(TRANSFER_NOTICES)
                .join(LISTINGS).on(LISTINGS.LISTING_ID.eq(TRANSFER_NOTICES.LISTING_ID))
                .where(matching).orderBy(TRANSFER_NOTICES.LISTING_ID).limit(limit).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(r -> r.get(TRANSFER_NOTICES.LISTING_ID)).toList();
        Map<Long, List<NoticeView.Recipient>> recipients = new LinkedHashMap<>();
        dsl.selectFrom(TRANSFER_NOTICE_RECIPIENTS).where(TRANSFER_NOTICE_RECIPIENTS.LISTING_ID.in(ids))
                .orderBy(TRANSFER_NOTICE_RECIPIENTS.LISTING_ID, TRANSFER_NOTICE_RECIPIENTS.PARTICIPANT_ID)
                .forEach(r -> recipients.computeIfAbsent(r.getListingId(), id -> new java.util.ArrayList<>())
                        .add(new NoticeView.Recipient(r.getParticipantId(), r.getUnitsAtNotice(), r.getRequested(),
                                r.getAllocated(), r.getRefusedCode(), r.getUnitsAtClose(), r.getMatchRequested(),
                                r.getMatchAllocated(), r.getMatchRefusedCode())));
        Map<Long, List<NoticeView.Answer>> answers = new LinkedHashMap<>();
        dsl.selectFrom(TRANSFER_NOTICE_ANSWERS).where(TRANSFER_NOTICE_ANSWERS.LISTING_ID.in(ids))
                .orderBy(TRANSFER_NOTICE_ANSWERS.LISTING_ID, TRANSFER_NOTICE_ANSWERS.ANSWERED_INDEX)
                .forEach(r -> answers.computeIfAbsent(r.getListingId(), id -> new java.util.ArrayList<>())
                        .add(new NoticeView.Answer(r.getAnsweredIndex(), r.getAnsweredAt(), r.getParticipantId(),
                                r.getAnswer(), r.getUnits(), r.getEvidenceDigest())));
        return rows.stream().map(r -> {
            long id = r.get(TRANSFER_NOTICES.LISTING_ID);
            return new NoticeView(id, r.get(TRANSFER_NOTICES.FUND_CODE), r.get(TRANSFER_NOTICES.TRANSFEROR),
                    r.get(TRANSFER_NOTICES.BUYER), r.get(TRANSFER_NOTICES.MANAGER), r.get(TRANSFER_NOTICES.UNITS),
                    r.get(TRANSFER_NOTICES.PRICE), r.get(TRANSFER_NOTICES.CONSENT_REQUIRED), r.get(TRANSFER_NOTICES.PRIORITY),
                    r.get(TRANSFER_NOTICES.ATTESTATION_REQUIRED), r.get(TRANSFER_NOTICES.ANSWER_BY),
                    r.get(TRANSFER_NOTICES.ISSUED_INDEX), r.get(TRANSFER_NOTICES.ISSUED_AT),
                    r.get(TRANSFER_NOTICES.CONSENT_OUTCOME), r.get(TRANSFER_NOTICES.UNITS_LEFT),
                    r.get(TRANSFER_NOTICES.SILENT) == null ? null : split(r.get(TRANSFER_NOTICES.SILENT)),
                    r.get(TRANSFER_NOTICES.RESOLVED_INDEX), r.get(TRANSFER_NOTICES.RESOLVED_AT), r.get(LISTINGS.STATUS),
                    List.copyOf(recipients.getOrDefault(id, List.of())), List.copyOf(answers.getOrDefault(id, List.of())),
                    match(r));
        }).toList();
    }

    private static NoticeView.Match match(Record r) {
        if (r.get(TRANSFER_NOTICES.AWARDED_INDEX) == null) {
            return null;
        }
        return new NoticeView.Match(r.get(TRANSFER_NOTICES.WINNER), r.get(TRANSFER_NOTICES.WINNING_BID_ID),
                r.get(TRANSFER_NOTICES.CLEARING_PRICE), r.get(TRANSFER_NOTICES.MATCH_BY),
                r.get(TRANSFER_NOTICES.AWARDED_INDEX), r.get(TRANSFER_NOTICES.AWARDED_AT),
                r.get(TRANSFER_NOTICES.WINNER_UNITS),
                r.get(TRANSFER_NOTICES.MATCH_SILENT) == null ? null : split(r.get(TRANSFER_NOTICES.MATCH_SILENT)),
                r.get(TRANSFER_NOTICES.MATCH_RESOLVED_INDEX), r.get(TRANSFER_NOTICES.MATCH_RESOLVED_AT));
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }
}
