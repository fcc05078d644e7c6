package de.trassenwerk.io.mapping;

import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.LayerSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A {@link FieldMapping} checked against one source's fields and one target layer: every
 * {@code from} names a source field (case-insensitive), every {@code to} a target field. Turns
 * source attributes into target attributes of the right types; a value that cannot be converted
 * fails with a {@link ReadException} naming the row, the field and the value. Immutable,
 * thread-safe.
 */
public final class BoundMapping {
    private final List<Bound> rules = new ArrayList<>();
    private final List<String> unmapped = new ArrayList<>();

    private record Bound(FieldMapping.Rule rule, String from, List<FieldInfo> to) {
    }

    public BoundMapping(FieldMapping mapping, Collection<String> sourceFields, LayerSchema target) {
        Map<String, String> byLower = new LinkedHashMap<>();
        for (String f : sourceFields) {
            byLower.putIfAbsent(f.toLowerCase(Locale.ROOT), f);
        }
        TreeSet<String> used = new TreeSet<>();
        for (FieldMapping.Rule r : mapping.fields()) {
            String from = null;
            if (r.from() != null) {
                from = byLower.get(r.from().toLowerCase(Locale.ROOT));
                if (from == null) {
                    throw new MappingException("mapping.error.noSourceField", null, r.from(), String.join(", ", sourceFields));
                }
                used.add(from);
            }
            List<FieldInfo> to = new ArrayList<>();
            for (String t : r.to()) {
                to.add(target.field(t).orElseThrow(() -> new MappingException("mapping.error.noTargetField", null, t,
                        target.name())));
            }
            rules.add(new Bound(r, from, to));
        }
        for (String f : sourceFields) {
            if (!used.contains(f)) {
                unmapped.add(f);
            }
        }
    }

    /** The target fields the rules fill, in rule order. */
    public List<FieldInfo> targetFields() {
        List<FieldInfo> out = new ArrayList<>();
        for (Bound b : rules) {
            for (FieldInfo f : b.to) {
                if (!out.contains(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** Source fields no rule reads (not imported). */
    public List<String> unmappedSourceFields() {
        return List.copyOf(unmapped);
    }

    /** The target attributes for one feature's source attributes. */
    public Map<String, Object> apply(Map<String, Object> source, SourcePosition at) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Bound b : rules) {
            Object v = b.from == null ? null : source.get(b.from);
            FieldMapping.Rule r = b.rule;
            switch (r.convert()) {
                case GERMAN_DATE_RANGE:
                    if (v == null || v.toString().isBlank()) {
                        out.put(b.to.get(0).name(), null);
                        out.put(b.to.get(1).name(), null);
                    } else {
                        GermanDates.Range range = GermanDates.range(v.toString()).orElseThrow(() -> new ReadException(at,
                                "mapping.error.dateRange", null, v.toString(), b.from));
                        put(out, b.to.get(0), range.start().toString(), at, b.from);
                        put(out, b.to.get(1), range.end().toString(), at, b.from);
                    }
                    break;
                case LOOKUP:
                    put(out, b.to.get(0), v == null ? null : lookup(r, v.toString(), at, b.from), at, b.from);
                    break;
                case CLASSIFY:
                    put(out, b.to.get(0), v == null ? null : classify(r, v.toString(), at, b.from), at, b.from);
                    break;
                case CONSTANT:
                    put(out, b.to.get(0), r.value(), at, null);
                    break;
                default:
                    put(out, b.to.get(0), v, at, b.from);
            }
        }
        return out;
    }

    private static String lookup(FieldMapping.Rule r, String value, SourcePosition at, String from) {
        String key = value.trim();
        for (Map.Entry<String, String> e : r.values().entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return otherwise(r, value, at, from);
    }

    private static String classify(FieldMapping.Rule r, String value, SourcePosition at, String from) {
        String lower = value.toLowerCase(Locale.GERMAN);
        for (Map.Entry<String, String> e : r.keywords().entrySet()) {
            if (lower.contains(e.getKey().toLowerCase(Locale.GERMAN))) {
                return e.getValue();
            }
        }
        return otherwise(r, value, at, from);
    }

    private static String otherwise(FieldMapping.Rule r, String value, SourcePosition at, String from) {
        if (r.otherwise() == null) {
            throw new ReadException(at, "mapping.error.noMatch", null, value, from);
        }
        return r.otherwise();
    }

    private static void put(Map<String, Object> out, FieldInfo field, Object value, SourcePosition at, String from) {
        try {
            out.put(field.name(), ValueCoercion.to(field.type(), value));
        } catch (ValueCoercion.Unconvertible e) {
            throw new ReadException(at, "import.error.value", null, String.valueOf(value),
                    from == null ? field.name() : from, field.name(), field.type().sqlName());
        }
    }
}
