package fundexchange.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.EventDocument;
import fundexchange.protocol.RejectCode;
import fundexchange.protocol.command.AcceptNda;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.command.DirectDisclosure;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.ListNegotiated;
import fundexchange.protocol.command.OpenDocument;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.command.RegisterDocument;
import fundexchange.protocol.command.WithdrawOffer;
import fundexchange.protocol.dataroom.DocumentKind;
import fundexchange.protocol.event.DisclosureDirected;
import fundexchange.protocol.event.DocumentOpened;
import fundexchange.protocol.event.DocumentRegistered;
import fundexchange.protocol.event.NdaAccepted;
import fundexchange.protocol.intent.OfferVisibility;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.Role;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The data room (issue 21): documents, NDA versions, directed disclosure and openings; whole event lists asserted. */
class DataRoomTest {
    private static final String FUND = "DGF3";
    private static final String NDA_V1 = "a".repeat(64);
    private static final String NDA_V2 = "b".repeat(64);
    private static final String REPORT = "c".repeat(64);
    private Market m;
    private long listing;

    @BeforeEach
    void market() {
        m = new Market().participant("Holder-01", Role.HOLDER).participant("Holder-02", Role.HOLDER)
                .participant("Investor-07", Role.INVESTOR).participant("Investor-08", Role.INVESTOR)
                .fund(FUND, false).deposit(FUND, "Holder-01", "20000.00", "20000.00");
        listing = m.ok("Holder-01", new PostOffer(FUND, Units.of("10000.00"), Units.of("1000.00"), Price.of("1.2000"),
                OfferVisibility.QUALIFIED_ONLY, 0)).sourceIndex();
    }

    @AfterEach
    void replayAgrees() {
        m.replayCheckingInvariants();
    }

    private EventDocument register(String digest, DocumentKind kind, String title) {
        return m.ok("Holder-01", new RegisterDocument(listing, digest, kind, title, 1234, 3));
    }

    @Test
    void anInvestorOpensADocumentOnlyAfterAcceptingTheCurrentNda() {
        EventDocument report = register(REPORT, DocumentKind.QUARTERLY_REPORT, "2026 Q3 report 季度报告");
        assertEquals(List.of(new DocumentRegistered(report.sourceIndex(), listing, "Holder-01", REPORT,
                DocumentKind.QUARTERLY_REPORT, "2026 Q3 report 季度报告", 1234, 3, 0)), report.events());
        m.refused("Investor-07", new OpenDocument(report.sourceIndex()), RejectCode.NO_NDA);
        m.refused("Investor-07", new AcceptNda(listing, 1, NDA_V1), RejectCode.NO_NDA);

        EventDocument nda = register(NDA_V1, DocumentKind.NDA, "NDA 保密协议");
        assertEquals(List.of(new DocumentRegistered(nda.sourceIndex(), listing, "Holder-01", NDA_V1, DocumentKind.NDA,
                "NDA 保密协议", 1234, 3, 1)), nda.events());
        m.refused("Investor-07", new OpenDocument(report.sourceIndex()), RejectCode.NDA_NOT_ACCEPTED);
        EventDocument readNda = m.ok("Investor-07", new OpenDocument(nda.sourceIndex()));
        assertEquals(List.of(new DocumentOpened(nda.sourceIndex(), listing, "Investor-07", NDA_V1, "Holder-01")),
                readNda.events());

        m.refused("Investor-07", new AcceptNda(listing, 1, NDA_V2), RejectCode.NDA_NOT_CURRENT);
        m.refused("Investor-07", new AcceptNda(listing, 2, NDA_V1), RejectCode.NDA_NOT_CURRENT);
        assertEquals(List.of(new NdaAccepted(listing, "Investor-07", 1, NDA_V1, "Holder-01")),
                m.ok("Investor-07", new AcceptNda(listing, 1, NDA_V1)).events());
        m.refused("Investor-07", new AcceptNda(listing, 1, NDA_V1), RejectCode.NDA_ALREADY_ACCEPTED);
        assertEquals(List.of(new DocumentOpened(report.sourceIndex(), listing, "Investor-07", REPORT, "Holder-01")),
                m.ok("Investor-07", new OpenDocument(report.sourceIndex())).events());
        m.refused("Investor-08", new OpenDocument(report.sourceIndex()), RejectCode.NDA_NOT_ACCEPTED);

        register(NDA_V2, DocumentKind.NDA, "NDA v2");
        m.refused("Investor-07", new OpenDocument(report.sourceIndex()), RejectCode.NDA_NOT_ACCEPTED);
        m.ok("Investor-07", new AcceptNda(listing, 2, NDA_V2));
        m.ok("Investor-07", new OpenDocument(report.sourceIndex()));
    }

    @Test
    void aDirectedRoomAdmitsOnlyTheNamedInvestors() {
        register(NDA_V1, DocumentKind.NDA, "NDA");
        long report = register(REPORT, DocumentKind.APPRAISAL_REPORT, "Appraisal").sourceIndex();
        assertEquals(List.of(new DisclosureDirected(listing, "Holder-01", List.of("Investor-08"))),
                m.ok("Holder-01", new DirectDisclosure(listing, List.of("Investor-08"))).events());
        m.refused("Investor-07", new AcceptNda(listing, 1, NDA_V1), RejectCode.NOT_DIRECTED);
        m.refused("Investor-07", new OpenDocument(report), RejectCode.NOT_DIRECTED);
        m.ok("Investor-08", new AcceptNda(listing, 1, NDA_V1));
        m.ok("Investor-08", new OpenDocument(report));

        m.ok("Holder-01", new DirectDisclosure(listing, List.of()));
        m.ok("Investor-07", new AcceptNda(listing, 1, NDA_V1));
        m.ok("Investor-07", new OpenDocument(report));
    }

    @Test
    void theHolderStaffAndRegulatorsOpenWithoutAnNdaAndOthersNever() {
        long report = register(REPORT, DocumentKind.CAPITAL_ACCOUNT_STATEMENT, "Capital account").sourceIndex();
        for (String viewer : List.of("Holder-01", "Staff-01", "Regulator-01")) {
            assertEquals(List.of(new DocumentOpened(report, listing, viewer, REPORT, "Holder-01")),
                    m.ok(viewer, new OpenDocument(report)).events());
        }
        m.refused("Holder-02", new OpenDocument(report), RejectCode.UNKNOWN_DOCUMENT); // as an unknown one: it learns nothing of the room
        m.refused("Investor-07", new OpenDocument(999), RejectCode.UNKNOWN_DOCUMENT);
    }

    @Test
    void onlyTheHolderOfALiveListingOrOfferManagesItsRoomWithinItsLimits() {
        m.refused("Holder-02", new RegisterDocument(listing, REPORT, DocumentKind.OTHER, "x", 1, 1),
                RejectCode.NOT_DATA_ROOM_HOLDER);
        m.refused("Investor-07", new RegisterDocument(listing, REPORT, DocumentKind.OTHER, "x", 1, 1), RejectCode.WRONG_ROLE);
        m.refused("Holder-01", new RegisterDocument(424242, REPORT, DocumentKind.OTHER, "x", 1, 1),
                RejectCode.UNKNOWN_DATA_ROOM_SUBJECT);
        m.refused("Holder-01", new RegisterDocument(listing, "NOT-A-DIGEST", DocumentKind.OTHER, "x", 1, 1),
                RejectCode.INVALID_FIELD);
        m.refused("Holder-01", new RegisterDocument(listing, REPORT, DocumentKind.OTHER, "x",
                DataRoomRules.MAX_DOCUMENT_BYTES + 1, 1), RejectCode.DOCUMENT_TOO_LARGE);
        register(REPORT, DocumentKind.OTHER, "x");
        m.refused("Holder-01", new RegisterDocument(listing, REPORT, DocumentKind.OTHER, "again", 1, 1),
                RejectCode.DOCUMENT_ALREADY_IN_ROOM);
        for (int i = 1; i < DataRoomRules.MAX_ROOM_BYTES / DataRoomRules.MAX_DOCUMENT_BYTES; i++) {
            m.ok("Holder-01", new RegisterDocument(listing, digest(i), DocumentKind.OTHER, "part " + i,
                    DataRoomRules.MAX_DOCUMENT_BYTES, 1));
        }
        m.refused("Holder-01", new RegisterDocument(listing, digest(99), DocumentKind.OTHER, "one too many",
                DataRoomRules.MAX_DOCUMENT_BYTES, 1), RejectCode.DATA_ROOM_FULL);
        m.refused("Holder-01", new DirectDisclosure(listing, List.of("Holder-02")), RejectCode.INVALID_FIELD);
        m.refused("Holder-01", new DirectDisclosure(listing, List.of("Investor-07", "Investor-07")), RejectCode.INVALID_FIELD);

        m.ok("Holder-01", new WithdrawOffer(listing));
        m.refused("Holder-01", new RegisterDocument(listing, digest(98), DocumentKind.OTHER, "late", 1, 1),
                RejectCode.DATA_ROOM_SUBJECT_NOT_LIVE);
    }

    @Test
    void aListingHasADataRoomAsAnOfferDoes() {
        long negotiated = m.ok("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("5000.00"),
                Price.of("0.9000"), 0)).sourceIndex();
        assertEquals(1, m.ok("Holder-01", new RegisterDocument(negotiated, NDA_V1, DocumentKind.NDA, "NDA", 10, 1))
                .events().size());
    }

    @Test
    void anInvestorUsesARoomOnlyWhileItMaySeeTheListingOrOffer() {
        m.participant("Investor-09", Role.INVESTOR);
        m.approved(new SetQualification("Investor-09", QualificationStatus.NOT_QUALIFIED, null));
        long report = register(REPORT, DocumentKind.OTHER, "Report").sourceIndex();
        long nda = register(NDA_V1, DocumentKind.NDA, "NDA").sourceIndex();
        m.refused("Investor-09", new AcceptNda(listing, 1, NDA_V1), RejectCode.UNKNOWN_DATA_ROOM_SUBJECT);
        m.refused("Investor-09", new OpenDocument(nda), RejectCode.UNKNOWN_DOCUMENT);

        long negotiated = m.ok("Holder-01", new ListNegotiated(FUND, "Investor-07", Units.of("5000.00"),
                Price.of("0.9000"), 0)).sourceIndex();
        long listed = m.ok("Holder-01", new RegisterDocument(negotiated, NDA_V2, DocumentKind.NDA, "NDA", 10, 1))
                .sourceIndex();
        m.refused("Investor-07", new AcceptNda(negotiated, 1, NDA_V2), RejectCode.UNKNOWN_DATA_ROOM_SUBJECT);
        m.ok("Staff-02", new ApproveListing(negotiated));
        m.refused("Investor-08", new AcceptNda(negotiated, 1, NDA_V2), RejectCode.UNKNOWN_DATA_ROOM_SUBJECT);
        m.refused("Investor-08", new OpenDocument(listed), RejectCode.UNKNOWN_DOCUMENT);
        assertEquals(List.of(new NdaAccepted(negotiated, "Investor-07", 1, NDA_V2, "Holder-01")),
                m.ok("Investor-07", new AcceptNda(negotiated, 1, NDA_V2)).events());

        m.ok("Investor-07", new AcceptNda(listing, 1, NDA_V1));
        m.ok("Holder-01", new WithdrawOffer(listing));
        m.refused("Investor-07", new OpenDocument(report), RejectCode.UNKNOWN_DOCUMENT);
        assertEquals(List.of(new DocumentOpened(report, listing, "Holder-01", REPORT, "Holder-01")),
                m.ok("Holder-01", new OpenDocument(report)).events());
    }

    @Test
    void anOpenAuctionsRoomAdmitsOnlyQualifiedInvestorsAsTheListingReadsDo() {
        m.participant("Investor-09", Role.INVESTOR);
        m.approved(new SetQualification("Investor-09", QualificationStatus.NOT_QUALIFIED, null));
        long auction = m.ok("Holder-01", new ListAuction(FUND, ListingMechanism.ENGLISH, Units.of("1000.00"),
                Price.of("1.2000"), Price.of("1.4000"), Price.of("0.0500"), m.s.time, m.s.time + 3_600_000, null, null,
                false, null)).sourceIndex();
        m.ok("Staff-02", new ApproveListing(auction));
        long nda = m.ok("Holder-01", new RegisterDocument(auction, NDA_V2, DocumentKind.NDA, "NDA", 10, 1)).sourceIndex();
        m.refused("Investor-09", new AcceptNda(auction, 1, NDA_V2), RejectCode.UNKNOWN_DATA_ROOM_SUBJECT);
        m.refused("Investor-09", new OpenDocument(nda), RejectCode.UNKNOWN_DOCUMENT);
        assertEquals(List.of(new NdaAccepted(auction, "Investor-08", 1, NDA_V2, "Holder-01")),
                m.ok("Investor-08", new AcceptNda(auction, 1, NDA_V2)).events());
    }

    private static String digest(int i) {
        return String.format("%064x", i);
    }
}
