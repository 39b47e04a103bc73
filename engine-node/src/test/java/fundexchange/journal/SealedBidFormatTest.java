package fundexchange.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.client.SealedBidBody;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.Outcome;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.wire.EventDocumentWriter;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.protocol.wire.WireBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sealed-bid records grow by optional fields: documents from before nonces still read (CONTRACTS.md 16). Their length
 * does not tell the price, in JSON or in the binary encoding (CONTRACTS.md 12).
 */
class SealedBidFormatTest {
    private static final String NONCE = "7c".repeat(32);

    @Test
    void aSealedBidFromBeforeNoncesStillReadsWithoutNonceOrCommitment() {
        CommandRecord command = JournalCodec.readCommand(bytes("""
                {"version":1,"index":37,"time":1794880860000,"command":{"type":"PlaceSealedBid","listingId":35,"price":"0.9500"}}"""));
        assertEquals(new PlaceSealedBid(35, Price.of("0.9500"), null), command.command());
        EventDocument events = JournalCodec.readEvents(bytes("""
                {"clientRequestId":"a-13","events":[{"type":"SealedBidPlaced","bidId":37,"bidder":"Investor-07",\
                "listingId":35,"price":"0.9500","pseudonym":1}],"outcome":{"code":0,"duplicateOf":0,"status":"ACCEPTED"},\
                "participant":"Investor-07","sourceIndex":37,"time":1794880860000,"version":1}"""));
        assertEquals(List.of(new SealedBidPlaced(35, 37, "Investor-07", 1, Price.of("0.9500"), null, null)), events.events());
    }

    @Test
    void aSealedBidIsWrittenWithItsNonceCommitmentAndAFixedWidthPriceAndReadsBackEqual() {
        SealedBidPlaced bid = new SealedBidPlaced(35, 37, "Investor-07", 1, Price.of("0.9500"), NONCE,
                SealedCommitment.of(NONCE, Price.of("0.9500")));
        String written = new String(JournalCodec.write(bid), StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"SealedBidPlaced\",\"bidId\":37,\"bidder\":\"Investor-07\",\"commitment\":\""
                + SealedCommitment.of(NONCE, Price.of("0.9500")) + "\",\"listingId\":35,\"nonce\":\"" + NONCE
                + "\",\"price\":\"000000000000000.9500\",\"pseudonym\":1}", written);
        assertEquals(bid, JournalCodec.read(bytes(written), fundexchange.protocol.event.Event.class));
        PlaceSealedBid command = new PlaceSealedBid(35, Price.of("12.5000"), NONCE);
        assertEquals(command, JournalCodec.read(JournalCodec.write(command), fundexchange.protocol.command.Command.class));
    }

    @Test
    void theCommitmentIsShaTwoFiftySixOverTheTagTheNonceAndTheCanonicalPrice() throws Exception {
        byte[] message = ("FXSB1\n" + NONCE + "\n0.9500").getBytes(StandardCharsets.UTF_8);
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(message)),
                SealedCommitment.of(NONCE, Price.of("0.9500")));
    }

    @Test
    void binarySealedBidDocumentsHaveTheSameLengthWhateverThePrice() {
        String[] prices = {"0", "0.0001", "999999999.9999"};
        int[] commands = new int[prices.length];
        int[] documents = new int[prices.length];
        int[] streamed = new int[prices.length];
        for (int i = 0; i < prices.length; i++) {
            Price price = Price.of(prices[i]);
            // The body as the client writes it: padded with spaces to SealedBidBody.LENGTH bytes.
            String body = new SealedBidBody(prices[i], NONCE).json();
            assertEquals(SealedBidBody.LENGTH, body.length());
            SignedRequest request = new SignedRequest("Investor-07", "Investor-07-k1", "ED25519", "c2ln".repeat(22),
                    1_794_880_860_000L, "a-13", "POST", "/commands", "", "ab".repeat(32), body, "FXS2");
            commands[i] = JournalBinary.encode(CommandRecord.signed(37, 1_794_880_860_000L, request,
                    new PlaceSealedBid(35, price, NONCE))).length;
            String commitment = SealedCommitment.of(NONCE, price);
            EventDocument document = new EventDocument(EventDocument.VERSION, 37, 1_794_880_860_000L, "Investor-07", "a-13",
                    Outcome.ACCEPTED, List.of(new SealedBidPlaced(35, 37, "Investor-07", 1, price, NONCE, commitment)));
            documents[i] = JournalBinary.encode(document).length;
            WireBuffer buffer = new WireBuffer();
            new EventDocumentWriter().begin(buffer, 37, 1_794_880_860_000L, "Investor-07", "a-13")
                    .sealedBidPlaced(35, 37, "Investor-07", 1, price.raw(), NONCE, commitment)
                    .end(OutcomeStatus.ACCEPTED, 0, null, null, 0);
            streamed[i] = buffer.position();
        }
        for (int i = 1; i < prices.length; i++) {
            String at = prices[0] + " and " + prices[i];
            assertEquals(commands[0], commands[i], "PlaceSealedBid command records at " + at);
            assertEquals(documents[0], documents[i], "SealedBidPlaced documents at " + at);
            assertEquals(streamed[0], streamed[i], "streamed SealedBidPlaced documents at " + at);
        }
        assertEquals(documents[0], streamed[0], "the streaming writer's document");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
