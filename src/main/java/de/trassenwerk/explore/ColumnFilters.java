package de.trassenwerk.explore;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.LayerSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a user types above a table column into an {@link AttributeFilter}. The same small
 * language for every column:
 * <ul>
 * <li>{@code null} (or {@code leer}) and {@code !null} (or {@code nicht leer}): empty or not;</li>
 * <li>{@code =v}, {@code !=v} (or {@code <>v}), {@code <v}, {@code <=v}, {@code >v}, {@code >=v}:
 * comparisons (dates as {@code 2025-03-01}, decimals with point or comma);</li>
 * <li>{@code a..b}: from a to b, both included;</li>
 * <li>a plain value: equal for numbers and yes/no columns, contains for text (case-insensitive),
 * starts with for dates ({@code 2025-03} is March 2025).</li>
 * </ul>
 * The free-text search of a table looks for a text in every text and date column at once (and, when
 * it is a number, for that number in the number columns and the fid). Stateless.
 */
public final class ColumnFilters {
    private static final Pattern COMPARISON = Pattern.compile("(<=|>=|!=|<>|=|<|>)\\s*(.*)");
    private static final Pattern RANGE = Pattern.compile("(.+?)\\s*\\.\\.\\s*(.+)");

    private ColumnFilters() {
    }

    /** The field info of a layer's id column, so that the fid can be filtered like any number column. */
    public static FieldInfo fidField() {
        return new FieldInfo(LayerSchema.FID, FieldType.INTEGER, false);
    }

    /** The filter for {@code text} typed over {@code field}; {@link AttributeFilter#ALL} when blank. */
    public static AttributeFilter parse(FieldInfo field, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return AttributeFilter.ALL;
        }
        String name = field.name();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("null") || lower.equals("leer")) {
            return new AttributeFilter.IsNull(name);
        }
        if (lower.equals("!null") || lower.equals("not null") || lower.equals("nicht leer")) {
            return new AttributeFilter.Not(new AttributeFilter.IsNull(name));
        }
        if (field.type() == FieldType.BLOB) {
            throw new FilterSyntaxException(name, t);
        }
        Matcher c = COMPARISON.matcher(t);
        if (c.matches() && !c.group(2).isBlank()) {
            Object v = value(field, c.group(2).strip(), t);
            return switch (c.group(1)) {
                case "=" -> field.type() == FieldType.TEXT ? new AttributeFilter.Like(name, c.group(2).strip())
                        : AttributeFilter.eq(name, v);
                case "!=", "<>" -> AttributeFilter.compare(name, AttributeFilter.Op.NE, v);
                case "<" -> AttributeFilter.compare(name, AttributeFilter.Op.LT, v);
                case "<=" -> AttributeFilter.compare(name, AttributeFilter.Op.LE, v);
                case ">" -> AttributeFilter.compare(name, AttributeFilter.Op.GT, v);
                default -> AttributeFilter.compare(name, AttributeFilter.Op.GE, v);
            };
        }
        Matcher r = RANGE.matcher(t);
        if (r.matches()) {
            return new AttributeFilter.Between(name, value(field, r.group(1), t), value(field, r.group(2), t));
        }
        return switch (field.type()) {
            case TEXT -> TextPatterns.contains(name, t);
            case DATE, DATETIME -> TextPatterns.startsWith(name, t);
            default -> AttributeFilter.eq(name, value(field, t, t));
        };
    }

    /** All filters together (blank ones left out). */
    public static AttributeFilter all(List<AttributeFilter> filters) {
        List<AttributeFilter> parts = new ArrayList<>();
        for (AttributeFilter f : filters) {
            if (!(f instanceof AttributeFilter.All)) {
                parts.add(f);
            }
        }
        return parts.isEmpty() ? AttributeFilter.ALL
                : parts.size() == 1 ? parts.get(0) : new AttributeFilter.And(parts);
    }

    /** Rows where any text or date column contains {@code text} or a number column (or the fid) equals it. */
    public static AttributeFilter freeText(LayerSchema schema, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return AttributeFilter.ALL;
        }
        List<AttributeFilter> any = new ArrayList<>();
        Double number = number(t);
        if (number != null && number == Math.rint(number)) {
            any.add(AttributeFilter.eq(LayerSchema.FID, number.longValue()));
        }
        for (FieldInfo f : schema.fields()) {
            switch (f.type()) {
                case TEXT, DATE, DATETIME -> any.add(TextPatterns.contains(f.name(), t));
                case INTEGER, REAL -> {
                    if (number != null) {
                        any.add(AttributeFilter.eq(f.name(), number));
                    }
                }
                default -> {
                    // yes/no and binary columns are not searched as text
                }
            }
        }
        return new AttributeFilter.Or(any);
    }

    private static Object value(FieldInfo field, String v, String whole) {
        switch (field.type()) {
            case INTEGER, REAL -> {
                Double n = number(v);
                if (n == null) {
                    throw new FilterSyntaxException(field.name(), whole);
                }
                return field.type() == FieldType.INTEGER && n == Math.rint(n) && Math.abs(n) < 1e15
                        ? (Object) n.longValue() : n;
            }
            case BOOLEAN -> {
                return switch (v.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "ja", "wahr", "1" -> Boolean.TRUE;
                    case "false", "no", "nein", "falsch", "0" -> Boolean.FALSE;
                    default -> throw new FilterSyntaxException(field.name(), whole);
                };
            }
            default -> {
                return v;
            }
        }
    }

    /** A number typed with a decimal point or comma; null when it is none. */
    static Double number(String s) {
        String t = s.strip().replace('\u2212', '-');
        if (t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
            t = t.replace(',', '.');
        }
        if (!t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(t);
    }
}
