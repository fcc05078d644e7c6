package de.trassenwerk.io;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as a source delivers it: geometry (may be null) in the source's coordinate system,
 * easting/longitude first; attributes by source field name (values {@link String}, {@link Long},
 * {@link Double}, {@link Boolean} or null); and where it came from. A record the source could not
 * read (a CSV row with bad coordinates, a polygon ring that is not closed) comes as a feature with
 * {@code unreadable} saying why, so that the importer can list it or skip it and read on. The
 * attribute map belongs to the feature and is not copied.
 */
public record SourceFeature(Geometry geometry, Map<String, Object> attributes, SourcePosition position,
        ReadException unreadable) {

    public static SourceFeature of(Geometry geometry, Map<String, Object> attributes, SourcePosition position) {
        return new SourceFeature(geometry, attributes, position, null);
    }

    /** A record that could not be read. */
    public static SourceFeature unreadable(ReadException problem) {
        return new SourceFeature(null, Map.of(), problem.position(), problem);
    }

    public boolean readable() {
        return unreadable == null;
    }
}
