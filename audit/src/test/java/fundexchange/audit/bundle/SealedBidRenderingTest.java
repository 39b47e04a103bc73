package fundexchange.audit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.audit.report.JournalFixture;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.command.ApproveListing;
import fundexchange.protocol.command.ApproveParticipant;
import fundexchange.protocol.command.DepositUnits;
import fundexchange.protocol.command.ListAuction;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.RegisterFirstKey;
import fundexchange.protocol.command.RegisterFund;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.command.SetQualification;
import fundexchange.protocol.listing.ListingMechanism;
import fundexchange.protocol.money.Money;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.CustodyMode;
import fundexchange.protocol.reference.LegalForm;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.QualificationStatus;
import fundexchange.protocol.reference.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A sealed bid in a version-2 bundle (docs/audit.md, CONTRACTS.md 12, design R5): its withheld line carries no
 * {@code commandJson}; its redacted event document is JSON whatever the journal's encoding, and its {@code eventJson}
 * is that redaction, which the verifier's rendering check accepts; and no length in the line depends on the price.
 * Signatures here are placeholders, so this checks each line's renderings ({@link AuditBundleVerifier#checkRenderings}),
 * not the whole bundle: the whole verification of binary bundles is in ops ({@code BundleRenderingTest}).
 */
class SealedBidRenderingTest {
    private static final String NONCE = "a7".repeat(32);
    @TempDir
    Path data;

    /** A sealed auction with one open bid at {@code price}; answers the bid's index. */
    private static long auction(JournalFixture j, String price) {
        j.at("2026-11-16T02:00:00Z").genesis();
        j.by("Staff-01", new RegisterParticipant("Holder-01", "Holder", ParticipantType.INSTITUTION, List.of(Role.HOLDER)));
        j.approved(new ApproveParticipant("Holder-01"));
        j.approved(new RegisterFirstKey("Holder-01", "Holder-01-k1", "ED25519", JournalFixture.key("Holder-01-k1")));
        j.by("Staff-01", new RegisterParticipant("Investor-07", "Investor-07", ParticipantType.INSTITUTION, List.of(Role.INVESTOR)));
        j.approved(new ApproveParticipant("Investor-07"));
        j.approved(new RegisterFirstKey("Investor-07", "Investor-07-k1", "ED25519", JournalFixture.key("Investor-07-k1")));
        j.approved(new SetQualification("Investor-07", QualificationStatus.QUALIFIED, "2027-12-31"));
        j.by("Staff-01", new RegisterFund("DGF3", "Demo Growth Fund III", "Demo Capital Management", "GROWTH", 2019, "CNY",
                LegalForm.PARTNERSHIP, CustodyMode.FULL, null, Price.of("1.5000"), "2026-09-30", Units.of("100.00"), false));
        j.by("Staff-01", new DepositUnits("DGF3", "Holder-01", Units.of("1000000.00"), Money.of("1000000.00")));
        long listing = accepted(j.by("Holder-01", new ListAuction("DGF3", ListingMechanism.SEALED, Units.of("1000.00"),
                Price.of("0.0001"), null, null, j.time(), j.time() + 60_000, null, null, false, null))).sourceIndex();
        accepted(j.by("Staff-02", new ApproveListing(listing)));
        return accepted(j.by("Investor-07", new PlaceSealedBid(listing, Price.of(price), NONCE))).sourceIndex();
    }

    private static EventDocument accepted(EventDocument document) {
        assertEquals(OutcomeStatus.ACCEPTED, document.outcome().status(), document.toString());
        return document;
    }

    /** The exported bundle's lines (the header first), each line's renderings checked as the verifier checks them. */
    private List<String> export(JournalEncoding encoding, String price) throws Exception {
        Path directory = data.resolve(encoding + "-" + price);
        Path out = data.resolve(encoding + "-" + price + ".jsonl");
        long bid;
        try (JournalFixture journal = new JournalFixture(directory, encoding)) {
            bid = auction(journal, price);
            AuditBundleWriter.write(journal.journals(), bid, out);
        }
        List<String> lines = Files.readAllLines(out);
        assertEquals(bid + 1, lines.size());
        assertTrue(BundleHeader.parse(lines.getFirst()).rendered());
        for (int index = 1; index < lines.size(); index++) {
            AuditBundleVerifier.checkRenderings(index, BundleLine.parse(index, lines.get(index), 2));
        }
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JournalEncoding.class)
    void aRedactedSealedBidCarriesItsJsonRedactionAsItsRenderingAndNoCommandRendering(JournalEncoding encoding)
            throws Exception {
        List<String> lines = export(encoding, "1.2345");
        int bid = lines.size() - 1;
        BundleLine line = BundleLine.parse(bid, lines.get(bid), 2);
        assertTrue(line.withheld() && line.eventRedacted(), lines.get(bid));
        assertNull(line.commandJson(), "a withheld command shows no rendering");
        assertFalse(JournalDocuments.isBinary(line.event()), "a redaction is always JSON");
        assertEquals(AuditBundle.json().readTree(line.event()), line.eventJson());
        JsonNode placed = line.eventJson().path("events").path(0);
        assertEquals("SealedBidPlaced", placed.path("type").asText());
        assertTrue(placed.has("commitment"), placed.toString());
        assertFalse(placed.has("price") || placed.has("nonce"), placed.toString());
        assertFalse(lines.get(bid).contains("1.2345") || lines.get(bid).contains(NONCE), lines.get(bid));
        if (encoding == JournalEncoding.BINARY) {
            BundleLine listing = BundleLine.parse(bid - 1, lines.get(bid - 1), 2);
            assertTrue(JournalDocuments.isBinary(listing.command()) && JournalDocuments.isBinary(listing.event()),
                    "the other lines carry the binary bytes as written");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JournalEncoding.class)
    void theRedactedLineHasTheSameLengthForTwoPrices(JournalEncoding encoding) throws Exception {
        List<String> cheap = export(encoding, "0.0001");
        List<String> dear = export(encoding, "999999.9999");
        String cheapLine = cheap.getLast();
        String dearLine = dear.getLast();
        for (List<String> lines : List.of(cheap, dear)) {
            BundleLine line = BundleLine.parse(lines.size() - 1, lines.getLast(), 2);
            assertTrue(line.withheld() && line.eventRedacted(), "the line compared is the redacted bid: " + lines.getLast());
        }
        assertEquals(cheapLine.length(), dearLine.length(), cheapLine + "\n" + dearLine);
        assertEquals(BundleLine.parse(cheap.size() - 1, cheapLine, 2).event().length,
                BundleLine.parse(dear.size() - 1, dearLine, 2).event().length, "the redaction's length");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JournalEncoding.class)
    void aPriceAddedBackIntoARedactedRenderingFailsOnTheEvent(JournalEncoding encoding) throws Exception {
        List<String> lines = export(encoding, "1.2345");
        int bid = lines.size() - 1;
        ObjectNode text = (ObjectNode) AuditBundle.json().readTree(lines.get(bid));
        ((ObjectNode) text.path("eventJson").path("events").path(0)).put("price", "000000000000001.2345");
        BundleLine line = BundleLine.parse(bid, AuditBundle.compact(text), 2);
        BrokenBundle broken = assertThrows(BrokenBundle.class, () -> AuditBundleVerifier.checkRenderings(bid, line));
        assertEquals(Part.EVENT, broken.part(), broken.getMessage());
    }
}
