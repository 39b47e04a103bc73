package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AcceptNda;
import fundexchange.protocol.command.DirectDisclosure;
import fundexchange.protocol.command.OpenDocument;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.RegisterDocument;
import fundexchange.protocol.command.RegisterFundDocument;
import fundexchange.protocol.command.SetTransferTerms;
import fundexchange.protocol.dataroom.DocumentKind;
import fundexchange.protocol.event.DocumentOpened;
import fundexchange.protocol.event.FundDocumentRegistered;
import fundexchange.protocol.transfer.PriorityOrder;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fund documents (issue 21, rules version 6): the fund's manager registers them once and every data room of the fund
 * shows them behind that room's NDA and direction; whole event lists asserted.
 */
class FundDocumentsTest {
    private static final String FUND = "DGF3";
    private static final String OTHER_FUND = "DGF4";
    private static final String DIGEST = "d".repeat(64);
    private static final String NDA = "a".repeat(64);
    private static final String LPA = "e".repeat(64);
    private static final String REPORT = "f".repeat(64);
    private Market m;

    private Market market(Market base) {
        m = base.participant("Manager-01", Role.MANAGER).participant("Manager-02", Role.MANAGER)
                .participant("Holder-01", Role.HOLDER).participant("Holder-02", Role.HOLDER)
                .participant("Investor-07", Role.INVESTOR).participant("Investor-08", Role.INVESTOR)
                .fund(FUND, false).fund(OTHER_FUND, false)
                .deposit(FUND, "Holder-01", "20000.00", "20000.00").deposit(OTHER_FUND, "Holder-02", "20000.00", "20000.00");
        // No consent and no priority right, so a negotiated listing opens on staff's approval alone.
        m.approved(new SetTransferTerms(FUND, "Manager-01", false, null, PriorityOrder.NONE, null, null, null, DIGEST));
        m.approved(new SetTransferTerms(OTHER_FUND, "Manager-02", false, null, PriorityOrder.NONE, null, null, null,
                DIGEST));
        return m;
    }

    @AfterEach
    void replayAgrees() {
        m.replayCheckingInvariants();
    }

    /** An OPEN negotiated listing to Investor-07 (a fund under transfer terms is listed at a fixed price). */
    private long offer(String holder, String fund) {
        long id = m.ok(holder, new ListNegotiated(fund, "Investor-07", Units.of("5000.00"), Price.of("1.2000"), 0))
                .sourceIndex();
        m.ok("Staff-02", new ApproveListing(id));
        return id;
    }

    @Test
    void theManagerRegistersAFundDocumentThatEveryRoomOfTheFundShowsBehindItsNda() {
        market(new Market());
        long offer = offer("Holder-01", FUND);
        EventDocument lpa = m.ok("Manager-01", new RegisterFundDocument(FUND, LPA, DocumentKind.PARTNERSHIP_AGREEMENT,
                "Limited partnership agreement 合伙协议", 5000, 40));
        assertEquals(List.of(new FundDocumentRegistered(lpa.sourceIndex(), FUND, "Manager-01", LPA,
                DocumentKind.PARTNERSHIP_AGREEMENT, "Limited partnership agreement 合伙协议", 5000, 40)), lpa.events());
        long id = lpa.sourceIndex();

        // Without a room named, only those who may know the fund's documents learn that this id is one (7029); an
        // investor or another fund's holder hears of an unknown document, exactly as for an id never used.
        m.refused("Investor-07", new OpenDocument(id), RejectCode.UNKNOWN_DOCUMENT);
        m.refused("Investor-07", new OpenDocument(id + 5000), RejectCode.UNKNOWN_DOCUMENT);
        m.refused("Holder-02", new OpenDocument(id), RejectCode.UNKNOWN_DOCUMENT);
        for (String knower : List.of("Holder-01", "Manager-01", "Staff-01", "Regulator-01")) {
            m.refused(knower, new OpenDocument(id), RejectCode.DATA_ROOM_NOT_NAMED);
        }
        m.refused("Investor-07", new OpenDocument(id, offer), RejectCode.NO_NDA);
        long nda = m.ok("Holder-01", new RegisterDocument(offer, NDA, DocumentKind.NDA, "NDA", 10, 1)).sourceIndex();
        m.refused("Investor-07", new OpenDocument(id, offer), RejectCode.NDA_NOT_ACCEPTED);
        m.ok("Investor-07", new AcceptNda(offer, 1, NDA));
        assertEquals(List.of(new DocumentOpened(id, offer, "Investor-07", LPA, "Holder-01")),
                m.ok("Investor-07", new OpenDocument(id, offer)).events());
        // The NDA is the room's own: naming another room for it is an unknown document.
        m.refused("Investor-07", new OpenDocument(nda, offer + 1000), RejectCode.UNKNOWN_DOCUMENT);

        // A second room of the same fund shows it too, behind its own NDA.
        long second = offer("Holder-01", FUND);
        m.refused("Investor-07", new OpenDocument(id, second), RejectCode.NO_NDA);
        m.ok("Holder-01", new DirectDisclosure(second, List.of("Investor-08")));
        m.refused("Investor-07", new OpenDocument(id, second), RejectCode.NOT_DIRECTED);
        // An investor the listing is not offered to learns nothing of its room.
        m.refused("Investor-08", new OpenDocument(id, offer), RejectCode.UNKNOWN_DOCUMENT);

        // The holder, staff and regulators open it in the room without an NDA; the log names the room and its holder.
        for (String viewer : List.of("Holder-01", "Staff-01", "Regulator-01")) {
            assertEquals(List.of(new DocumentOpened(id, second, viewer, LPA, "Holder-01")),
                    m.ok(viewer, new OpenDocument(id, second)).events());
        }
        // A room of another fund holds no such document; nor does a room that does not exist.
        long elsewhere = offer("Holder-02", OTHER_FUND);
        m.refused("Holder-02", new OpenDocument(id, elsewhere), RejectCode.UNKNOWN_DOCUMENT);
        m.refused("Staff-01", new OpenDocument(id, 424242L), RejectCode.UNKNOWN_DOCUMENT);
    }

    @Test
    void onlyTheFundsManagerRegistersFundLevelKinds() {
        market(new Market());
        m.refused("Manager-02", new RegisterFundDocument(FUND, LPA, DocumentKind.QUARTERLY_REPORT, "Q3", 10, 1),
                RejectCode.NOT_FUND_MANAGER);
        m.refused("Holder-01", new RegisterFundDocument(FUND, LPA, DocumentKind.QUARTERLY_REPORT, "Q3", 10, 1),
                RejectCode.WRONG_ROLE);
        m.refused("Manager-01", new RegisterFundDocument("NOPE", LPA, DocumentKind.QUARTERLY_REPORT, "Q3", 10, 1),
                RejectCode.UNKNOWN_FUND);
        for (DocumentKind kind : List.of(DocumentKind.NDA, DocumentKind.CAPITAL_ACCOUNT_STATEMENT,
                DocumentKind.CONSENT_LETTER)) {
            m.refused("Manager-01", new RegisterFundDocument(FUND, LPA, kind, "x", 10, 1),
                    RejectCode.NOT_A_FUND_DOCUMENT_KIND);
        }
        m.refused("Manager-01", new RegisterFundDocument(FUND, "short", DocumentKind.OTHER, "x", 10, 1),
                RejectCode.INVALID_FIELD);
        m.refused("Manager-01", new RegisterFundDocument(FUND, LPA, DocumentKind.OTHER, "x",
                DataRoomRules.MAX_DOCUMENT_BYTES + 1, 1), RejectCode.DOCUMENT_TOO_LARGE);
        for (DocumentKind kind : List.of(DocumentKind.PARTNERSHIP_AGREEMENT, DocumentKind.APPRAISAL_REPORT,
                DocumentKind.OTHER)) {
            m.ok("Manager-01", new RegisterFundDocument(FUND, digest(kind.ordinal()), kind, kind.name(), 10, 1));
        }
        m.ok("Manager-01", new RegisterFundDocument(FUND, REPORT, DocumentKind.QUARTERLY_REPORT, "Q3", 10, 1));
        m.refused("Manager-01", new RegisterFundDocument(FUND, REPORT, DocumentKind.QUARTERLY_REPORT, "again", 10, 1),
                RejectCode.DOCUMENT_ALREADY_IN_ROOM);
        // The same bytes may be another fund's document.
        m.ok("Manager-02", new RegisterFundDocument(OTHER_FUND, REPORT, DocumentKind.QUARTERLY_REPORT, "Q3", 10, 1));
    }

    @Test
    void underVersionSixAnInvestorWhoAcceptedTheNdaOpensARoomDocumentNamingItsOwnRoom() {
        market(new Market());
        long offer = offer("Holder-01", FUND);
        long report = m.ok("Holder-01", new RegisterDocument(offer, REPORT, DocumentKind.QUARTERLY_REPORT, "Q3", 10, 1))
                .sourceIndex();
        m.ok("Holder-01", new RegisterDocument(offer, NDA, DocumentKind.NDA, "NDA", 10, 1));
        m.refused("Investor-07", new OpenDocument(report, offer), RejectCode.NDA_NOT_ACCEPTED);
        m.ok("Investor-07", new AcceptNda(offer, 1, NDA));
        assertEquals(List.of(new DocumentOpened(report, offer, "Investor-07", REPORT, "Holder-01")),
                m.ok("Investor-07", new OpenDocument(report, offer)).events());
        assertEquals(List.of(new DocumentOpened(report, offer, "Investor-07", REPORT, "Holder-01")),
                m.ok("Investor-07", new OpenDocument(report)).events());
    }

    @Test
    void aFundHoldsAtMostFiftyFundDocumentsAndTwoHundredMebibytes() {
        market(new Market());
        for (int i = 0; i < DataRoomRules.MAX_ROOM_DOCUMENTS; i++) {
            m.ok("Manager-01", new RegisterFundDocument(FUND, digest(i), DocumentKind.OTHER, "Doc " + i, 10, 1));
        }
        m.refused("Manager-01", new RegisterFundDocument(FUND, digest(99), DocumentKind.OTHER, "one more", 10, 1),
                RejectCode.DATA_ROOM_FULL);
        // The limit is per fund: another fund's manager still registers, up to the bytes a fund's documents may take.
        long perDocument = DataRoomRules.MAX_DOCUMENT_BYTES;
        for (int i = 0; i < DataRoomRules.MAX_ROOM_BYTES / perDocument; i++) {
            m.ok("Manager-02", new RegisterFundDocument(OTHER_FUND, digest(i), DocumentKind.OTHER, "Big " + i,
                    perDocument, 1));
        }
        m.refused("Manager-02", new RegisterFundDocument(OTHER_FUND, digest(99), DocumentKind.OTHER, "one byte", 1, 1),
                RejectCode.DATA_ROOM_FULL);
    }

    @Test
    void aVersionFiveJournalRefusesFundDocumentsAndRoomNamingOpeningsAsBefore() {
        market(new Market(5));
        long offer = offer("Holder-01", FUND);
        long report = m.ok("Holder-01", new RegisterDocument(offer, REPORT, DocumentKind.QUARTERLY_REPORT, "Q3", 10, 1))
                .sourceIndex();
        m.refused("Manager-01", new RegisterFundDocument(FUND, LPA, DocumentKind.PARTNERSHIP_AGREEMENT, "LPA", 10, 1),
                RejectCode.FUND_DOCUMENTS_NOT_IN_RULES);
        m.refused("Holder-01", new OpenDocument(report, offer), RejectCode.FUND_DOCUMENTS_NOT_IN_RULES);
        assertEquals(List.of(new DocumentOpened(report, offer, "Holder-01", REPORT, "Holder-01")),
                m.ok("Holder-01", new OpenDocument(report)).events());
    }

    private static String digest(int i) {
        return String.format("%064x", i + 1);
    }
}
