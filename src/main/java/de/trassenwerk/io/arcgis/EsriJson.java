package de.trassenwerk.io.arcgis;

import com.fasterxml.jackson.databind.JsonNode;
import de.trassenwerk.io.RingAssembler;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeometryType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;

/**
 * The Esri JSON forms of ArcGIS REST answers: geometries (point x/y, multipoint points, polyline
 * paths, polygon rings, whose outer rings run clockwise like a shapefile's), field types and
 * values (dates are milliseconds since 1970, written as ISO instants). Pure, thread-safe.
 */
final class EsriJson {
    private static final GeometryFactory FACTORY = new GeometryFactory();

    private EsriJson() {
    }

    /** The geometry of an Esri JSON geometry object; null for null; IllegalArgumentException when malformed. */
    static Geometry geometry(JsonNode g) {
        if (g == null || g.isNull() || g.isEmpty()) {
            return null;
        }
        if (g.has("x")) {
            JsonNode x = g.get("x");
            if (x.isNull() || !x.isNumber()) {
                return FACTORY.createPoint();
            }
            return FACTORY.createPoint(new Coordinate(x.asDouble(), g.get("y").asDouble()));
        }
        if (g.has("points")) {
            Coordinate[] pts = positions(g.get("points"));
            Point[] points = new Point[pts.length];
            for (int i = 0; i < pts.length; i++) {
                points[i] = FACTORY.createPoint(pts[i]);
            }
            return FACTORY.createMultiPoint(points);
        }
        if (g.has("paths")) {
            List<LineString> lines = new ArrayList<>();
            for (JsonNode path : g.get("paths")) {
                lines.add(FACTORY.createLineString(positions(path)));
            }
            return lines.size() == 1 ? lines.get(0) : FACTORY.createMultiLineString(lines.toArray(new LineString[0]));
        }
        if (g.has("rings")) {
            List<Coordinate[]> rings = new ArrayList<>();
            for (JsonNode ring : g.get("rings")) {
                rings.add(positions(ring));
            }
            return rings.isEmpty() ? FACTORY.createPolygon() : RingAssembler.assemble(rings, FACTORY);
        }
        throw new IllegalArgumentException("Esri geometry " + g.fieldNames().next() + " is not supported");
    }

    private static Coordinate[] positions(JsonNode list) {
        Coordinate[] out = new Coordinate[list.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode p = list.get(i);
            out[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        return out;
    }

    /** The field type of an Esri field type name. */
    static FieldType fieldType(String esri) {
        switch (esri == null ? "" : esri) {
            case "esriFieldTypeOID": case "esriFieldTypeInteger": case "esriFieldTypeSmallInteger":
            case "esriFieldTypeBigInteger":
                return FieldType.INTEGER;
            case "esriFieldTypeDouble": case "esriFieldTypeSingle":
                return FieldType.REAL;
            case "esriFieldTypeDate":
                return FieldType.DATETIME;
            case "esriFieldTypeDateOnly":
                return FieldType.DATE;
            default:
                return FieldType.TEXT;
        }
    }

    /** The geometry type of an Esri geometry type name. */
    static GeometryType geometryType(String esri) {
        switch (esri == null ? "" : esri) {
            case "esriGeometryPoint": return GeometryType.POINT;
            case "esriGeometryMultipoint": return GeometryType.MULTIPOINT;
            case "esriGeometryPolyline": return GeometryType.MULTILINESTRING;
            case "esriGeometryPolygon": return GeometryType.MULTIPOLYGON;
            default: return GeometryType.GEOMETRY;
        }
    }

    /** A field value: numbers and text as they are, dates (milliseconds) as ISO instants. */
    static Object value(JsonNode v, FieldType type) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (type == FieldType.DATETIME && v.isNumber()) {
            return Instant.ofEpochMilli(v.asLong()).toString();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
