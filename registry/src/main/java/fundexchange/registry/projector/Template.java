package fundexchange.registry.projector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.UpdateSetMoreStep;
import org.jooq.UpdateSetStep;
import org.jooq.impl.DSL;

/**
 * The SQL of a hot statement, rendered once by jOOQ, whose bind values a call site writes by position into an
 * {@code Object[]} ({@link #binds}) for {@link StatementBatch}: no jOOQ query per event. The positions are those of
 * the fields as listed to {@link #insert} or {@link #update}: the set columns, then the key columns.
 */
record Template(String name, String sql, List<Field<?>> fields) {
    private static final DSLContext RENDER = DSL.using(SQLDialect.POSTGRES);

    /** {@code insert into table (fields) values (?, ...)}. */
    static Template insert(String name, Table<?> table, Field<?>... fields) {
        List<Field<?>> columns = List.of(fields);
        return of(name, RENDER.insertInto(table, columns).values(placeholders(columns)), columns);
    }

    /** {@code update table set set = ?, ... where key = ? and ...}. */
    static Template update(String name, Table<?> table, List<Field<?>> set, List<Field<?>> keys) {
        UpdateSetStep<?> update = RENDER.update(table);
        for (Field<?> field : set) {
            update = set(update, field);
        }
        List<Condition> where = keys.stream().map(Template::equal).toList();
        List<Field<?>> all = new ArrayList<>(set);
        all.addAll(keys);
        return of(name, ((UpdateSetMoreStep<?>) update).where(where), all);
    }

    /** The query {@code build} makes (with {@link #placeholder}s), whose bind values are one per field of {@code fields}. */
    static Template of(String name, Function<DSLContext, Query> build, List<Field<?>> fields) {
        return of(name, build.apply(RENDER), fields);
    }

    private static Template of(String name, Query query, List<Field<?>> fields) {
        if (query.getBindValues().size() != fields.size()) {
            throw new IllegalArgumentException("the template " + name + " binds " + query.getBindValues().size()
                    + " values, not " + fields.size());
        }
        return new Template(name, RENDER.render(query), List.copyOf(fields));
    }

    /** A typed bind value for {@code field}, to build the query of {@link #of}. */
    @SuppressWarnings("unchecked")
    static <T> Field<T> placeholder(Field<T> field) {
        return DSL.val((T) null, field);
    }

    /** The position of {@code field}'s bind value. */
    int position(Field<?> field) {
        int position = fields.indexOf(field);
        if (position < 0) {
            throw new IllegalArgumentException("the template " + name + " binds no " + field);
        }
        return position;
    }

    /** Checks that {@code values} holds one bind value per position. */
    Object[] binds(Object... values) {
        if (values.length != fields.size()) {
            throw new IllegalArgumentException("the template " + name + " takes " + fields.size() + " values, not "
                    + values.length + ": " + Arrays.toString(values));
        }
        return values;
    }

    private static List<Field<?>> placeholders(List<Field<?>> columns) {
        return columns.stream().<Field<?>>map(Template::placeholder).toList();
    }

    private static <T> UpdateSetMoreStep<?> set(UpdateSetStep<?> update, Field<T> field) {
        return update.set(field, placeholder(field));
    }

    private static <T> Condition equal(Field<T> key) {
        return key.eq(placeholder(key));
    }
}
