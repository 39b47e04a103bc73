package fundexchange.audit.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fundexchange.protocol.OutcomeStatus;
import fundexchange.protocol.command.AmendSealedBid;
import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.PlaceSealedBid;
import fundexchange.protocol.disclosure.Disclosure;
import fundexchange.protocol.disclosure.DisclosurePolicy;
import fundexchange.protocol.disclosure.Shown;
import fundexchange.protocol.disclosure.Viewer;
import fundexchange.journal.JournalCodec;
import fundexchange.protocol.wire.JournalBinary;
import fundexchange.journal.JournalDocuments;
import fundexchange.journal.SealedBidRecord;
import fundexchange.journal.chronicle.ChronicleJournal;
import fundexchange.journal.chronicle.Journals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps sealed bids sealed in everything read from the journals (CONTRACTS.md 12): the body of a
 * {@code PlaceSealedBid} or {@code AmendSealedBid} command, and the {@code price} and {@code nonce} of a
 * {@code SealedBidPlaced} event (its {@code commitment} stays),
 * until the event journal shows the bid's listing closed ({@code AuctionClosed}, {@code ListingExpired},
 * {@code ListingCancelled}, {@code ListingWithdrawn}, {@code ListingDeclined} or {@code TradeExecuted}) at or before
 * the export's last index. A sealed-bid command that was not ACCEPTED (REJECTED, or a DUPLICATE) stays withheld
 * for good: its nonce may be the one protecting an open bid, and its price was never in any book. What stays out is
 * {@link DisclosurePolicy}'s decision for {@link Viewer#EXPORT} ({@code sealedBid}, {@code sealedBidCommand}); this
 * class learns which listings closed and applies it to the documents as written. Which command records are sealed
 * bids is {@link SealedBidRecord}'s answer, from every part of the record, so a bid whose type id was changed into
 * another command's stays withheld. Used by audit bundles, by {@code exchange journal dump} in every mode and by the
 * verifier ({@link ShownSealedBids}); all then decide alike for the same range, whenever they are taken. Documents
 * of either encoding are read (a binary one as its JSON rendering, {@link JournalDocuments}).
 */
public final class SealedBidWithholding implements WithholdingPolicy {
    private static final ObjectMapper JSON = JournalCodec.mapper();
    private static final Set<String> CLOSING = Set.of("AuctionClosed", "ListingExpired", "ListingCancelled",
            "ListingWithdrawn", "ListingDeclined", "TradeExecuted");
    private static final String SEALED_BID_PLACED = "SealedBidPlaced";
    /** The event types {@link #learn} learns from. */
    private static final Set<String> LEARNT = Stream.concat(CLOSING.stream(), Stream.of(SEALED_BID_PLACED))
            .collect(Collectors.toUnmodifiableSet());
    /** The fields of a sealed bid that depend on its price; the policy says which an export leaves out. */
    private static final List<String> SECRET_FIELDS = List.of("price", "nonce");
    private final Map<Long, Long> listingOfBid = new HashMap<>();
    private final Set<Long> notAccepted = new HashSet<>();
    private final Set<Long> closed = new HashSet<>();
    /** The indexes whose event document holds a {@code SealedBidPlaced} of their own command (bid id = index). */
    private final Set<Long> ownBids = new HashSet<>();
    /** The first index whose event document did not decode ({@link #tolerating}); no sealed bid from there on opens. */
    private long doubtFrom = Long.MAX_VALUE;
    /** The last index whose event document was read (decoded or not); a sealed bid after it has no outcome yet. */
    private long learnt;

    private SealedBidWithholding() {
    }

    /**
     * Learns, from the event journal's documents 1..{@code toIndex}, which listings closed and where each sealed bid is;
     * fails ({@code event document N does not decode}) on the first document it cannot read.
     */
    public static SealedBidWithholding through(Journals journals, long toIndex) {
        return walk(journals, toIndex, SealedBidWithholding::learnOrFail);
    }

    /**
     * As {@link #through}, but an event document that this build's strict decoder refuses does not stop it; it fails
     * closed instead. From the first such document on, every sealed bid (command or {@code SealedBidPlaced}) is
     * treated as still sealed, whatever closed later, and a sealed-bid command at an unreadable index is treated as not
     * accepted (withheld for good). A close the unreadable document held is missed, which only keeps bids withheld.
     */
    public static SealedBidWithholding tolerating(Journals journals, long toIndex) {
        return walk(journals, toIndex, SealedBidWithholding::learnOrDoubt);
    }

    /**
     * A policy that has learnt nothing yet, to learn a bundle's event documents one by one ({@link #answered}): the
     * verifier's picture of what an honest export withholds.
     */
    static SealedBidWithholding learning() {
        return new SealedBidWithholding();
    }

    /** Learns the event document of {@code index}, the next index, as {@link #through} learns it. */
    void answered(long index, byte[] eventDocument) {
        learnOrFail(index, eventDocument);
        learnt = index;
    }

    /** Moves past event document {@code index} without learning from it: a redacted one, which no digest covers. */
    void unread(long index) {
        learnt = index;
    }

    /**
     * Whether the sealed bid {@code bid} at {@code index} was answered but not accepted, and the listing of every one of
     * its readings had closed by the last index learnt: what builds before rejected bids were withheld for good showed.
     */
    boolean refusedAfterClose(long index, SealedBidRecord bid) {
        return index <= learnt && notAccepted.contains(index) && !bid.readings().isEmpty()
                && bid.readings().stream().allMatch(this::listingClosed);
    }

    /** Whether the listing of a sealed-bid reading had closed by the last index learnt (an amendment's, by its bid). */
    private boolean listingClosed(Command reading) {
        if (reading instanceof PlaceSealedBid place) {
            return closed(place.listingId());
        }
        Long listingId = reading instanceof AmendSealedBid amend ? listingOfBid.get(amend.bidId()) : null;
        return listingId != null && closed(listingId);
    }

    /** One step of a walk: what a policy learns from event document {@code index}. */
    private interface Step {
        void learn(SealedBidWithholding policy, long index, byte[] document);
    }

    /** A new policy that learns, by {@code step}, the event journal's documents 1..{@code toIndex} in order. */
    private static SealedBidWithholding walk(Journals journals, long toIndex, Step step) {
        SealedBidWithholding policy = new SealedBidWithholding();
        try (ChronicleJournal.Reader events = journals.events().reader()) {
            for (long index = 1; index <= toIndex; index++) {
                Optional<byte[]> next = events.next();
                if (next.isEmpty()) {
                    break;
                }
                step.learn(policy, index, next.get());
                policy.learnt = index;
            }
        }
        return policy;
    }

    /** {@link #through}'s step: a document that does not decode fails the walk. */
    private void learnOrFail(long index, byte[] document) {
        try {
            learn(index, document);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("event document " + index + " does not decode", e.getCause());
        }
    }

    /** {@link #tolerating}'s step: a document the strict decoder refuses puts every later sealed bid in doubt. */
    private void learnOrDoubt(long index, byte[] document) {
        try {
            if (JournalDocuments.isBinary(document)) {
                JournalBinary.check(document);
            } else {
                JournalCodec.readEvents(document);
            }
            learn(index, document);
        } catch (RuntimeException e) {
            notAccepted.add(index);
            doubtFrom = Math.min(doubtFrom, index);
        }
    }

    /** Whether sealed bids at {@code index} stay sealed whatever closed: an earlier event document did not decode. */
    public boolean inDoubt(long index) {
        return index >= doubtFrom;
    }

    /** Learns the event document of {@code index}, in journal order. */
    void learn(long index, byte[] eventDocument) {
        if (!mayTeach(eventDocument)) {
            return;
        }
        JsonNode document = tree(eventDocument);
        if (!"ACCEPTED".equals(document.path("outcome").path("status").asText("ACCEPTED"))) {
            notAccepted.add(index);
        }
        for (JsonNode event : document.path("events")) {
            String type = event.path("type").asText("");
            long listingId = event.path("listingId").asLong(0);
            if (SEALED_BID_PLACED.equals(type)) {
                long bidId = event.path("bidId").asLong();
                listingOfBid.put(bidId, listingId);
                if (bidId == index) {
                    ownBids.add(index);
                }
            } else if (CLOSING.contains(type)) {
                closed.add(listingId);
            }
        }
    }

    /**
     * A cheap filter before decoding: most documents name no listing and were accepted. A JSON document is searched
     * for names; a binary one is walked by event type id and its status byte read.
     */
    private static boolean mayTeach(byte[] eventDocument) {
        if (JournalDocuments.isBinary(eventDocument)) {
            return decoding(() -> JournalDocuments.outcomeStatus(eventDocument) != OutcomeStatus.ACCEPTED
                    || JournalDocuments.mentionsEventType(eventDocument, LEARNT));
        }
        return contains(eventDocument, "\"listingId\"")
                || contains(eventDocument, "\"REJECTED\"") || contains(eventDocument, "\"DUPLICATE\"");
    }

    /** Whether a listing had closed by the last index learnt. */
    public boolean closed(long listingId) {
        return closed.contains(listingId);
    }

    /**
     * Whether the command record {@code commandDocument} at {@code index} is withheld. What is a sealed bid is decided
     * by {@link SealedBidRecord}, on the record decoded as the engine reads it (a binary one by this build's strict
     * decoder) and on every other part of it that can say so (its signed request's endpoint and body, a JSON command's
     * {@code nonce}), never on its type id or type name alone: a sealed bid whose type id was changed into that of a
     * command whose layout its fields fit still reads as one. A record that does not decode (damaged, or of a type id
     * this build does not know) fails as one that does not decode rather than pass as no sealed bid. A sealed bid is
     * withheld when any of its readings is ({@link #withhold(long, Command)}), and for good when it has none.
     *
     * @throws UncheckedIOException when it is withheld, was accepted, and its event document holds no
     *                              {@code SealedBidPlaced} of its own (the engine writes one for every accepted sealed
     *                              bid, so one changed into another event type may carry the price): that document
     *                              cannot be redacted, and neither is shown
     */
    @Override
    public boolean withhold(long index, byte[] commandDocument) {
        return decoding(() -> SealedBidRecord.of(commandDocument)).map(bid -> withhold(index, bid)).orElse(false);
    }

    /**
     * As {@link #withhold(long, byte[])} for a command whose event document does not decode: its outcome is unknown,
     * so a sealed bid stays withheld whatever closed.
     */
    public boolean withholdUnanswered(long index, byte[] commandDocument) {
        return decoding(() -> SealedBidRecord.of(commandDocument)).isPresent();
    }

    /** As {@link #withhold(long, byte[])}, for a record already read. */
    boolean withhold(long index, SealedBidRecord bid) {
        boolean withheld = bid.readings().isEmpty() || bid.readings().stream().anyMatch(command -> withhold(index, command));
        if (withheld && accepted(index) && !inDoubt(index) && !ownBids.contains(index)) {
            throw new UncheckedIOException("event document " + index + " holds no sealed bid of its accepted sealed-bid"
                    + " command; neither is shown / 事件文档 " + index + " 中没有其已接受的密封出价指令本身的出价，两者均不显示",
                    new IOException("no SealedBidPlaced with bidId " + index));
        }
        return withheld;
    }

    /** Whether the command of {@code index} has an event document learnt, which says it was accepted. */
    private boolean accepted(long index) {
        return index <= learnt && !notAccepted.contains(index);
    }

    /**
     * Whether one reading of a sealed bid at {@code index} is withheld: a {@code PlaceSealedBid} or
     * {@code AmendSealedBid} that was not accepted, whose event document was not read (none is written yet: a live
     * node may be between its two appends; it is treated as one that was not accepted), whose listing has not closed,
     * or that is {@linkplain #inDoubt in doubt}. Decided on the value, not on the bytes, so no spelling of a document
     * hides a sealed bid from it; any other command is not.
     */
    private boolean withhold(long index, Command command) {
        boolean accepted = accepted(index);
        return switch (command) {
            case PlaceSealedBid bid -> hidden(DisclosurePolicy.sealedBidCommand(accepted,
                    !inDoubt(index) && closed(bid.listingId())));
            case AmendSealedBid amend -> {
                Long listingId = listingOfBid.get(amend.bidId());
                yield hidden(DisclosurePolicy.sealedBidCommand(accepted,
                        !inDoubt(index) && listingId != null && closed(listingId)));
            }
            default -> false;
        };
    }

    /**
     * As {@link #redactedTree(byte[])} for the event document of {@code index}, without the cheap search for the
     * type name first (the caller has decoded the document and found a {@code SealedBidPlaced} in it); a bid
     * {@linkplain #inDoubt in doubt} loses its price and nonce whatever closed.
     */
    public Optional<JsonNode> redactedTree(long index, byte[] eventDocument) {
        return redacted(eventDocument, inDoubt(index));
    }

    /**
     * The document without the price and nonce of every {@code SealedBidPlaced} whose listing has not closed; its
     * {@code commitment} stays. The redaction's length does not depend on the price. It is JSON whatever the
     * document's encoding (a binary document is redacted in its JSON rendering).
     */
    @Override
    public Optional<byte[]> redactEvent(long index, byte[] eventDocument) {
        return redactedTree(eventDocument).map(SealedBidWithholding::bytes);
    }

    /** As {@link #redactEvent}, as a JSON tree. */
    public Optional<JsonNode> redactedTree(byte[] eventDocument) {
        if (JournalDocuments.isBinary(eventDocument)
                ? !decoding(() -> JournalDocuments.mentionsEventType(eventDocument, SEALED_BID_PLACED))
                : !contains(eventDocument, SEALED_BID_PLACED)) {
            return Optional.empty();
        }
        return redacted(eventDocument, false);
    }

    private Optional<JsonNode> redacted(byte[] eventDocument, boolean stillSealed) {
        JsonNode document = tree(eventDocument);
        boolean redacted = false;
        for (JsonNode event : document.path("events")) {
            if (SEALED_BID_PLACED.equals(event.path("type").asText()) && event.has("price")) {
                Disclosure disclosure = DisclosurePolicy.sealedBid(Viewer.EXPORT, event.path("bidder").asText(""),
                        !stillSealed && closed(event.path("listingId").asLong(0)));
                List<String> hidden = SECRET_FIELDS.stream().filter(field -> hidden(disclosure.field(field))).toList();
                ((ObjectNode) event).remove(hidden);
                redacted |= !hidden.isEmpty();
            }
        }
        return redacted ? Optional.of(document) : Optional.empty();
    }

    private static boolean hidden(Shown shown) {
        return shown instanceof Shown.Hidden;
    }

    private static JsonNode tree(byte[] document) {
        return decoding(() -> JournalDocuments.tree(document));
    }

    /** {@code read}'s answer; any failure to read a document is "a journal document does not decode". */
    private static <T> T decoding(Supplier<T> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            throw new UncheckedIOException("a journal document does not decode", e instanceof UncheckedIOException u
                    ? u.getCause() : new IOException(e.getMessage(), e));
        }
    }

    private static byte[] bytes(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cheap filter before decoding a JSON document: most name no listing and no sealed bid. */
    private static boolean contains(byte[] document, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int start = 0; start <= document.length - needle.length; start++) {
            for (int i = 0; i < needle.length; i++) {
                if (document[start + i] != needle[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
