package de.trassenwerk.store;

import org.locationtech.jts.geom.Envelope;

/**
 * A summary of one layer: its schema, CRS code (e.g. {@code EPSG:25832}; null when the layer has no
 * geometry or an undefined CRS), number of features and extent (null when empty or attribute-only).
 */
public record LayerInfo(LayerSchema schema, String crs, long count, Envelope extent) {
    public String name() {
        return schema.name();
    }

    public GeometryType geometryType() {
        return schema.hasGeometry() ? schema.geometryType() : null;
    }
}
