package de.trassenwerk.io.geojson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads GeoJSON geometry objects (RFC 7946 section 3.1) from a streaming parser into JTS, in any
 * member order ({@code coordinates} may come before {@code type}). Positions keep x and y; a third
 * value (height) and further ones are skipped. A geometry that is malformed (unknown type, a ring
 * that is not closed, a string where a number belongs) is consumed to its end and reported as a
 * {@link BadGeometry}, so that reading can go on with the next feature. Used by one thread.
 */
final class GeoJsonGeometryReader {
    private final GeometryFactory factory;
    private final boolean swap;

    /** A geometry object that could not be turned into a geometry; the parser is past its end. */
    static final class BadGeometry extends Exception {
        private static final long serialVersionUID = 1L;

        BadGeometry(String message) {
            super(message, null, false, false);
        }
    }

    /** @param swap whether positions come northing/latitude first and are to be swapped */
    GeoJsonGeometryReader(GeometryFactory factory, boolean swap) {
        this.factory = factory;
        this.swap = swap;
    }

    /**
     * Reads the geometry whose first token (START_OBJECT or VALUE_NULL) is the current token;
     * returns null for JSON null. Leaves the parser on the object's END_OBJECT.
     */
    Geometry read(JsonParser p) throws IOException, BadGeometry {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            String found = p.currentToken() == null ? "nothing" : p.currentToken().asString();
            p.skipChildren();
            throw new BadGeometry("a geometry object expected, found " + found);
        }
        JsonStreamContext outer = p.getParsingContext().getParent();
        try {
            return object(p);
        } catch (BadGeometry | IllegalArgumentException e) {
            while (!(p.currentToken() == JsonToken.END_OBJECT && p.getParsingContext() == outer)) {
                if (p.nextToken() == null) {
                    throw new BadGeometry(e.getMessage());
                }
            }
            throw e instanceof BadGeometry b ? b : new BadGeometry(e.getMessage());
        }
    }

    /** The geometry type named by a geometry object, skipping its coordinates (for schema scans). */
    static String typeOnly(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        String type = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("type") && value == JsonToken.VALUE_STRING) {
                type = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return type;
    }

    private Geometry object(JsonParser p) throws IOException, BadGeometry {
        String type = null;
        Object coordinates = null;
        List<Geometry> members = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            switch (name) {
                case "type":
                    type = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    break;
                case "coordinates":
                    if (value != JsonToken.START_ARRAY) {
                        throw new BadGeometry("\"coordinates\" must be an array");
                    }
                    coordinates = coordinates(p);
                    break;
                case "geometries":
                    if (value != JsonToken.START_ARRAY) {
                        throw new BadGeometry("\"geometries\" must be an array");
                    }
                    members = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        Geometry g = read(p);
                        if (g != null) {
                            members.add(g);
                        }
                    }
                    break;
                default:
                    p.skipChildren();
            }
        }
        if (type == null) {
            throw new BadGeometry("geometry without \"type\"");
        }
        return build(type, coordinates, members);
    }

    /** Positions as Coordinate, lists of positions as Coordinate[], deeper nesting as List. */
    private Object coordinates(JsonParser p) throws IOException, BadGeometry {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            double x = p.getDoubleValue();
            t = p.nextToken();
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                throw new BadGeometry("a position needs two numbers");
            }
            double y = p.getDoubleValue();
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                    throw new BadGeometry("a position holds numbers only");
                }
            }
            return swap ? new Coordinate(y, x) : new Coordinate(x, y);
        }
        List<Object> items = new ArrayList<>();
        while (t != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_ARRAY) {
                throw new BadGeometry("coordinates must be nested arrays of numbers");
            }
            items.add(coordinates(p));
            t = p.nextToken();
        }
        if (!items.isEmpty() && items.get(0) instanceof Coordinate) {
            Coordinate[] out = new Coordinate[items.size()];
            for (int i = 0; i < out.length; i++) {
                if (!(items.get(i) instanceof Coordinate c)) {
                    throw new BadGeometry("positions and arrays mixed in one list");
                }
                out[i] = c;
            }
            return out;
        }
        return items;
    }

    private Geometry build(String type, Object c, List<Geometry> members) throws BadGeometry {
        switch (type) {
            case "Point":
                if (isEmptyList(c)) {
                    return factory.createPoint();
                }
                return factory.createPoint(position(c));
            case "MultiPoint": {
                Coordinate[] points = positions(c);
                Point[] out = new Point[points.length];
                for (int i = 0; i < points.length; i++) {
                    out[i] = factory.createPoint(points[i]);
                }
                return factory.createMultiPoint(out);
            }
            case "LineString":
                return factory.createLineString(positions(c));
            case "MultiLineString": {
                List<Coordinate[]> lines = lists(c);
                LineString[] out = new LineString[lines.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = factory.createLineString(lines.get(i));
                }
                return factory.createMultiLineString(out);
            }
            case "Polygon":
                return polygon(lists(c));
            case "MultiPolygon": {
                List<Object> polys = list(c);
                Polygon[] out = new Polygon[polys.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = polygon(lists(polys.get(i)));
                }
                return factory.createMultiPolygon(out);
            }
            case "GeometryCollection":
                return factory.createGeometryCollection(
                        members == null ? new Geometry[0] : members.toArray(new Geometry[0]));
            default:
                throw new BadGeometry("unknown geometry type \"" + type + "\"");
        }
    }

    private Polygon polygon(List<Coordinate[]> rings) {
        if (rings.isEmpty()) {
            return factory.createPolygon();
        }
        LinearRing shell = factory.createLinearRing(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = factory.createLinearRing(rings.get(i));
        }
        return factory.createPolygon(shell, holes);
    }

    private static boolean isEmptyList(Object c) {
        return c == null || (c instanceof List<?> l && l.isEmpty());
    }

    private static Coordinate position(Object c) throws BadGeometry {
        if (c instanceof Coordinate p) {
            return p;
        }
        throw new BadGeometry("a Point needs one position");
    }

    private static Coordinate[] positions(Object c) throws BadGeometry {
        if (isEmptyList(c)) {
            return new Coordinate[0];
        }
        if (c instanceof Coordinate[] a) {
            return a;
        }
        throw new BadGeometry("an array of positions expected");
    }

    private static List<Object> list(Object c) throws BadGeometry {
        if (c == null) {
            return List.of();
        }
        if (c instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw new BadGeometry("an array of arrays of positions expected");
    }

    private static List<Coordinate[]> lists(Object c) throws BadGeometry {
        List<Coordinate[]> out = new ArrayList<>();
        if (c instanceof Coordinate[] single) {
            throw new BadGeometry("an array of rings or lines expected, found " + single.length + " positions");
        }
        for (Object o : list(c)) {
            out.add(positions(o));
        }
        return out;
    }
}
