package de.trassenwerk.io.mapping;

import de.trassenwerk.io.SourceSchema;
import de.trassenwerk.io.mapping.FieldMapping.Conversion;
import de.trassenwerk.io.mapping.FieldMapping.Rule;
import de.trassenwerk.io.mapping.MappingProblem.Kind;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.GeometryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a field mapping against one source and one target before anything is imported, and lists
 * every problem rather than stopping at the first (as {@link BoundMapping} does when the import
 * begins): no rules or unfinished ones, fields the source or the layer does not have, a target field filled
 * twice, a required field filled by no rule, a constant that does not fit its field, lines into a
 * polygon layer without footprints. Pure, thread-safe.
 */
public final class MappingCheck {
    private static final Set<GeometryType> LINES_OR_POINTS = Set.of(GeometryType.LINESTRING,
            GeometryType.MULTILINESTRING, GeometryType.POINT, GeometryType.MULTIPOINT);

    private MappingCheck() {
    }

    /**
     * The problems of {@code mapping} for an import of {@code source} (null while its fields are not
     * known: source fields are then not checked) into {@code target}; empty when it can be used.
     */
    public static List<MappingProblem> check(FieldMapping mapping, SourceSchema source, MappingTarget target) {
        List<MappingProblem> problems = new ArrayList<>();
        if (mapping.fields().isEmpty()) {
            problems.add(MappingProblem.of(Kind.NO_RULES, 0));
        }
        Set<String> sourceFields = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (source != null) {
            source.fields().forEach(f -> sourceFields.add(f.name()));
        }
        Map<String, List<Integer>> writers = new LinkedHashMap<>();
        List<Rule> rules = mapping.fields();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            int n = i + 1;
            if (r.convert() != Conversion.CONSTANT) {
                if (blank(r.from())) {
                    problems.add(MappingProblem.of(Kind.SOURCE_MISSING, n, n));
                } else if (source != null && !sourceFields.contains(r.from())) {
                    problems.add(MappingProblem.of(Kind.NO_SOURCE_FIELD, n, n, r.from()));
                }
            } else if (r.value() == null || blank(r.value().toString())) {
                problems.add(MappingProblem.of(Kind.VALUE_MISSING, n, n));
            }
            int targets = r.convert() == Conversion.GERMAN_DATE_RANGE ? 2 : 1;
            if (r.to().size() != targets || r.to().stream().anyMatch(MappingCheck::blank)) {
                problems.add(MappingProblem.of(Kind.TARGET_MISSING, n, n));
            }
            for (String to : r.to()) {
                if (blank(to)) {
                    continue;
                }
                Optional<FieldInfo> field = target.field(to);
                if (field.isEmpty()) {
                    problems.add(target.open() ? MappingProblem.of(Kind.RESERVED_TARGET, n, n, to)
                            : MappingProblem.of(Kind.NO_TARGET_FIELD, n, n, to, target.layer()));
                    continue;
                }
                List<Integer> by = writers.computeIfAbsent(field.get().name().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
                by.add(n);
                if (r.convert() == Conversion.CONSTANT && r.value() != null && !blank(r.value().toString())
                        && !fits(field.get(), r.value())) {
                    problems.add(MappingProblem.of(Kind.CONSTANT_UNFIT, n, n, r.value().toString(),
                            field.get().type().sqlName(), field.get().name()));
                }
            }
            if (table(r) && RuleEdits.table(r).isEmpty() && blank(r.otherwise())) {
                problems.add(MappingProblem.of(Kind.TABLE_EMPTY, n, n));
            }
        }
        for (Map.Entry<String, List<Integer>> e : writers.entrySet()) {
            if (e.getValue().size() > 1) {
                String field = target.field(e.getKey()).map(FieldInfo::name).orElse(e.getKey());
                List<Integer> by = e.getValue().stream().distinct().toList();
                problems.add(new MappingProblem(Kind.TARGET_TWICE, by, List.of(field,
                        by.stream().map(String::valueOf).collect(Collectors.joining(", ")), by.size())));
            }
        }
        for (FieldInfo f : target.required()) {
            if (!writers.containsKey(f.name().toLowerCase(Locale.ROOT))) {
                problems.add(MappingProblem.of(Kind.REQUIRED_UNMAPPED, 0, f.name(), target.layer()));
            }
        }
        if (mapping.footprints() == null && needsFootprints(source, target)) {
            problems.add(MappingProblem.of(Kind.NEEDS_FOOTPRINTS, 0, target.layer()));
        }
        return problems;
    }

    /** Whether the source's lines or points go into a polygon layer, so that they must become footprints. */
    public static boolean needsFootprints(SourceSchema source, MappingTarget target) {
        return source != null && target.polygonal() && LINES_OR_POINTS.contains(source.geometryType());
    }

    /** Whether a mapping with these problems may be saved: no rule is unfinished. */
    public static boolean savable(List<MappingProblem> problems) {
        return problems.stream().noneMatch(p -> p.kind().incomplete());
    }

    private static boolean table(Rule r) {
        return r.convert() == Conversion.LOOKUP || r.convert() == Conversion.CLASSIFY;
    }

    private static boolean fits(FieldInfo field, Object value) {
        try {
            ValueCoercion.to(field.type(), value);
            return true;
        } catch (ValueCoercion.Unconvertible e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
