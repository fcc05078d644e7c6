package de.trassenwerk.io.importer;

import de.trassenwerk.store.GeometryType;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Makes a geometry fit a layer's declared type where that loses nothing: a Polygon into a
 * MULTIPOLYGON layer becomes a MultiPolygon of one, a MultiPolygon of one part into a POLYGON
 * layer its part, a GeometryCollection of polygons a MultiPolygon (likewise for points and lines).
 * Anything else does not fit. Pure, thread-safe.
 */
final class GeometryFit {
    private GeometryFit() {
    }

    /** {@code g} in a form the layer accepts, or null when it does not fit. Null and empty geometries fit. */
    static Geometry fit(Geometry g, GeometryType layer) {
        if (g == null || layer == GeometryType.GEOMETRY) {
            return g;
        }
        GeometryType actual = GeometryType.of(g);
        if (layer.accepts(actual)) {
            return g;
        }
        GeometryFactory f = g.getFactory();
        switch (layer) {
            case MULTIPOINT:
            case MULTILINESTRING:
            case MULTIPOLYGON: {
                List<Geometry> parts = new ArrayList<>();
                if (!flatten(g, single(layer), parts)) {
                    return null;
                }
                return multi(f, layer, parts);
            }
            case POINT:
            case LINESTRING:
            case POLYGON:
                if (g instanceof GeometryCollection c && c.getNumGeometries() == 1
                        && GeometryType.of(c.getGeometryN(0)) == layer) {
                    return c.getGeometryN(0);
                }
                if (g.isEmpty()) {
                    return layer == GeometryType.POINT ? f.createPoint()
                            : layer == GeometryType.LINESTRING ? f.createLineString() : f.createPolygon();
                }
                return null;
            default:
                return null;
        }
    }

    private static GeometryType single(GeometryType multi) {
        return multi == GeometryType.MULTIPOINT ? GeometryType.POINT
                : multi == GeometryType.MULTILINESTRING ? GeometryType.LINESTRING : GeometryType.POLYGON;
    }

    private static boolean flatten(Geometry g, GeometryType part, List<Geometry> out) {
        if (g instanceof GeometryCollection c) {
            for (int i = 0; i < c.getNumGeometries(); i++) {
                if (!flatten(c.getGeometryN(i), part, out)) {
                    return false;
                }
            }
            return true;
        }
        if (GeometryType.of(g) != part) {
            return false;
        }
        if (!g.isEmpty()) {
            out.add(g);
        }
        return true;
    }

    private static Geometry multi(GeometryFactory f, GeometryType layer, List<Geometry> parts) {
        switch (layer) {
            case MULTIPOINT:
                return f.createMultiPoint(parts.toArray(new Point[0]));
            case MULTILINESTRING:
                return f.createMultiLineString(parts.toArray(new LineString[0]));
            default:
                return f.createMultiPolygon(parts.toArray(new Polygon[0]));
        }
    }
}
