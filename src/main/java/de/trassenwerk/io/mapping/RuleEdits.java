package de.trassenwerk.io.mapping;

import de.trassenwerk.io.mapping.FieldMapping.Conversion;
import de.trassenwerk.io.mapping.FieldMapping.Rule;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The edits a mapping editor makes to {@link FieldMapping.Rule}s, as pure functions that return a
 * new rule: a first mapping by field names, a suggested next rule, and a rule with another source
 * field, target field, conversion, constant or value table. A changed conversion keeps what still
 * applies (the source field, the first target, a value table between lookup and keywords). Pure,
 * thread-safe.
 */
public final class RuleEdits {

    private RuleEdits() {
    }

    /**
     * Rules that take each source field into the target field of the same name (case-insensitive),
     * as an import without a mapping does; into a new layer (open target) every source field is
     * taken, a name the layer has of its own ({@code fid}...) gets {@code _2}.
     */
    public static List<Rule> byName(List<String> sourceFields, MappingTarget target) {
        List<Rule> rules = new ArrayList<>();
        Set<String> filled = new HashSet<>();
        for (String from : sourceFields) {
            String to = target.open() ? unique(from, filled) : target.field(from).map(FieldInfo::name).orElse(null);
            if (to != null && filled.add(to.toLowerCase(Locale.ROOT))) {
                rules.add(Rule.copy(from, to));
            }
        }
        return rules;
    }

    private static String unique(String name, Set<String> filled) {
        String unique = name;
        for (int k = 2; MappingTarget.reserved(unique) || filled.contains(unique.toLowerCase(Locale.ROOT)); k++) {
            unique = name + "_" + k;
        }
        return unique;
    }

    /**
     * A rule to add after {@code rules}: the first source field no rule reads, into the target field
     * of the same name when no rule fills it, else into the first field no rule fills (blank when
     * there is none).
     */
    public static Rule next(List<Rule> rules, List<String> sourceFields, MappingTarget target) {
        Set<String> read = new HashSet<>();
        Set<String> filled = new HashSet<>();
        for (Rule r : rules) {
            if (r.from() != null) {
                read.add(r.from().toLowerCase(Locale.ROOT));
            }
            r.to().forEach(t -> filled.add(t.toLowerCase(Locale.ROOT)));
        }
        String from = sourceFields.stream().filter(f -> !read.contains(f.toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        Optional<String> same = from == null ? Optional.empty()
                : target.field(from).map(FieldInfo::name).filter(t -> !filled.contains(t.toLowerCase(Locale.ROOT)));
        String to = same.orElseGet(() -> target.fieldNames().stream()
                .filter(t -> !filled.contains(t.toLowerCase(Locale.ROOT))).findFirst().orElse(""));
        return new Rule(from, List.of(to), Conversion.COPY, null, null, null, null);
    }

    /** The rule reading {@code from} instead. */
    public static Rule withFrom(Rule r, String from) {
        return new Rule(from, r.to(), r.convert(), r.values(), r.keywords(), r.otherwise(), r.value());
    }

    /** The rule writing {@code to} as its target number {@code index} (0, or 1 for a date range's end). */
    public static Rule withTarget(Rule r, int index, String to) {
        List<String> targets = new ArrayList<>(r.to());
        while (targets.size() <= index) {
            targets.add("");
        }
        targets.set(index, to == null ? "" : to);
        return new Rule(r.from(), targets, r.convert(), r.values(), r.keywords(), r.otherwise(), r.value());
    }

    /**
     * The rule with another conversion. A date range gets two target fields: the rule's target when
     * it is a date field, else the layer's first date field, and the date field after it (for
     * {@code construction_sites}: {@code start_date}, {@code end_date}). A constant has no source
     * field and an empty value; a rule that was a constant has no source field yet.
     */
    public static Rule withConversion(Rule r, Conversion c, MappingTarget target) {
        if (c == r.convert()) {
            return r;
        }
        String from = r.convert() == Conversion.CONSTANT ? null : r.from();
        String first = r.to().isEmpty() ? "" : r.to().get(0);
        switch (c) {
            case GERMAN_DATE_RANGE:
                return new Rule(from, dateTargets(first, target), c, null, null, null, null);
            case LOOKUP:
                return new Rule(from, List.of(first), c, new LinkedHashMap<>(table(r)), null, r.otherwise(), null);
            case CLASSIFY:
                return new Rule(from, List.of(first), c, null, new LinkedHashMap<>(table(r)), r.otherwise(), null);
            case CONSTANT:
                return new Rule(null, List.of(first), c, null, null, null, "");
            default:
                return new Rule(from, List.of(first), c, null, null, null, null);
        }
    }

    private static List<String> dateTargets(String first, MappingTarget target) {
        if (target.open()) {
            String start = first.isBlank() ? "start_date" : first;
            return List.of(start, start.equalsIgnoreCase("end_date") ? "" : "end_date");
        }
        List<String> dates = target.fields().stream().filter(f -> f.type() == FieldType.DATE).map(FieldInfo::name).toList();
        String start = dates.stream().filter(d -> d.equalsIgnoreCase(first)).findFirst()
                .orElse(dates.isEmpty() ? first : dates.get(0));
        int at = dates.indexOf(start);
        String end = at >= 0 && at + 1 < dates.size() ? dates.get(at + 1)
                : dates.stream().filter(d -> !d.equals(start)).findFirst().orElse("");
        return List.of(start, end);
    }

    /** The constant rule with another value. */
    public static Rule withValue(Rule r, String value) {
        return new Rule(null, r.to(), Conversion.CONSTANT, null, null, null, value);
    }

    /**
     * The lookup or keyword rule with another table ({@code entries}, in order; entries with a blank
     * key are left out) and {@code otherwise} value (blank for none: other values fail the import).
     */
    public static Rule withTable(Rule r, Map<String, String> entries, String otherwise) {
        Map<String, String> table = new LinkedHashMap<>();
        entries.forEach((k, v) -> {
            if (k != null && !k.isBlank()) {
                table.putIfAbsent(k.trim(), v == null ? "" : v);
            }
        });
        String other = otherwise == null || otherwise.isBlank() ? null : otherwise;
        return r.convert() == Conversion.LOOKUP
                ? new Rule(r.from(), r.to(), r.convert(), table, null, other, null)
                : new Rule(r.from(), r.to(), r.convert(), null, table, other, null);
    }

    /** The value table of a lookup ({@code values}) or keyword ({@code keywords}) rule; empty for others. */
    public static Map<String, String> table(Rule r) {
        Map<String, String> t = r.convert() == Conversion.LOOKUP ? r.values()
                : r.convert() == Conversion.CLASSIFY ? r.keywords() : null;
        return t == null ? Map.of() : t;
    }
}
