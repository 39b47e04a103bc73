package fundexchange.gateway.http;

import fundexchange.registry.read.MarketReads;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The public market-data answers of the current snapshot, serialised once: a 200 or 304 for a query already answered
 * costs a map lookup, not a serialisation and a hash. Keyed by the request's canonical query (the read and its
 * validated parameters); emptied when a later snapshot (a higher {@link MarketReads.Snapshot#generation()}) is
 * answered; at most {@link #MAX_ANSWERS} answers are kept a snapshot (beyond, an answer is built each time: the keys
 * come from the public's queries).
 */
final class PublicAnswers {
    static final int MAX_ANSWERS = 4_096;
    private volatile Answers current;

    /** A serialised body and its strong entity tag. */
    record Answer(byte[] body, String etag) {
    }

    private record Answers(MarketReads.Snapshot snapshot, Map<String, Answer> byQuery) {
    }

    /** The answer of {@code snapshot} to {@code query}, building it with {@code body} only the first time. */
    Answer answer(MarketReads.Snapshot snapshot, String query, Supplier<Map<String, Object>> body) {
        Answers answers = answers(snapshot);
        Answer answer = answers == null ? null : answers.byQuery().get(query);
        if (answer != null) {
            return answer;
        }
        byte[] bytes = MarketDataEndpoints.serialise(body.get());
        answer = new Answer(bytes, MarketDataEndpoints.etag(bytes));
        if (answers != null && answers.byQuery().size() < MAX_ANSWERS) {
            Answer first = answers.byQuery().putIfAbsent(query, answer);
            return first == null ? answer : first;
        }
        return answer;
    }

    /** Answers kept for the current snapshot. */
    int size() {
        Answers answers = current;
        return answers == null ? 0 : answers.byQuery().size();
    }

    /** The cache of {@code snapshot}, a fresh one if it is later than the current; null for an older snapshot. */
    private Answers answers(MarketReads.Snapshot snapshot) {
        Answers answers = current;
        if (answers != null && answers.snapshot() == snapshot) {
            return answers;
        }
        synchronized (this) {
            answers = current;
            if (answers == null || snapshot.generation() > answers.snapshot().generation()) {
                answers = new Answers(snapshot, new ConcurrentHashMap<>());
                current = answers;
            }
            return answers.snapshot() == snapshot ? answers : null;
        }
    }
}
