package fundexchange.registry.read;

import static fundexchange.registry.schema.Tables.DATA_ROOM_DIRECTIONS;
import static fundexchange.registry.schema.Tables.DATA_ROOM_DOCUMENTS;
import static fundexchange.registry.schema.Tables.DATA_ROOM_OPENINGS;
import static fundexchange.registry.schema.Tables.NDA_ACCEPTANCES;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** The data room's reads (issue 21): a room's documents, its NDA acceptances and its access log, in journal order. */
public final class DataRoomReads {
    /** At most this many rows of a room's access log or acceptances per read. */
    public static final int MAX_ROWS = 1_000;

    /**
     * A document's metadata; its bytes are in the node's document store. A listing's own document has its
     * {@code listingId} and {@code holder}; a fund document (rules version 6) has {@code fundCode} instead, and
     * {@code registeredBy} is then the fund's manager.
     */
    public record DocumentView(long documentId, Long listingId, String holder, String fundCode, String registeredBy,
                               String digest, String kind, String title, long size, int pages, int ndaVersion,
                               long registeredAt) {
        /** Whether the fund's manager registered it for every room of the fund. */
        public boolean fundDocument() {
            return fundCode != null;
        }
    }

    /** One NDA acceptance. */
    public record AcceptanceView(long sourceIndex, String investor, int version, String digest, long acceptedAt) {
    }

    /** One opening: the access log's entry. */
    public record OpeningView(long sourceIndex, long documentId, String viewer, String digest, long openedAt) {
    }

    private final DSLContext dsl;

    DataRoomReads(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * The documents of the room of {@code listingId} in registration order: its own and its fund's (the fund of that
     * listing or offer).
     */
    public List<DocumentView> documents(long listingId) {
        org.jooq.Condition own = DATA_ROOM_DOCUMENTS.LISTING_ID.eq(listingId);
        Optional<String> fund = fundOf(listingId);
        return dsl.selectFrom(DATA_ROOM_DOCUMENTS)
                .where(fund.map(code -> own.or(DATA_ROOM_DOCUMENTS.FUND_CODE.eq(code))).orElse(own))
                .orderBy(DATA_ROOM_DOCUMENTS.DOCUMENT_ID).fetch(DataRoomReads::view);
    }

    /** The fund documents of {@code fundCode}, in registration order. */
    public List<DocumentView> fundDocuments(String fundCode) {
        return dsl.selectFrom(DATA_ROOM_DOCUMENTS).where(DATA_ROOM_DOCUMENTS.FUND_CODE.eq(fundCode))
                .orderBy(DATA_ROOM_DOCUMENTS.DOCUMENT_ID).fetch(DataRoomReads::view);
    }

    /** The funds whose transfer terms name {@code manager} as their manager, by code. */
    public List<String> managedFunds(String manager) {
        return dsl.select(fundexchange.registry.schema.Tables.TRANSFER_TERMS.FUND_CODE)
                .from(fundexchange.registry.schema.Tables.TRANSFER_TERMS)
                .where(fundexchange.registry.schema.Tables.TRANSFER_TERMS.MANAGER.eq(manager))
                .orderBy(fundexchange.registry.schema.Tables.TRANSFER_TERMS.FUND_CODE).fetch(r -> r.value1());
    }

    /**
     * The fund of listing {@code listingId} (any status) or of the OPEN offer {@code listingId}: as the engine, which
     * opens a fund document only in such a room, a withdrawn, expired or filled offer's room shows none.
     */
    public Optional<String> fundOf(long listingId) {
        return dsl.select(fundexchange.registry.schema.Tables.LISTINGS.FUND_CODE).from(fundexchange.registry.schema.Tables.LISTINGS)
                .where(fundexchange.registry.schema.Tables.LISTINGS.LISTING_ID.eq(listingId)).fetchOptional(r -> r.value1())
                .or(() -> dsl.select(fundexchange.registry.schema.Tables.OFFERS.FUND_CODE).from(fundexchange.registry.schema.Tables.OFFERS)
                        .where(fundexchange.registry.schema.Tables.OFFERS.OFFER_ID.eq(listingId),
                                fundexchange.registry.schema.Tables.OFFERS.STATUS.eq("OPEN"))
                        .fetchOptional(r -> r.value1()));
    }

    private static DocumentView view(fundexchange.registry.schema.tables.records.DataRoomDocumentsRecord r) {
        return new DocumentView(r.getDocumentId(), r.getListingId(), r.getHolder(), r.getFundCode(), r.getRegisteredBy(),
                r.getDigest(), r.getKind(), r.getTitle(), r.getSizeBytes(), r.getPages(), r.getNdaVersion(),
                r.getRegisteredAt());
    }

    /** Whether any data room registers {@code digest}. */
    public boolean registered(String digest) {
        return dsl.fetchExists(DATA_ROOM_DOCUMENTS, DATA_ROOM_DOCUMENTS.DIGEST.eq(digest));
    }

    /** The investors the room of {@code listingId} is directed to; empty: every investor. */
    public List<String> directed(long listingId) {
        return dsl.select(DATA_ROOM_DIRECTIONS.INVESTORS).from(DATA_ROOM_DIRECTIONS)
                .where(DATA_ROOM_DIRECTIONS.LISTING_ID.eq(listingId)).fetchOptional(r -> r.value1())
                .filter(text -> !text.isEmpty()).map(text -> List.of(text.split(","))).orElse(List.of());
    }

    /**
     * The holder of the room of {@code listingId}: the seller of that listing or the holder of that offer (so its
     * holder reads the room before the first document), else the holder named by its documents.
     */
    public Optional<String> holder(long listingId) {
        return dsl.select(fundexchange.registry.schema.Tables.LISTINGS.SELLER).from(fundexchange.registry.schema.Tables.LISTINGS)
                .where(fundexchange.registry.schema.Tables.LISTINGS.LISTING_ID.eq(listingId)).fetchOptional(r -> r.value1())
                .or(() -> dsl.select(fundexchange.registry.schema.Tables.OFFERS.HOLDER).from(fundexchange.registry.schema.Tables.OFFERS)
                        .where(fundexchange.registry.schema.Tables.OFFERS.OFFER_ID.eq(listingId)).fetchOptional(r -> r.value1()))
                .or(() -> dsl.select(DATA_ROOM_DOCUMENTS.HOLDER).from(DATA_ROOM_DOCUMENTS)
                        .where(DATA_ROOM_DOCUMENTS.LISTING_ID.eq(listingId)).limit(1).fetchOptional(r -> r.value1()));
    }

    /** The room's NDA acceptances after {@code afterIndex}, oldest first, at most {@link #MAX_ROWS}. */
    public List<AcceptanceView> acceptances(long listingId, long afterIndex) {
        return dsl.selectFrom(NDA_ACCEPTANCES)
                .where(NDA_ACCEPTANCES.LISTING_ID.eq(listingId), NDA_ACCEPTANCES.SOURCE_INDEX.gt(afterIndex))
                .orderBy(NDA_ACCEPTANCES.SOURCE_INDEX).limit(MAX_ROWS)
                .fetch(r -> new AcceptanceView(r.getSourceIndex(), r.getInvestor(), r.getVersion(), r.getDigest(),
                        r.getAcceptedAt()));
    }

    /** The highest NDA version {@code investor} accepted in the room of {@code listingId}; 0 when none. */
    public int acceptedNdaVersion(long listingId, String investor) {
        Integer version = dsl.select(org.jooq.impl.DSL.max(NDA_ACCEPTANCES.VERSION)).from(NDA_ACCEPTANCES)
                .where(NDA_ACCEPTANCES.LISTING_ID.eq(listingId), NDA_ACCEPTANCES.INVESTOR.eq(investor)).fetchOne(0, Integer.class);
        return version == null ? 0 : version;
    }

    /** The room's access log after {@code afterIndex}, oldest first, at most {@link #MAX_ROWS}. */
    public List<OpeningView> openings(long listingId, long afterIndex) {
        return dsl.selectFrom(DATA_ROOM_OPENINGS)
                .where(DATA_ROOM_OPENINGS.LISTING_ID.eq(listingId), DATA_ROOM_OPENINGS.SOURCE_INDEX.gt(afterIndex))
                .orderBy(DATA_ROOM_OPENINGS.SOURCE_INDEX).limit(MAX_ROWS)
                .fetch(r -> new OpeningView(r.getSourceIndex(), r.getDocumentId(), r.getViewer(), r.getDigest(),
                        r.getOpenedAt()));
    }
}
