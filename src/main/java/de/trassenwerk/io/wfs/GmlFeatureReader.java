package de.trassenwerk.io.wfs;

import de.trassenwerk.crs.CrsIdentifier;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourceFeature;
import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.store.FieldType;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads one page of a WFS GetFeature answer in GML 3.2 (and the GML 3.1 forms WFS 1.1 servers
 * write) as simple features: each {@code wfs:member} (or {@code gml:featureMember}) holds one
 * feature whose child elements are its properties; a property holding a GML geometry is the
 * geometry (Point, LineString, Curve with LineStringSegments, Polygon, Surface with PolygonPatches,
 * LinearRing, and their Multi forms), any other its text value, converted to the type the
 * DescribeFeatureType schema gives it. Coordinates follow the axis order the {@code srsName} (on
 * the geometry, an ancestor, or the layer's default CRS) implies and come out easting/longitude
 * first. Used by one thread.
 */
final class GmlFeatureReader {
    private final GeometryFactory factory = new GeometryFactory();
    private final Map<String, FieldType> types;
    private final String layer;
    private final String defaultCrs;

    /** One page: its features and the server's numberMatched (-1 when unknown). */
    record Page(List<SourceFeature> features, long numberMatched) {
    }

    GmlFeatureReader(String layer, Map<String, FieldType> types, String defaultCrs) {
        this.layer = layer;
        this.types = types;
        this.defaultCrs = defaultCrs;
    }

    Page read(byte[] xml, long firstNumber, String source) {
        List<SourceFeature> out = new ArrayList<>();
        long matched = -1;
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            f.setProperty(XMLInputFactory.IS_COALESCING, true);
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                if (r.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String local = r.getLocalName();
                if (local.equals("ExceptionReport")) {
                    throw new ReadException("io.error.wfs.exception", null, source, WfsCapabilities.exceptionText(r));
                }
                if (local.equals("FeatureCollection")) {
                    String m = r.getAttributeValue(null, "numberMatched");
                    matched = m == null || !m.chars().allMatch(Character::isDigit) ? -1 : Long.parseLong(m);
                } else if (local.equals("member") || local.equals("featureMember")) {
                    nextStart(r);
                    SourcePosition at = SourcePosition.feature(layer, firstNumber + out.size(), 0);
                    out.add(feature(r, at));
                } else if (local.equals("featureMembers")) {
                    while (nextStart(r)) {
                        SourcePosition at = SourcePosition.feature(layer, firstNumber + out.size(), 0);
                        out.add(feature(r, at));
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new ReadException("io.error.xml", e, source, e.getMessage());
        }
        return new Page(out, matched);
    }

    /** Moves to the next start element inside the current element; false when the element ends first. */
    private static boolean nextStart(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (e == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    /** Reads the feature element the reader is on, to its end. */
    private SourceFeature feature(XMLStreamReader r, SourcePosition at) throws XMLStreamException {
        Map<String, Object> attrs = new LinkedHashMap<>();
        Geometry geometry = null;
        String problem = null;
        while (nextStart(r)) {
            String property = r.getLocalName();
            boolean nil = "true".equals(r.getAttributeValue("http://www.w3.org/2001/XMLSchema-instance", "nil"));
            StringBuilder text = new StringBuilder();
            boolean hasGeometry = false;
            int depth = 1;
            while (depth > 0) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    if (isGml(r) && !hasGeometry && depth == 1) {
                        hasGeometry = true;
                        try {
                            Geometry g = geometry(r, new ArrayDeque<>(List.of(defaultCrs == null ? "" : defaultCrs)));
                            if (geometry == null && !property.equals("boundedBy")) {
                                geometry = g;
                            }
                        } catch (IllegalArgumentException bad) {
                            problem = bad.getMessage();
                        }
                    } else {
                        depth++;
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                } else if (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                }
            }
            if (!hasGeometry) {
                attrs.put(property, nil ? null : value(property, text.toString().trim()));
            }
        }
        if (problem != null) {
            return SourceFeature.unreadable(new ReadException(at, "io.error.geometry", null, problem));
        }
        return SourceFeature.of(geometry, attrs, at);
    }

    private static boolean isGml(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return ns != null && ns.startsWith("http://www.opengis.net/gml");
    }

    private Object value(String property, String text) {
        FieldType t = types.get(property);
        if (text.isEmpty()) {
            return t == FieldType.TEXT || t == null ? text : null;
        }
        try {
            switch (t == null ? FieldType.TEXT : t) {
                case INTEGER:
                    return Long.parseLong(text);
                case REAL:
                    return Double.parseDouble(text);
                case BOOLEAN:
                    return text.equals("true") || text.equals("1");
                default:
                    return text;
            }
        } catch (NumberFormatException e) {
            return text;
        }
    }

    /** Reads the geometry element the reader is on, to its end; srs names stack from outside in. */
    private Geometry geometry(XMLStreamReader r, Deque<String> srs) throws XMLStreamException {
        String name = r.getLocalName();
        String srsName = r.getAttributeValue(null, "srsName");
        srs.push(srsName != null ? srsName : srs.peek());
        int dimension = dimension(r, 2);
        try {
            switch (name) {
                case "Point": {
                    List<Coordinate> c = positions(r, srs.peek(), dimension);
                    return c.isEmpty() ? factory.createPoint() : factory.createPoint(c.get(0));
                }
                case "LineString":
                case "LinearRing":
                case "LineStringSegment": {
                    List<Coordinate> c = positions(r, srs.peek(), dimension);
                    return name.equals("LinearRing") ? factory.createLinearRing(c.toArray(new Coordinate[0]))
                            : factory.createLineString(c.toArray(new Coordinate[0]));
                }
                case "Polygon":
                case "PolygonPatch":
                    return polygon(r, srs);
                default:
                    // members sit in wrappers (surfaceMember, segments, patches, ...): read every geometry inside
                    List<Geometry> parts = new ArrayList<>();
                    int depth = 1;
                    while (depth > 0) {
                        int e = r.next();
                        if (e == XMLStreamConstants.START_ELEMENT) {
                            if (isGml(r) && isGeometry(r.getLocalName())) {
                                parts.add(geometry(r, srs));
                            } else {
                                depth++;
                            }
                        } else if (e == XMLStreamConstants.END_ELEMENT) {
                            depth--;
                        }
                    }
                    return collect(name, parts);
            }
        } finally {
            srs.pop();
        }
    }

    private static boolean isGeometry(String local) {
        return Character.isUpperCase(local.charAt(0)) && !local.equals("Envelope");
    }

    /** Members of a Multi*, Curve or Surface, read through their member/segment/patch wrappers. */
    private Geometry collect(String name, List<Geometry> parts) {
        switch (name) {
            case "Curve":
                return join(parts);
            case "Surface":
                return parts.size() == 1 ? parts.get(0) : factory.createMultiPolygon(parts.toArray(new Polygon[0]));
            case "MultiPoint":
                return factory.createMultiPoint(parts.toArray(new Point[0]));
            case "MultiCurve":
            case "MultiLineString": {
                LineString[] lines = new LineString[parts.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = (LineString) parts.get(i);
                }
                return factory.createMultiLineString(lines);
            }
            case "MultiSurface":
            case "MultiPolygon": {
                List<Polygon> polys = new ArrayList<>();
                for (Geometry g : parts) {
                    for (int i = 0; i < g.getNumGeometries(); i++) {
                        polys.add((Polygon) g.getGeometryN(i));
                    }
                }
                return factory.createMultiPolygon(polys.toArray(new Polygon[0]));
            }
            case "MultiGeometry":
                return factory.createGeometryCollection(parts.toArray(new Geometry[0]));
            default:
                throw new IllegalArgumentException("GML geometry " + name + " is not supported");
        }
    }

    private LineString join(List<Geometry> segments) {
        List<Coordinate> all = new ArrayList<>();
        for (Geometry s : segments) {
            for (Coordinate c : s.getCoordinates()) {
                if (all.isEmpty() || !all.get(all.size() - 1).equals2D(c)) {
                    all.add(c);
                }
            }
        }
        return factory.createLineString(all.toArray(new Coordinate[0]));
    }

    private Polygon polygon(XMLStreamReader r, Deque<String> srs) throws XMLStreamException {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        while (nextStart(r)) {
            String boundary = r.getLocalName();
            LinearRing ring = null;
            while (nextStart(r)) {
                Geometry g = geometry(r, srs);
                ring = g instanceof LinearRing lr ? lr : factory.createLinearRing(g.getCoordinates());
            }
            if (boundary.equals("exterior") || boundary.equals("outerBoundaryIs")) {
                shell = ring;
            } else if (ring != null) {
                holes.add(ring);
            }
        }
        return shell == null ? factory.createPolygon() : factory.createPolygon(shell, holes.toArray(new LinearRing[0]));
    }

    /** The positions inside a Point, LineString or LinearRing element (pos, posList, coordinates), to its end. */
    private List<Coordinate> positions(XMLStreamReader r, String srsName, int dimension) throws XMLStreamException {
        boolean swap = CrsIdentifier.parse(srsName).map(CrsIdentifier::swapsAxes).orElse(false);
        List<Coordinate> out = new ArrayList<>();
        while (nextStart(r)) {
            String local = r.getLocalName();
            int dim = dimension(r, dimension);
            if (local.equals("coordinates")) {
                for (String tuple : r.getElementText().trim().split("\\s+")) {
                    String[] xy = tuple.split(",");
                    add(out, Double.parseDouble(xy[0]), Double.parseDouble(xy[1]), swap);
                }
            } else if (local.equals("pos") || local.equals("posList")) {
                String text = r.getElementText().trim();
                if (text.isEmpty()) {
                    continue;
                }
                String[] v = text.split("\\s+");
                if (v.length % dim != 0) {
                    throw new IllegalArgumentException(local + " holds " + v.length + " numbers, not a multiple of " + dim);
                }
                for (int i = 0; i < v.length; i += dim) {
                    add(out, Double.parseDouble(v[i]), Double.parseDouble(v[i + 1]), swap);
                }
            } else if (local.equals("pointProperty") || local.equals("pointRep") || local.equals("Point")) {
                if (local.equals("Point")) {
                    out.addAll(positions(r, srsName, dim));
                } else {
                    while (nextStart(r)) {
                        out.addAll(positions(r, srsName, dim));
                    }
                }
            } else {
                skip(r);
            }
        }
        return out;
    }

    private static void add(List<Coordinate> out, double a, double b, boolean swap) {
        out.add(swap ? new Coordinate(b, a) : new Coordinate(a, b));
    }

    private static int dimension(XMLStreamReader r, int otherwise) {
        String d = r.getAttributeValue(null, "srsDimension");
        if (d == null) {
            d = r.getAttributeValue(null, "dimension");
        }
        try {
            return d == null ? otherwise : Integer.parseInt(d.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }
}
