package fundexchange.ops.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.client.SealedBidBody;
import fundexchange.engine.Engine;
import fundexchange.engine.EngineSnapshot;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.listing.SealedCommitment;
import fundexchange.protocol.money.FixedWidthPrice;
import fundexchange.protocol.money.Price;
import fundexchange.protocol.ChainHash;
import fundexchange.protocol.CommandRecord;
import fundexchange.protocol.EventDocument;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.SignedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Plays the attacker of CONTRACTS.md 12 on one open sealed bid: it knows every published value (the audit records'
 * digests, the bundle with every other command and the redacted event document, the state hash, the snapshot
 * digest) and, stronger than any real reader, the withheld command record minus its price, nonce and body. For each
 * price on a grid and each nonce it can guess, it rebuilds what the exchange would have published and keeps the
 * prices whose rebuild matches a published value, one list per published value ("oracle").
 */
final class SealedBidAttacker {
    /**
     * What the exchange published while the auction was open.
     *
     * @param known          the command records 1..{@code stateIndex} as the bundle carries them, null where withheld
     * @param redactedEvent  the bid's event document as the bundle shows it
     * @param snapshotDigest SHA-256 of the snapshot taken at {@code stateIndex}, as written
     */
    record Published(long bidIndex, String commandDigest, String eventDigest, JsonNode redactedEvent, String commitment,
                     long stateIndex, String stateHash, String snapshotDigest, List<CommandRecord> known) {
    }

    private final Published published;
    private final CommandRecord template;
    private final EngineSnapshot before;

    /**
     * @param withheld the bid's command record; only what does not depend on the price is kept
     */
    SealedBidAttacker(Published published, CommandRecord withheld) {
        this.published = published;
        SignedRequest r = withheld.request();
        this.template = new CommandRecord(withheld.version(), withheld.index(), withheld.time(),
                new SignedRequest(r.participant(), r.keyId(), r.algorithm(), r.signature(), r.signedTimestamp(),
                        r.clientRequestId(), r.method(), r.path(), r.query(), null, null, r.scheme()),
                new PlaceSealedBid(((PlaceSealedBid) withheld.command()).listingId(), null, null));
        Engine engine = new Engine();
        for (long index = 1; index < published.bidIndex(); index++) {
            engine.apply(required(index));
        }
        this.before = engine.snapshot();
    }

    /**
     * The prices each oracle could not tell from the truth. A nonce guess that is empty plays the attack on the
     * format from before nonces: the price alone, canonical, in the body and the documents.
     */
    Map<String, List<String>> attack(List<Price> digestGrid, List<Price> replayGrid, List<Optional<String>> nonces) {
        Map<String, TreeSet<String>> found = new LinkedHashMap<>();
        for (String oracle : List.of("commitment", "eventDigest", "commandDigest", "stateHash", "snapshotDigest")) {
            found.put(oracle, new TreeSet<>());
        }
        for (Optional<String> nonce : nonces) {
            for (Price price : digestGrid) {
                if (nonce.isPresent() && SealedCommitment.of(nonce.get(), price).equals(published.commitment())) {
                    found.get("commitment").add(price.toString());
                }
                if (sha(JournalCodec.write(eventDocument(price, nonce))).equals(published.eventDigest())) {
                    found.get("eventDigest").add(price.toString());
                }
                if (sha(JournalCodec.write(command(price, nonce))).equals(published.commandDigest())) {
                    found.get("commandDigest").add(price.toString());
                }
            }
            for (Price price : replayGrid) {
                Engine engine = Engine.restore(before);
                engine.apply(command(price, nonce));
                for (long index = published.bidIndex() + 1; index <= published.stateIndex(); index++) {
                    engine.apply(required(index));
                }
                if (engine.stateHash().equals(published.stateHash())) {
                    found.get("stateHash").add(price.toString());
                }
                if (sha(JournalCodec.write(engine.snapshot())).equals(published.snapshotDigest())) {
                    found.get("snapshotDigest").add(price.toString());
                }
            }
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        found.forEach((oracle, prices) -> result.put(oracle, List.copyOf(prices)));
        return result;
    }

    /** Every price from {@code from} to {@code to} at the price scale (step 0.0001). */
    static List<Price> grid(String from, String to) {
        List<Price> prices = new ArrayList<>();
        for (long raw = Price.of(from).raw(); raw <= Price.of(to).raw(); raw++) {
            prices.add(new Price(raw));
        }
        return prices;
    }

    private CommandRecord required(long index) {
        CommandRecord record = published.known().get((int) index - 1);
        if (record == null) {
            throw new IllegalStateException("index " + index + " is withheld: the attack needs every other command");
        }
        return record;
    }

    private CommandRecord command(Price price, Optional<String> nonce) {
        String body = nonce.map(n -> new SealedBidBody(price.toString(), n).json())
                .orElse("{\"price\":\"" + price + "\"}");
        SignedRequest r = template.request();
        return new CommandRecord(template.version(), template.index(), template.time(),
                new SignedRequest(r.participant(), r.keyId(), r.algorithm(), r.signature(), r.signedTimestamp(),
                        r.clientRequestId(), r.method(), r.path(), r.query(), sha(body.getBytes(StandardCharsets.UTF_8)), body,
                        r.scheme()),
                new PlaceSealedBid(((PlaceSealedBid) template.command()).listingId(), price, nonce.orElse(null)));
    }

    private EventDocument eventDocument(Price price, Optional<String> nonce) {
        JsonNode tree = published.redactedEvent().deepCopy();
        for (JsonNode event : tree.path("events")) {
            if ("SealedBidPlaced".equals(event.path("type").asText())) {
                ObjectNode bid = (ObjectNode) event;
                bid.put("price", nonce.isPresent() ? FixedWidthPrice.format(price) : price.toString());
                nonce.ifPresent(n -> bid.put("nonce", n));
            }
        }
        try {
            return JournalCodec.mapper().treeToValue(tree, EventDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha(byte[] bytes) {
        return ChainHash.hex(ChainHash.digest(bytes));
    }
}
