package de.trassenwerk.opendata;

import de.trassenwerk.crs.CoordinateTransform;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Geometries as RFC 7946 wants them: WGS84 longitude/latitude, at most 7 decimals (about 1 cm),
 * repeated positions that rounding creates removed, polygons by the right-hand rule (exterior rings
 * counter-clockwise, holes clockwise). Parts that rounding collapses are dropped. Also writes
 * numbers and WKT without exponents. Stateless apart from the transform; one instance per thread.
 */
final class LonLatGeometry {
    static final int DECIMALS = 7;
    private static final double SCALE = 1e7;
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private final CoordinateTransform toWgs84;

    LonLatGeometry(int sourceEpsg) {
        this.toWgs84 = CoordinateTransform.between(sourceEpsg, de.trassenwerk.crs.SpatialReferences.WGS84);
    }

    /** The geometry in lon/lat, rounded and oriented; null for null, empty or fully collapsed input. */
    Geometry convert(Geometry source) {
        if (source == null || source.isEmpty()) {
            return null;
        }
        Geometry g = build(toWgs84.transform(source));
        return g == null || g.isEmpty() ? null : g;
    }

    private static Geometry build(Geometry g) {
        if (g instanceof Point p) {
            return FACTORY.createPoint(round(p.getCoordinate()));
        }
        if (g instanceof LinearRing || g instanceof LineString) {
            Coordinate[] c = rounded(g.getCoordinates());
            return c.length < 2 ? null : FACTORY.createLineString(c);
        }
        if (g instanceof Polygon p) {
            return polygon(p);
        }
        if (g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon
                || g instanceof GeometryCollection) {
            List<Geometry> parts = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Geometry part = build(g.getGeometryN(i));
                if (part != null) {
                    parts.add(part);
                }
            }
            if (g instanceof MultiPoint) {
                return FACTORY.createMultiPoint(parts.toArray(new Point[0]));
            }
            if (g instanceof MultiLineString) {
                return FACTORY.createMultiLineString(parts.toArray(new LineString[0]));
            }
            if (g instanceof MultiPolygon) {
                return FACTORY.createMultiPolygon(parts.toArray(new Polygon[0]));
            }
            return FACTORY.createGeometryCollection(parts.toArray(new Geometry[0]));
        }
        throw new IllegalArgumentException("unsupported geometry " + g.getGeometryType());
    }

    private static Polygon polygon(Polygon p) {
        LinearRing shell = ring(p.getExteriorRing().getCoordinates(), true);
        if (shell == null) {
            return null;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < p.getNumInteriorRing(); i++) {
            LinearRing hole = ring(p.getInteriorRingN(i).getCoordinates(), false);
            if (hole != null) {
                holes.add(hole);
            }
        }
        return FACTORY.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    /** A rounded ring turned counter-clockwise (exterior) or clockwise (hole); null when it collapsed. */
    private static LinearRing ring(Coordinate[] coords, boolean exterior) {
        Coordinate[] c = rounded(coords);
        if (c.length < 4 || !c[0].equals2D(c[c.length - 1])) {
            return null;
        }
        if (Orientation.isCCW(c) != exterior) {
            CoordinateArrays.reverse(c);
        }
        return FACTORY.createLinearRing(c);
    }

    private static Coordinate[] rounded(Coordinate[] coords) {
        Coordinate[] r = new Coordinate[coords.length];
        for (int i = 0; i < coords.length; i++) {
            r[i] = round(coords[i]);
        }
        return CoordinateArrays.removeRepeatedPoints(r);
    }

    private static Coordinate round(Coordinate c) {
        return new Coordinate(Math.round(c.x * SCALE) / SCALE, Math.round(c.y * SCALE) / SCALE);
    }

    /** A number as plain text with at most 7 decimals and no exponent (e.g. {@code 6.7571234}). */
    static String format(double v) {
        return BigDecimal.valueOf(v).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** Well-known text of a converted geometry, coordinates as {@link #format} writes them. */
    static String wkt(Geometry g) {
        StringBuilder sb = new StringBuilder();
        appendWkt(g, sb, true);
        return sb.toString();
    }

    private static void appendWkt(Geometry g, StringBuilder sb, boolean tagged) {
        String tag = g.getGeometryType().toUpperCase(java.util.Locale.ROOT);
        if (tagged) {
            sb.append(tag).append(' ');
        }
        if (g.isEmpty()) {
            sb.append("EMPTY");
            return;
        }
        if (g instanceof Point p) {
            sb.append('(');
            position(p.getCoordinate(), sb);
            sb.append(')');
        } else if (g instanceof LineString l) {
            positions(l.getCoordinates(), sb);
        } else if (g instanceof Polygon p) {
            sb.append('(');
            positions(p.getExteriorRing().getCoordinates(), sb);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                sb.append(", ");
                positions(p.getInteriorRingN(i).getCoordinates(), sb);
            }
            sb.append(')');
        } else {
            boolean collection = !(g instanceof MultiPoint || g instanceof MultiLineString || g instanceof MultiPolygon);
            sb.append('(');
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                appendWkt(g.getGeometryN(i), sb, collection);
            }
            sb.append(')');
        }
    }

    private static void positions(Coordinate[] cs, StringBuilder sb) {
        sb.append('(');
        for (int i = 0; i < cs.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            position(cs[i], sb);
        }
        sb.append(')');
    }

    private static void position(Coordinate c, StringBuilder sb) {
        sb.append(format(c.x)).append(' ').append(format(c.y));
    }
}
