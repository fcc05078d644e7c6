package de.trassenwerk.coordination;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The areas within a distance of a list of geometries (their JTS buffers), each made on first use
 * and kept, prepared for fast tests. Many threads may ask at once; a buffer made twice by two threads
 * is the same area, so the first one stored wins.
 */
final class BufferCache {
    private final List<Geometry> geometries;
    private final double distance;
    private final AtomicReferenceArray<PreparedGeometry> zones;

    BufferCache(List<Geometry> geometries, double distance) {
        this.geometries = geometries;
        this.distance = distance;
        this.zones = new AtomicReferenceArray<>(geometries.size());
    }

    /** The area within the distance of geometry {@code i}. */
    PreparedGeometry zone(int i) {
        PreparedGeometry z = zones.get(i);
        if (z == null) {
            z = PreparedGeometryFactory.prepare(geometries.get(i).buffer(distance));
            if (!zones.compareAndSet(i, null, z)) {
                z = zones.get(i);
            }
        }
        return z;
    }
}
