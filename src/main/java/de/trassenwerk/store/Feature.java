package de.trassenwerk.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as it flows between store, analyses and views: its id ({@code fid}, 0 for a feature
 * not yet stored), geometry (may be null), attributes in schema order, and the edit version it was
 * read at (0 where the layer keeps no versions). Immutable.
 */
public record Feature(long fid, Geometry geometry, Map<String, Object> attributes, long version) {

    public Feature {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A new, not yet stored feature. */
    public static Feature create(Geometry geometry, Map<String, Object> attributes) {
        return new Feature(0, geometry, attributes, 0);
    }

    public Object get(String field) {
        return attributes.get(field);
    }

    public String getString(String field) {
        Object v = attributes.get(field);
        return v == null ? null : v.toString();
    }

    public Double getDouble(String field) {
        Object v = attributes.get(field);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    public Long getLong(String field) {
        Object v = attributes.get(field);
        return v instanceof Number n ? n.longValue() : null;
    }

    /** Booleans as stored by anyone: true/false, 0/1, "true"/"1". */
    public Boolean getBoolean(String field) {
        return booleanOf(attributes.get(field));
    }

    /** A stored value read as a boolean: true/false, 0/1, "true"/"1"; null stays null. */
    public static Boolean booleanOf(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.longValue() != 0;
        }
        String s = v.toString().trim();
        return s.equalsIgnoreCase("true") || s.equals("1");
    }

    public Feature withGeometry(Geometry g) {
        return new Feature(fid, g, attributes, version);
    }

    public Feature withAttribute(String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(attributes);
        copy.put(field, value);
        return new Feature(fid, geometry, copy, version);
    }
}
