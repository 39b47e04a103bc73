package fundexchange.registry.projector;

import static fundexchange.registry.schema.Tables.DATA_ROOM_DIRECTIONS;
import static fundexchange.registry.schema.Tables.DATA_ROOM_DOCUMENTS;
import static fundexchange.registry.schema.Tables.DATA_ROOM_OPENINGS;
import static fundexchange.registry.schema.Tables.NDA_ACCEPTANCES;

import fundexchange.protocol.event.DisclosureDirected;
import fundexchange.protocol.event.DocumentOpened;
import fundexchange.protocol.event.DocumentRegistered;
import fundexchange.protocol.event.FundDocumentRegistered;
import fundexchange.protocol.event.NdaAccepted;
import java.util.List;
import org.jooq.DSLContext;

/**
 * The data room (issue 21): documents, NDA acceptances and the access log, one row per event. Like
 * {@link EventProjection} it never decides: a missing row or a broken constraint halts the projector.
 */
final class DataRoomProjection {
    private final DSLContext tx;
    private final StatementBatch batch;

    DataRoomProjection(DSLContext tx, StatementBatch batch) {
        this.tx = tx;
        this.batch = batch;
    }

    private static String document(long id) {
        return "DataRoomDocument:" + id;
    }

    void registered(DocumentRegistered e, long time) {
        batch.insert(tx.insertInto(DATA_ROOM_DOCUMENTS)
                .set(DATA_ROOM_DOCUMENTS.DOCUMENT_ID, e.documentId())
                .set(DATA_ROOM_DOCUMENTS.LISTING_ID, e.listingId())
                .set(DATA_ROOM_DOCUMENTS.HOLDER, e.holder())
                .set(DATA_ROOM_DOCUMENTS.DIGEST, e.digest())
                .set(DATA_ROOM_DOCUMENTS.KIND, e.kind().name())
                .set(DATA_ROOM_DOCUMENTS.TITLE, e.title())
                .set(DATA_ROOM_DOCUMENTS.SIZE_BYTES, e.size())
                .set(DATA_ROOM_DOCUMENTS.PAGES, e.pages())
                .set(DATA_ROOM_DOCUMENTS.NDA_VERSION, e.ndaVersion())
                .set(DATA_ROOM_DOCUMENTS.REGISTERED_BY, e.holder())
                .set(DATA_ROOM_DOCUMENTS.REGISTERED_AT, time), List.of(document(e.documentId())),
                EventProjection.participant(e.holder()));
    }

    /** A fund document: no listing or holder, the fund and the manager who registered it. */
    void fundDocument(FundDocumentRegistered e, long time) {
        batch.insert(tx.insertInto(DATA_ROOM_DOCUMENTS)
                .set(DATA_ROOM_DOCUMENTS.DOCUMENT_ID, e.documentId())
                .set(DATA_ROOM_DOCUMENTS.FUND_CODE, e.fundCode())
                .set(DATA_ROOM_DOCUMENTS.DIGEST, e.digest())
                .set(DATA_ROOM_DOCUMENTS.KIND, e.kind().name())
                .set(DATA_ROOM_DOCUMENTS.TITLE, e.title())
                .set(DATA_ROOM_DOCUMENTS.SIZE_BYTES, e.size())
                .set(DATA_ROOM_DOCUMENTS.PAGES, e.pages())
                .set(DATA_ROOM_DOCUMENTS.NDA_VERSION, 0)
                .set(DATA_ROOM_DOCUMENTS.REGISTERED_BY, e.registeredBy())
                .set(DATA_ROOM_DOCUMENTS.REGISTERED_AT, time), List.of(document(e.documentId())),
                EventProjection.participant(e.registeredBy()), EventProjection.fund(e.fundCode()));
    }

    void accepted(NdaAccepted e, long index, long time) {
        batch.insert(tx.insertInto(NDA_ACCEPTANCES)
                .set(NDA_ACCEPTANCES.SOURCE_INDEX, index)
                .set(NDA_ACCEPTANCES.LISTING_ID, e.listingId())
                .set(NDA_ACCEPTANCES.INVESTOR, e.investor())
                .set(NDA_ACCEPTANCES.HOLDER, e.holder())
                .set(NDA_ACCEPTANCES.VERSION, e.version())
                .set(NDA_ACCEPTANCES.DIGEST, e.digest())
                .set(NDA_ACCEPTANCES.ACCEPTED_AT, time), List.of("NdaAcceptance:" + index),
                EventProjection.participant(e.investor()));
    }

    void directed(DisclosureDirected e, long index) {
        String investors = String.join(",", e.investors());
        batch.insert(tx.insertInto(DATA_ROOM_DIRECTIONS)
                .set(DATA_ROOM_DIRECTIONS.LISTING_ID, e.listingId())
                .set(DATA_ROOM_DIRECTIONS.HOLDER, e.holder())
                .set(DATA_ROOM_DIRECTIONS.INVESTORS, investors)
                .set(DATA_ROOM_DIRECTIONS.SET_INDEX, index)
                .onConflict(DATA_ROOM_DIRECTIONS.LISTING_ID).doUpdate()
                .set(DATA_ROOM_DIRECTIONS.INVESTORS, investors)
                .set(DATA_ROOM_DIRECTIONS.SET_INDEX, index), List.of("DataRoomDirection:" + e.listingId()));
    }

    void opened(DocumentOpened e, long index, long time) {
        batch.insert(tx.insertInto(DATA_ROOM_OPENINGS)
                .set(DATA_ROOM_OPENINGS.SOURCE_INDEX, index)
                .set(DATA_ROOM_OPENINGS.DOCUMENT_ID, e.documentId())
                .set(DATA_ROOM_OPENINGS.LISTING_ID, e.listingId())
                .set(DATA_ROOM_OPENINGS.VIEWER, e.viewer())
                .set(DATA_ROOM_OPENINGS.HOLDER, e.holder())
                .set(DATA_ROOM_OPENINGS.DIGEST, e.digest())
                .set(DATA_ROOM_OPENINGS.OPENED_AT, time), List.of("DataRoomOpening:" + index),
                document(e.documentId()), EventProjection.participant(e.viewer()));
    }
}
