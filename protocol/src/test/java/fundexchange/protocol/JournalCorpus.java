package fundexchange.protocol;

import fundexchange.protocol.command.Command;
import fundexchange.protocol.command.Tick;
import fundexchange.protocol.event.Event;
import fundexchange.protocol.wire.WireSchema;
import fundexchange.protocol.wire.WireType;
import java.util.ArrayList;
import java.util.List;

/**
 * The round-trip corpus of journal documents: every command of the schema's reflective samples ({@link RecordSamples})
 * in a signed and an unsigned record and every event in a document, each component in turn absent or at one of
 * {@link #edges}'s values; a rejection holding every event sample and a duplicate; then a request body over 20 KB,
 * non-ASCII text, lone surrogates and a rejection with reason and message. Shared through the protocol's test jar:
 * {@code WireRoundTripTest} here, {@code BinaryRoundTripTest} and {@code ChronicleJournalBufferTest} in engine-node.
 */
public final class JournalCorpus {
    public static final SignedRequest REQUEST = new SignedRequest("Investor-07", "Investor-07-k1", "ED25519", "c2ln",
            1_795_000_000_000L, "req-1", "POST", "/orders", null, "ab".repeat(32), "{\"fundCode\":\"\u4e2d\"}", "FXS2");

    private JournalCorpus() {
    }

    /** Command records, then event documents. */
    public static List<Object> documents() throws ReflectiveOperationException {
        List<Object> documents = new ArrayList<>(commandRecords());
        documents.addAll(eventDocuments());
        return documents;
    }

    public static List<CommandRecord> commandRecords() throws ReflectiveOperationException {
        List<CommandRecord> records = new ArrayList<>();
        for (WireType type : types()) {
            if (Command.class.isAssignableFrom(type.type())) {
                for (Object value : RecordSamples.variants(RecordSamples.sample(type.type()), JournalCorpus::edges)) {
                    records.add(CommandRecord.signed(type.id(), 1_795_000_000_000L + type.id(), REQUEST, (Command) value));
                    records.add(CommandRecord.unsigned(Long.MAX_VALUE, Long.MIN_VALUE, (Command) value));
                }
            }
        }
        String large = "{\"note\":\"" + "Demo Growth Fund III \u4e2d\u6587 ".repeat(1_000) + "\"}";
        records.add(CommandRecord.signed(1, 2, new SignedRequest("Investor-07", "Investor-07-k1", "ED25519", "c2ln", 3,
                "req-large", "POST", "/orders", null, "cd".repeat(32), large, "FXS2"), new Tick()));
        records.add(CommandRecord.signed(4, 5, new SignedRequest("Investor-07 \u6295\u8d44\u8005", "k\ud800", "ED25519",
                "c2ln", 6, "lone-\udc00", "POST", "/orders", "q=\u00e9", "ef".repeat(32),
                "{\"a\":\"\ud83d\ude00 \ude00\ud83d \ud800\"}", "FXS2"), new Tick()));
        return records;
    }

    public static List<EventDocument> eventDocuments() throws ReflectiveOperationException {
        List<EventDocument> documents = new ArrayList<>();
        List<Event> samples = new ArrayList<>();
        for (WireType type : types()) {
            if (Event.class.isAssignableFrom(type.type())) {
                Object sample = RecordSamples.sample(type.type());
                samples.add((Event) sample);
                for (Object value : RecordSamples.variants(sample, JournalCorpus::edges)) {
                    documents.add(new EventDocument(EventDocument.VERSION, type.id(), 5, "Investor-07", "r-" + type.id(),
                            Outcome.ACCEPTED, List.of((Event) value)));
                }
            }
        }
        documents.add(new EventDocument(EventDocument.VERSION, 9, 5, null, null, Outcome.rejected(1001, "X", ""), samples));
        documents.add(new EventDocument(0, 0, 0, null, null, new Outcome(OutcomeStatus.DUPLICATE, -1, null, null, -2), List.of()));
        documents.add(new EventDocument(EventDocument.VERSION, 10, 11, "Investor-07 \u6295\u8d44\u8005", "lone-\ud800",
                Outcome.rejected(1002, "\u62d2\u7edd \udc00", "message \ud83d\ude00 \ude00\ud83d " + "\u4e2d".repeat(8_000)),
                List.of()));
        return documents;
    }

    private static List<WireType> types() {
        return WireSchema.journal().types().stream().filter(type -> type.id() > 0).toList();
    }

    /** The edge values of the corpus: zero and the extremes of primitives, absent and empty, non-ASCII and lone surrogates. */
    public static List<Object> edges(Class<?> type) {
        if (type == long.class) {
            return List.of(0L, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (type == int.class) {
            return List.of(0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (type == boolean.class) {
            return List.of(false);
        }
        List<Object> edges = new ArrayList<>();
        edges.add(null);
        if (type == Long.class) {
            edges.add(Long.MIN_VALUE);
        } else if (type == String.class) {
            edges.addAll(List.of("", "\u4e2d\u6587 \ud83d\ude00", "lone \ud800"));
        } else if (type == List.class) {
            edges.add(List.of());
        }
        return edges;
    }
}
