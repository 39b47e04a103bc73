package fundexchange.registry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.journal.JournalCodec;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.JournalEncoding;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.PostOffer;
import fundexchange.protocol.event.OrderAccepted;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireSchema;
import fundexchange.registry.schema.tables.records.AuditRecordsRecord;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An index's audit row is the same whether its documents were written in JSON or in binary, and never carries a sealed
 * bid's secret.
 */
class AuditRecordReaderTest {
    private static final long TIME = 1_795_000_000_000L;

    @Test
    void aBinaryIndexGivesTheSameRowAsItsJsonTwin() {
        PlaceOrder order = new PlaceOrder("DGF3", Side.BUY, Units.of("10.00"), Price.of("1.0000"));
        CommandRecord record = CommandRecord.signed(7, TIME, new SignedRequest("Investor-07", "Investor-07-k1", "ED25519",
                "c2ln", TIME - 5, "req-7", "POST", "/orders", "", "ab".repeat(32), new String(JournalCodec.write(order),
                java.nio.charset.StandardCharsets.UTF_8), "FXS2"), order);
        EventDocument document = new EventDocument(EventDocument.VERSION, 7, TIME, "Investor-07", "req-7", Outcome.ACCEPTED,
                List.of(new OrderAccepted(3, "DGF3", "Investor-07", Side.BUY, Units.of("10.00"), Price.of("1.0000"))));
        AuditRecordsRecord json = AuditRecordReader.read(7, JournalDocuments.encode(record, JournalEncoding.JSON),
                JournalDocuments.encode(document, JournalEncoding.JSON), "c", "e", "l");
        AuditRecordsRecord binary = AuditRecordReader.read(7, JournalDocuments.encode(record, JournalEncoding.BINARY),
                JournalDocuments.encode(document, JournalEncoding.BINARY), "c", "e", "l");
        assertEquals(List.of(7L, TIME, "Investor-07", "req-7", "PlaceOrder", "DGF3", "ACCEPTED", 0, "c", "e", "l"),
                json.intoList());
        assertEquals(json.intoList(), binary.intoList());
    }

    /**
     * A sealed bid whose binary type id was changed into {@code PostOffer}'s decodes as an offer whose fund code is the
     * bid's nonce; its row indexes no fund code (its signed request says it is a sealed bid), so the nonce stays out.
     */
    @Test
    void aSealedBidRetypedAsAnOfferIndexesNoFundCode() {
        String nonce = "9f".repeat(32);
        PlaceSealedBid bid = new PlaceSealedBid(5, Price.of("1.2345"), nonce);
        String body = "{\"nonce\":\"" + nonce + "\",\"price\":\"1.2345\"}";
        byte[] record = JournalBinary.encode(CommandRecord.signed(7, TIME, new SignedRequest("Investor-07",
                "Investor-07-k1", "ED25519", "c2ln", TIME - 5, "req-7", "POST", "/listings/5/sealed-bids", "",
                "ab".repeat(32), body, "FXS2"), bid));
        int postOffer = WireSchema.journal().typeOf(PostOffer.class).id();
        record[JournalBinary.OFFSET_COMMAND_TYPE] = (byte) postOffer;
        record[JournalBinary.OFFSET_COMMAND_TYPE + 1] = (byte) (postOffer >>> 8);
        assertEquals(nonce, ((PostOffer) JournalCodec.readCommand(record).command()).fundCode());
        byte[] rejected = JournalBinary.encode(new EventDocument(EventDocument.VERSION, 7, TIME, "Investor-07", "req-7",
                Outcome.rejected(4029, "SEALED_BID_NONCE_REUSED", "no"), List.of()));
        assertEquals(Arrays.asList(7L, TIME, "Investor-07", "req-7", "PostOffer", null, "REJECTED", 4029, "c", "e", "l"),
                AuditRecordReader.read(7, record, rejected, "c", "e", "l").intoList());
    }
}
