package de.trassenwerk.io;

import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeometryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the field types and the geometry type of a source without a declared schema by looking at
 * every value: only whole numbers make INTEGER, numbers make REAL, only true/false make BOOLEAN,
 * only ISO dates make DATE (ISO date-times DATETIME); anything else, or a mix, is TEXT. Fields
 * keep the order in which they first appear. Used by one thread.
 */
public final class FieldTypeTally {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");

    private final Map<String, FieldType> types = new LinkedHashMap<>();
    private GeometryType geometry;

    /** Takes note of one value of a field (null values only make the field known). */
    public void value(String field, Object value) {
        FieldType before = types.get(field);
        if (before == FieldType.TEXT) {
            return;
        }
        FieldType seen = value == null ? null : typeOf(value);
        if (before == null && !types.containsKey(field)) {
            types.put(field, seen);
            return;
        }
        FieldType now = before == null ? seen : seen == null ? before : join(before, seen);
        if (now != before) {
            types.put(field, now);
        }
    }

    /** Whether the field is known and TEXT already, so that its further values need not be looked at. */
    public boolean settled(String field) {
        return types.get(field) == FieldType.TEXT;
    }

    /** Takes note of one geometry's type (null geometries are not counted). */
    public void geometry(GeometryType type) {
        if (type == null) {
            return;
        }
        if (geometry == null || geometry == type) {
            geometry = type;
            return;
        }
        GeometryType a = multi(geometry);
        GeometryType b = multi(type);
        geometry = a == b ? a : GeometryType.GEOMETRY;
    }

    private static GeometryType multi(GeometryType t) {
        switch (t) {
            case POINT: return GeometryType.MULTIPOINT;
            case LINESTRING: return GeometryType.MULTILINESTRING;
            case POLYGON: return GeometryType.MULTIPOLYGON;
            default: return t;
        }
    }

    private static FieldType typeOf(Object v) {
        if (v instanceof Boolean) {
            return FieldType.BOOLEAN;
        }
        if (v instanceof Long || v instanceof Integer) {
            return FieldType.INTEGER;
        }
        if (v instanceof Number) {
            return FieldType.REAL;
        }
        String s = v.toString();
        if (s.length() < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return FieldType.TEXT;
        }
        if (ISO_DATE.matcher(s).matches()) {
            return FieldType.DATE;
        }
        if (ISO_DATETIME.matcher(s).matches()) {
            return FieldType.DATETIME;
        }
        return FieldType.TEXT;
    }

    private static FieldType join(FieldType a, FieldType b) {
        if (a == b) {
            return a;
        }
        if ((a == FieldType.INTEGER && b == FieldType.REAL) || (a == FieldType.REAL && b == FieldType.INTEGER)) {
            return FieldType.REAL;
        }
        if ((a == FieldType.DATE && b == FieldType.DATETIME) || (a == FieldType.DATETIME && b == FieldType.DATE)) {
            return FieldType.DATETIME;
        }
        return FieldType.TEXT;
    }

    /** The fields seen, in order; fields that only ever held null are TEXT. */
    public List<FieldInfo> fields() {
        List<FieldInfo> out = new ArrayList<>();
        types.forEach((name, type) -> out.add(FieldInfo.of(name, type == null ? FieldType.TEXT : type)));
        return out;
    }

    /** The geometry type seen; GEOMETRY when mixed or when there was no geometry at all. */
    public GeometryType geometryType() {
        return geometry == null ? GeometryType.GEOMETRY : geometry;
    }
}
