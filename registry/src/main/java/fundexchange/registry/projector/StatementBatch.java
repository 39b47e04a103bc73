package fundexchange.registry.projector;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.exception.DataAccessException;

/**
 * The statements of one projector transaction, sent as JDBC batches in a few round trips instead of one each.
 *
 * <p>Each statement names the rows it writes ({@code writes}, e.g. {@code "L:17"} for listing 17) and the rows its
 * foreign keys need ({@code needs}). {@link #flush()} sends them in rounds: a statement goes into the round after
 * the last one holding a different statement on a row it writes, or the insert of a row it needs, and never before
 * an earlier statement of the same SQL on such a row. Within a round no two statements share a row, so each SQL's
 * statements run as one batch, in journal order; the update counts of a batch are checked together.
 *
 * <p>Hot statements come as a {@link Template} and its bind values (no jOOQ query per event), cold ones as jOOQ
 * queries. A row inserted by this batch can take later changes into its pending insert ({@link #pendingInsert}) instead
 * of an update: PostgreSQL re-checks every foreign key of a row updated in the transaction that inserted it, so the
 * update would cost as much as the insert.
 */
final class StatementBatch {
    /** No update count to check (inserts; with {@code reWriteBatchedInserts} the driver reports none). */
    static final int ANY = -1;

    /** A statement: a jOOQ query (cold paths), or the bind values of a {@link Template} (hot ones). */
    private record Pending(Query query, Object[] binds, int expected, String what) {
        Object[] values() {
            return binds != null ? binds : query.getBindValues().toArray();
        }
    }

    private record Last(int round, String sql) {
    }

    private final DSLContext tx;
    private final List<Map<String, List<Pending>>> rounds = new ArrayList<>();
    private final Map<String, Last> lastWrite = new HashMap<>();
    private final Map<String, Integer> inserted = new HashMap<>();
    private final Map<String, Object[]> pendingInserts = new HashMap<>();

    StatementBatch(DSLContext tx) {
        this.tx = tx;
    }

    /** An insert creating the rows {@code writes}, after the inserts of the rows it {@code needs}. */
    void insert(Query query, List<String> writes, String... needs) {
        inserted(add(tx.render(query), new Pending(query, null, ANY, null), writes, needs), writes);
    }

    /** The insert of {@code template} with {@code binds}, creating the rows {@code writes}, after those it needs. */
    void insert(Template template, Object[] binds, List<String> writes, String... needs) {
        inserted(add(template.sql(), new Pending(null, binds, ANY, null), writes, needs), writes);
    }

    private void inserted(int round, List<String> writes) {
        for (String key : writes) {
            inserted.putIfAbsent(key, round);
        }
    }

    /**
     * An insert of the row {@code key} whose columns later events of this batch may still set through
     * {@link #pendingInsert}, by writing into {@code binds} at the template's positions.
     */
    void insertRow(Template template, Object[] binds, String key, String... needs) {
        insert(template, binds, List.of(key), needs);
        pendingInserts.put(key, binds);
    }

    /** The bind values of the not yet sent insert of the row {@code key} by {@link #insertRow}, to set columns in. */
    Optional<Object[]> pendingInsert(String key) {
        return Optional.ofNullable(pendingInserts.get(key));
    }

    /**
     * An insert of rows from a query ({@code INSERT ... SELECT}), which must insert {@code expected} rows, or
     * {@link #ANY}: creating the rows {@code writes}, after the inserts of those it {@code needs}, so that a later
     * statement needing one of them comes after it.
     */
    void insertRows(Query query, int expected, String what, List<String> writes, String... needs) {
        inserted(add(tx.render(query), new Pending(query, null, expected, what), writes, needs), writes);
    }

    /** A statement that must change exactly one row. */
    void one(Query query, String what, String writes) {
        add(tx.render(query), new Pending(query, null, 1, what), List.of(writes));
    }

    /** The statement of {@code template} with {@code binds}, which must change exactly one row. */
    void one(Template template, Object[] binds, String what, String writes) {
        add(template.sql(), new Pending(null, binds, 1, what), List.of(writes));
    }

    /** A statement that must change {@code expected} rows, or {@link #ANY} number. */
    void rows(Query query, int expected, String what, List<String> writes, String... needs) {
        add(tx.render(query), new Pending(query, null, expected, what), writes, needs);
    }

    /** The statement of {@code template} with {@code binds}, which must change {@code expected} rows, or {@link #ANY}. */
    void rows(Template template, Object[] binds, int expected, String what, List<String> writes, String... needs) {
        add(template.sql(), new Pending(null, binds, expected, what), writes, needs);
    }

    private int add(String sql, Pending statement, List<String> writes, String... needs) {
        for (String key : writes) {
            if (statement.expected() != ANY) {
                pendingInserts.remove(key); // changed by an update from now on: later changes must follow it
            }
        }
        int round = 0;
        for (String key : writes) {
            Last last = lastWrite.get(key);
            if (last != null) {
                round = Math.max(round, last.sql().equals(sql) ? last.round() : last.round() + 1);
            }
        }
        for (String key : needs) {
            Integer created = inserted.get(key);
            if (created != null) {
                round = Math.max(round, created + 1);
            }
        }
        while (rounds.size() <= round) {
            rounds.add(new LinkedHashMap<>());
        }
        rounds.get(round).computeIfAbsent(sql, s -> new ArrayList<>()).add(statement);
        for (String key : writes) {
            lastWrite.put(key, new Last(round, sql));
        }
        return round;
    }

    /** Sends everything queued, round by round, and checks the update counts; the batch is empty afterwards. */
    void flush() {
        for (Map<String, List<Pending>> round : rounds) {
            round.forEach((sql, statements) -> check(statements, execute(sql, statements)));
        }
        rounds.clear();
        lastWrite.clear();
        inserted.clear();
        pendingInserts.clear();
    }

    /** One JDBC batch of statements of the same SQL, bound with each one's values; returns their update counts. */
    private int[] execute(String sql, List<Pending> statements) {
        return tx.connectionResult(connection -> {
            try (PreparedStatement prepared = connection.prepareStatement(sql)) {
                for (Pending statement : statements) {
                    Object[] values = statement.values();
                    for (int i = 0; i < values.length; i++) {
                        prepared.setObject(i + 1, values[i]);
                    }
                    prepared.addBatch();
                }
                return prepared.executeBatch();
            } catch (SQLException e) {
                throw new DataAccessException(e.getMessage(), e);
            }
        });
    }

    private static void check(List<Pending> statements, int[] counts) {
        for (int i = 0; i < statements.size(); i++) {
            Pending statement = statements.get(i);
            if (statement.expected() != ANY && counts[i] != statement.expected()) {
                throw new IllegalStateException(statement.expected() == 1 ? "no " + statement.what() + " in the registry"
                        : "only " + counts[i] + " of the " + statement.what() + " in the registry");
            }
        }
    }
}
