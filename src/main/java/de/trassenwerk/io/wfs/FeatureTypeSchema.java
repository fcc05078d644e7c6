package de.trassenwerk.io.wfs;

import de.trassenwerk.io.ReadException;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeometryType;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The fields of a WFS feature type from its DescribeFeatureType XML schema: each element of the
 * type's sequence with its XML Schema type (string, int, double, boolean, date, dateTime; an
 * inline restriction counts as its base) or, for the geometry, its GML property type
 * (PointPropertyType, MultiSurfacePropertyType, ...). Immutable.
 */
record FeatureTypeSchema(List<FieldInfo> fields, String geometryField, GeometryType geometryType) {

    FeatureTypeSchema {
        fields = List.copyOf(fields);
    }

    static FeatureTypeSchema parse(byte[] xsd, String source) {
        List<FieldInfo> fields = new ArrayList<>();
        String geometryField = null;
        GeometryType geometryType = GeometryType.GEOMETRY;
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader r = f.createXMLStreamReader(new ByteArrayInputStream(xsd));
            int complexDepth = 0;
            String pending = null;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    String local = r.getLocalName();
                    if (local.equals("ExceptionReport")) {
                        throw new ReadException("io.error.wfs.exception", null, source, WfsCapabilities.exceptionText(r));
                    }
                    if (local.equals("complexType")) {
                        complexDepth++;
                    } else if (local.equals("element") && complexDepth > 0) {
                        String name = r.getAttributeValue(null, "name");
                        String type = r.getAttributeValue(null, "type");
                        if (name == null) {
                            continue;
                        }
                        GeometryType g = geometry(type);
                        if (g != null) {
                            if (geometryField == null) {
                                geometryField = name;
                                geometryType = g;
                            }
                        } else if (type != null) {
                            fields.add(FieldInfo.of(name, fieldType(type)));
                        } else {
                            pending = name;
                        }
                    } else if (local.equals("restriction") && pending != null) {
                        fields.add(FieldInfo.of(pending, fieldType(r.getAttributeValue(null, "base"))));
                        pending = null;
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    if (r.getLocalName().equals("complexType")) {
                        complexDepth--;
                    } else if (r.getLocalName().equals("element") && pending != null) {
                        fields.add(FieldInfo.of(pending, FieldType.TEXT));
                        pending = null;
                    }
                }
            }
        } catch (XMLStreamException e) {
            throw new ReadException("io.error.xml", e, source, e.getMessage());
        }
        return new FeatureTypeSchema(fields, geometryField, geometryType);
    }

    private static String local(String qname) {
        return qname == null ? "" : qname.substring(qname.indexOf(':') + 1);
    }

    private static GeometryType geometry(String type) {
        String t = local(type);
        if (!t.endsWith("PropertyType")) {
            return null;
        }
        switch (t) {
            case "PointPropertyType": return GeometryType.POINT;
            case "MultiPointPropertyType": return GeometryType.MULTIPOINT;
            case "LineStringPropertyType": case "CurvePropertyType": return GeometryType.LINESTRING;
            case "MultiLineStringPropertyType": case "MultiCurvePropertyType": return GeometryType.MULTILINESTRING;
            case "PolygonPropertyType": case "SurfacePropertyType": return GeometryType.POLYGON;
            case "MultiPolygonPropertyType": case "MultiSurfacePropertyType": return GeometryType.MULTIPOLYGON;
            case "GeometryPropertyType": case "MultiGeometryPropertyType": case "GeometryCollectionPropertyType":
                return GeometryType.GEOMETRY;
            default:
                return null;
        }
    }

    private static FieldType fieldType(String type) {
        switch (local(type).toLowerCase(Locale.ROOT)) {
            case "int": case "integer": case "long": case "short": case "byte": case "nonnegativeinteger":
            case "positiveinteger": case "unsignedint": case "unsignedshort": case "unsignedlong":
                return FieldType.INTEGER;
            case "double": case "decimal": case "float":
                return FieldType.REAL;
            case "boolean":
                return FieldType.BOOLEAN;
            case "date":
                return FieldType.DATE;
            case "datetime":
                return FieldType.DATETIME;
            default:
                return FieldType.TEXT;
        }
    }
}
