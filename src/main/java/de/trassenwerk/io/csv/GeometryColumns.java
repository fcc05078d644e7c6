package de.trassenwerk.io.csv;

import de.trassenwerk.io.ReadException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/**
 * Which columns of a CSV hold the geometry: a WKT column, or an x and a y column. Given by the user
 * or found by common names: wkt, geometry, geom, the_geom, geometrie; lon/lat, lng/lat,
 * longitude/latitude, Länge/Breite; x/y, easting/northing, Rechtswert/Hochwert, RW/HW,
 * Ostwert/Nordwert. Longitude/latitude names mean degrees (EPSG:4326). Immutable.
 *
 * @param wkt index of the WKT column, or -1
 * @param x index of the x column, or -1
 * @param y index of the y column, or -1
 * @param degreesByName whether the names say longitude/latitude
 */
record GeometryColumns(int wkt, int x, int y, boolean degreesByName) {
    private static final List<String> WKT_NAMES = List.of("wkt", "geometry", "geom", "thegeom", "wktgeom", "geometrie",
            "shape", "geometriewkt");
    private static final String[][] DEGREE_PAIRS = {{"lon", "lat"}, {"lng", "lat"}, {"long", "lat"},
        {"longitude", "latitude"}, {"laenge", "breite"}, {"geolaenge", "geobreite"}, {"lambda", "phi"}};
    private static final String[][] PROJECTED_PAIRS = {{"x", "y"}, {"easting", "northing"}, {"east", "north"},
        {"rechtswert", "hochwert"}, {"rw", "hw"}, {"ostwert", "nordwert"}, {"xkoordinate", "ykoordinate"},
        {"xcoord", "ycoord"}, {"koordx", "koordy"}, {"utmost", "utmnord"}, {"utme", "utmn"}};

    boolean isWkt() {
        return wkt >= 0;
    }

    /** Finds the columns among {@code headers}; {@link ReadException} naming the headers when there are none. */
    static GeometryColumns find(String file, List<String> headers, String xField, String yField, String wktField) {
        if (wktField != null) {
            return new GeometryColumns(index(file, headers, wktField), -1, -1, false);
        }
        if (xField != null && yField != null) {
            int x = index(file, headers, xField);
            int y = index(file, headers, yField);
            return new GeometryColumns(-1, x, y, isDegreePair(normal(xField), normal(yField)));
        }
        for (String[] pair : DEGREE_PAIRS) {
            GeometryColumns c = pair(headers, pair, true);
            if (c != null) {
                return c;
            }
        }
        for (String[] pair : PROJECTED_PAIRS) {
            GeometryColumns c = pair(headers, pair, false);
            if (c != null) {
                return c;
            }
        }
        for (int i = 0; i < headers.size(); i++) {
            if (WKT_NAMES.contains(normal(headers.get(i)))) {
                return new GeometryColumns(i, -1, -1, false);
            }
        }
        throw new ReadException("io.error.csv.noGeometry", null, file, String.join(", ", headers));
    }

    private static boolean isDegreePair(String x, String y) {
        for (String[] pair : DEGREE_PAIRS) {
            if (pair[0].equals(x) && pair[1].equals(y)) {
                return true;
            }
        }
        return false;
    }

    private static GeometryColumns pair(List<String> headers, String[] names, boolean degrees) {
        int x = -1;
        int y = -1;
        for (int i = 0; i < headers.size(); i++) {
            String n = normal(headers.get(i));
            if (n.equals(names[0]) && x < 0) {
                x = i;
            } else if (n.equals(names[1]) && y < 0) {
                y = i;
            }
        }
        return x >= 0 && y >= 0 ? new GeometryColumns(-1, x, y, degrees) : null;
    }

    private static int index(String file, List<String> headers, String name) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).trim().equalsIgnoreCase(name.trim())) {
                return i;
            }
        }
        throw new ReadException("io.error.csv.noColumn", null, file, name, String.join(", ", headers));
    }

    /** Lower case, umlauts spelled out, accents, spaces, underscores and punctuation removed. */
    static String normal(String name) {
        String n = name.trim().toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        n = Normalizer.normalize(n, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.replaceAll("[^a-z0-9]", "");
    }
}
