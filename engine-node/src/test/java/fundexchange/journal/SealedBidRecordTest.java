package fundexchange.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fundexchange.client.SealedBidBody;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.SignedRequest;
import fundexchange.protocol.book.Side;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceOrder;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.command.RegisterParticipant;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.money.Units;
import fundexchange.protocol.reference.ParticipantType;
import fundexchange.protocol.reference.Role;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which command records are sealed bids, by every part of the record that can say so, in either encoding, and which
 * sealed bids they stand for.
 */
class SealedBidRecordTest {
    private static final String NONCE = "3c".repeat(32);
    private static final PlaceSealedBid BID = new PlaceSealedBid(5, Price.of("1.2345"), NONCE);
    private static final PlaceOrder ORDER = new PlaceOrder("DGF3", Side.BUY, Units.of("10.00"), Price.of("1.0000"));
    private static final String BID_BODY = new SealedBidBody("1.2345", NONCE).json();

    private static CommandRecord signed(Command command, String path, String body) {
        return CommandRecord.signed(2, 1_795_000_000_000L, new SignedRequest("Investor-07", "Investor-07-k1", "ED25519",
                "c2ln", 1_795_000_000_000L, "req-2", "POST", path, "", "00", body, "FXS2"), command);
    }

    private static Optional<List<Command>> readings(CommandRecord record) {
        List<Optional<List<Command>>> both = List.of(JournalEncoding.JSON, JournalEncoding.BINARY).stream()
                .map(encoding -> SealedBidRecord.of(JournalDocuments.encode(record, encoding)).map(SealedBidRecord::readings))
                .toList();
        assertEquals(both.getFirst(), both.getLast(), "both encodings read alike");
        return both.getFirst();
    }

    @Test
    void anHonestSealedBidIsOneBidReadTwice() {
        assertEquals(Optional.of(List.of(BID)), readings(signed(BID, "/listings/5/sealed-bids", BID_BODY)));
        assertEquals(Optional.of(List.of(BID)), readings(CommandRecord.unsigned(2, 1, BID)));
    }

    @Test
    void anOrderIsNoSealedBidThoughAFreeTextValueSaysNonce() {
        assertEquals(Optional.empty(), readings(signed(ORDER, "/orders",
                new String(JournalCodec.write(ORDER), StandardCharsets.UTF_8))));
        RegisterParticipant named = new RegisterParticipant("Investor-09", "nonce", ParticipantType.INSTITUTION,
                List.of(Role.INVESTOR));
        assertEquals(Optional.empty(), readings(signed(named, "/participants", "{\"participantId\":\"Investor-09\","
                + "\"name\":\"nonce\",\"participantType\":\"INSTITUTION\",\"roles\":[\"INVESTOR\"]}")));
    }

    @Test
    void aCommandSignedAtASealedBidsEndpointIsTheBidItsRequestSays() {
        assertEquals(Optional.of(List.of(BID)), readings(signed(ORDER, "/listings/5/sealed-bids", BID_BODY)));
    }

    @Test
    void aCommandWhoseSignedBodyCarriesANonceIsASealedBidWithoutAReading() {
        assertEquals(Optional.of(List.of()), readings(signed(ORDER, "/orders", BID_BODY)));
        assertEquals(Optional.of(List.of()), readings(signed(ORDER, "/orders", "{\"nonce\":" + NONCE)),
                "a body that names a nonce and does not parse");
        assertEquals(Optional.of(List.of()), readings(signed(ORDER, "/orders", "{\"price\":\"1\"} \"nonce\"")),
                "trailing tokens do not parse");
    }

    @Test
    void aJsonCommandCarryingANonceIsASealedBidWithoutAReading() {
        String json = new String(JournalDocuments.encode(CommandRecord.unsigned(2, 1, ORDER), JournalEncoding.JSON),
                StandardCharsets.UTF_8).replace("\"type\":\"PlaceOrder\"", "\"type\":\"PlaceOrder\",\"nonce\":\"" + NONCE + "\"");
        assertEquals(Optional.of(List.of()), SealedBidRecord.of(json.getBytes(StandardCharsets.UTF_8))
                .map(SealedBidRecord::readings));
    }
}
