package fundexchange.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.event.SealedBidPlaced;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.Price;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sealed-bid records grow by optional fields: documents from before nonces still read (CONTRACTS.md 16). */
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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
