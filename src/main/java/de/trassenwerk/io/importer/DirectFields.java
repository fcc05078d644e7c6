package de.trassenwerk.io.importer;

import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.io.mapping.ValueCoercion;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.LayerSchema;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Attributes without a mapping: each source field goes into the target field of the same name
 * (case-insensitive; for a layer made from the source, the field made from it), converted to the
 * field's type. Source fields without a target are noted, not imported. Used by one thread.
 */
final class DirectFields {
    private final LayerSchema target;
    private final Map<String, FieldInfo> made;
    private final Map<String, Optional<FieldInfo>> cache = new HashMap<>();
    private final TreeSet<String> unmapped = new TreeSet<>();

    /**
     * @param made for a layer made from the source: source field name to the field made from it; else empty
     */
    DirectFields(LayerSchema target, Map<String, FieldInfo> made) {
        this.target = target;
        this.made = made;
    }

    Map<String, Object> apply(Map<String, Object> source, SourcePosition at) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : source.entrySet()) {
            Optional<FieldInfo> field = cache.computeIfAbsent(e.getKey(), this::find);
            if (field.isEmpty()) {
                unmapped.add(e.getKey());
                continue;
            }
            FieldInfo f = field.get();
            try {
                out.put(f.name(), ValueCoercion.to(f.type(), e.getValue()));
            } catch (ValueCoercion.Unconvertible bad) {
                throw new ReadException(at, "import.error.value", null, String.valueOf(e.getValue()), e.getKey(),
                        f.name(), f.type().sqlName());
            }
        }
        return out;
    }

    private Optional<FieldInfo> find(String sourceField) {
        FieldInfo f = made.get(sourceField);
        if (f != null) {
            return Optional.of(f);
        }
        if (!made.isEmpty()) {
            return Optional.empty();
        }
        String lower = sourceField.toLowerCase(Locale.ROOT);
        return target.fields().stream().filter(t -> t.name().toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    /** The target fields a source with these fields fills. */
    List<FieldInfo> provided(List<String> sourceFields) {
        return sourceFields.stream().map(s -> cache.computeIfAbsent(s, this::find)).flatMap(Optional::stream)
                .distinct().toList();
    }

    List<String> unmapped() {
        return List.copyOf(unmapped);
    }
}
