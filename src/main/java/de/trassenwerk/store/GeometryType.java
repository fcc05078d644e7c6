package de.trassenwerk.store;

import java.util.Locale;
import org.locationtech.jts.geom.Geometry;

/** The geometry types a GeoPackage column may declare (OGC simple features). */
public enum GeometryType {
    GEOMETRY, POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION;

    /** Parses a declared type name such as {@code MULTIPOLYGON} or {@code MultiPolygon}. */
    public static GeometryType parse(String name) {
        String n = name.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        // Curve types of the GeoPackage non-linear geometry extension are read as their linear parents.
        switch (n) {
            case "CURVE": case "CIRCULARSTRING": case "COMPOUNDCURVE": return LINESTRING;
            case "SURFACE": case "CURVEPOLYGON": return POLYGON;
            case "MULTICURVE": return MULTILINESTRING;
            case "MULTISURFACE": return MULTIPOLYGON;
            default: return valueOf(n);
        }
    }

    /** The type of a JTS geometry. */
    public static GeometryType of(Geometry g) {
        return parse(g.getGeometryType());
    }

    /** Whether a geometry of type {@code actual} may be stored in a column declared as this type. */
    public boolean accepts(GeometryType actual) {
        if (this == GEOMETRY || this == actual) {
            return true;
        }
        return this == GEOMETRYCOLLECTION
                && (actual == MULTIPOINT || actual == MULTILINESTRING || actual == MULTIPOLYGON);
    }

    /** The name written into {@code gpkg_geometry_columns} and the table definition. */
    public String sqlName() {
        return name();
    }
}
