package de.trassenwerk.io.mapping;

import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The fields a mapping may write, as an import will use them: the fields of the existing layer it
 * adds to or updates, else a theme layer's fields, else — for a new layer made from the mapping —
 * any name ({@code open}; the layer gets the fields the rules name). Immutable.
 *
 * @param layer the target layer's name
 * @param fields the layer's fields (empty when open)
 * @param geometryType the layer's geometry type, or null when the import takes the source's
 * @param open whether any field name may be written (a new layer that is not a theme layer)
 */
public record MappingTarget(String layer, List<FieldInfo> fields, GeometryType geometryType, boolean open) {
    /** Column names a new layer has of its own; a rule must not write them. */
    private static final Set<String> RESERVED = Set.of(LayerSchema.FID, "geom", LayerSchema.VERSION);

    public MappingTarget {
        fields = List.copyOf(fields);
    }

    /**
     * The target of an import into {@code layer}: {@code existing} is that layer when the target
     * GeoPackage has it (else null), {@code keepsExisting} whether the import adds to or updates it
     * (rather than replacing it or stopping).
     */
    public static MappingTarget forImport(String layer, LayerSchema existing, boolean keepsExisting) {
        if (existing != null && keepsExisting) {
            return new MappingTarget(existing.name(), existing.fields(), existing.geometryType(), false);
        }
        Optional<LayerSchema> theme = ThemeLayers.all().stream().filter(s -> s.name().equals(layer)).findFirst();
        if (theme.isPresent()) {
            return new MappingTarget(layer, theme.get().fields(), theme.get().geometryType(), false);
        }
        return new MappingTarget(layer, List.of(), null, true);
    }

    /** The field called {@code name} (case-insensitive); for an open target, a text field of that name. */
    public Optional<FieldInfo> field(String name) {
        if (open) {
            return name == null || name.isBlank() || reserved(name) ? Optional.empty()
                    : Optional.of(FieldInfo.of(name, FieldType.TEXT));
        }
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The names of the layer's fields, in the layer's order (empty when open). */
    public List<String> fieldNames() {
        return fields.stream().map(FieldInfo::name).toList();
    }

    /** Fields that must have a value (declared NOT NULL). */
    public List<FieldInfo> required() {
        return fields.stream().filter(f -> !f.nullable()).toList();
    }

    /** Whether the layer holds polygons (so lines and points need footprints). */
    public boolean polygonal() {
        return geometryType == GeometryType.POLYGON || geometryType == GeometryType.MULTIPOLYGON;
    }

    /** Whether a new layer has a column of this name of its own ({@code fid}, {@code geom}, {@code version}). */
    public static boolean reserved(String name) {
        return RESERVED.contains(name.trim().toLowerCase(Locale.ROOT));
    }
}
