package de.trassenwerk.store;

import java.util.List;

/**
 * A filter on attribute values, pushed down to the store as SQL with bound parameters (never
 * string-concatenated values). Field names are checked against the layer's schema.
 */
public sealed interface AttributeFilter {

    /** Comparison operators, as in OGC filter encoding. */
    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String sql;

        Op(String sql) {
            this.sql = sql;
        }
    }

    AttributeFilter ALL = new All();

    static AttributeFilter eq(String field, Object value) {
        return new Compare(field, Op.EQ, value);
    }

    static AttributeFilter compare(String field, Op op, Object value) {
        return new Compare(field, op, value);
    }

    static AttributeFilter and(AttributeFilter... parts) {
        return new And(List.of(parts));
    }

    static AttributeFilter or(AttributeFilter... parts) {
        return new Or(List.of(parts));
    }

    /** Appends the SQL condition to {@code sql} and its values to {@code params}. */
    void appendSql(LayerSchema schema, StringBuilder sql, List<Object> params);

    record All() implements AttributeFilter {
        @Override
        public void appendSql(LayerSchema schema, StringBuilder sql, List<Object> params) {
            sql.append("1=1");
        }
    }

    record Compare(String field, Op op, Object value) implements AttributeFilter {
        @Override
        public void appendSql(LayerSchema schema, StringBuilder sql, List<Object> params) {
            sql.append(column(schema, field)).append(' ').append(op.sql).append(" ?");
            params.add(SqlValues.toSql(value));
        }
    }

    /** SQL LIKE with {@code %} and {@code _} wildcards; case-insensitive for ASCII letters, as in SQLite. */
    record Like(String field, String pattern) implements AttributeFilter {
        @Override
        public void appendSql(LayerSchema schema, StringBuilder sql, List<Object> params) {
            sql.append(column(schema, field)).append(" LIKE ?");
            params.add(pattern);
        }
    }

    record IsNull(String field) implements AttributeFilter {
        @Override
        public void appendSql(LayerSchema schema, StringBuilder sql, List<Object> params) {
            sql.append(column(schema, field)).append(" IS NULL");
        }
    }

    record Between(String field, Object lower, Object upper) implements AttributeFilter {
        @Override
        public void appendSql(LayerSchema schema, StringBuilder sql, List<Object> params) {
            sql.append(column(schema, field)).append(" BETWEEN ? AND ?");
            params.add(SqlValues.toSql(lower));
            params.add(SqlValues.toSql(upper));
        }
    }

    record And(List<AttributeFilter> parts) implements AttributeFilter {
        @Override
        public void appendSql(LayerSchema schema, StringBuilder sql, List<Object> params) {
            join(schema, sql, params, parts, " AND ", "1=1");
        }
    }

    record Or(List<AttributeFilter> parts) implements AttributeFilter {
        @Override
        public void appendSql(LayerSchema schema, StringBuilder sql, List<Object> params) {
            join(schema, sql, params, parts, " OR ", "1=0");
        }
    }

    record Not(AttributeFilter inner) implements AttributeFilter {
        @Override
        public void appendSql(LayerSchema schema, StringBuilder sql, List<Object> params) {
            sql.append("NOT (");
            inner.appendSql(schema, sql, params);
            sql.append(')');
        }
    }

    private static void join(LayerSchema schema, StringBuilder sql, List<Object> params, List<AttributeFilter> parts,
            String operator, String empty) {
        if (parts.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            parts.get(i).appendSql(schema, sql, params);
        }
        sql.append(')');
    }

    private static String column(LayerSchema schema, String field) {
        if (field.equalsIgnoreCase(LayerSchema.FID)) {
            return SqlValues.quote(schema.idColumn());
        }
        FieldInfo f = schema.field(field).orElseThrow(() -> new StoreException("store.error.unknownField",
                null, field, schema.name()));
        return SqlValues.quote(f.name());
    }
}
