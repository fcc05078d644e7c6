package de.trassenwerk.explore;

import de.trassenwerk.store.Feature;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature found by {@link Identify}: its layer, the feature (geometry and attributes in schema
 * order) and its distance from the point asked about (0 when a polygon contains it). Immutable.
 */
public record IdentifiedFeature(String layer, Feature feature, double distance) {
    public long fid() {
        return feature.fid();
    }

    public Geometry geometry() {
        return feature.geometry();
    }

    public Map<String, Object> attributes() {
        return feature.attributes();
    }
}
