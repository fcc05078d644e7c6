package de.trassenwerk.crs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The coordinate systems Trassenwerk knows by EPSG code, with their WKT definitions (written into
 * GeoPackages) and PROJ.4 definitions (used for transforms). The project CRS is ETRS89 / UTM zone
 * 32N ({@link #PROJECT_SRS}, EPSG:25832), the NRW standard. Immutable, thread-safe.
 */
public final class SpatialReferences {
    public static final int PROJECT_SRS = 25832;
    public static final int WGS84 = 4326;
    public static final int ETRS89 = 4258;
    public static final int LAEA_EUROPE = 3035;
    public static final int WEB_MERCATOR = 3857;
    public static final int UTM33 = 25833;
    /** ETRS89 / UTM zone 32N with the zone number 32 in front of the easting (NRW cities). */
    public static final int UTM32_ZONE_PREFIX = 4647;
    /** DHDN / Gauss-Krüger zone 2 (western NRW, Duisburg). */
    public static final int GK2 = 31466;
    /** DHDN / Gauss-Krüger zone 3 (eastern NRW). */
    public static final int GK3 = 31467;

    private static final Properties EPSG = load();

    private SpatialReferences() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = SpatialReferences.class.getResourceAsStream("epsg.properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The EPSG system with this code, when it is one Trassenwerk knows. */
    public static Optional<SpatialReference> epsg(int code) {
        String wkt = EPSG.getProperty(code + ".wkt");
        if (wkt == null) {
            return Optional.empty();
        }
        return Optional.of(new SpatialReference(code, EPSG.getProperty(code + ".name"), "EPSG", code, wkt, null));
    }

    /** The codes of every system Trassenwerk knows, ascending. */
    public static List<Integer> known() {
        TreeSet<Integer> codes = new TreeSet<>();
        for (String key : EPSG.stringPropertyNames()) {
            if (key.endsWith(".wkt")) {
                codes.add(Integer.parseInt(key.substring(0, key.indexOf('.'))));
            }
        }
        return List.copyOf(codes);
    }

    /** The PROJ.4 definition Trassenwerk transforms with, for the systems it knows. */
    static Optional<String> proj4(int code) {
        return Optional.ofNullable(EPSG.getProperty(code + ".proj4"));
    }

    /**
     * For a system that is another one shifted (EPSG:4647 is EPSG:25832 with 32 000 000 added to
     * the easting): that system's code and the shift in x; empty for all others.
     */
    static Optional<double[]> shifted(int code) {
        String base = EPSG.getProperty(code + ".base");
        if (base == null) {
            return Optional.empty();
        }
        return Optional.of(new double[] {Integer.parseInt(base), Double.parseDouble(EPSG.getProperty(code + ".shift_x"))});
    }

    /**
     * Whether the EPSG definition puts the northing (or latitude) first: true for 4326, 4258, 3035,
     * 31466 and 31467. Matters only where a format follows the authority's axis order (GML with
     * URN srsNames); everything inside Trassenwerk is easting/longitude first.
     */
    public static boolean northingFirst(int code) {
        String wkt = EPSG.getProperty(code + ".wkt");
        if (wkt == null) {
            return false;
        }
        int axis = wkt.indexOf("AXIS[");
        return axis >= 0 && wkt.startsWith("NORTH", wkt.indexOf(',', axis) + 1);
    }

    /** Whether coordinates of this system are degrees of longitude and latitude. */
    public static boolean isGeographic(int code) {
        String wkt = EPSG.getProperty(code + ".wkt");
        return wkt != null && wkt.startsWith("GEOGCS");
    }

    /** The two rows every GeoPackage must have besides EPSG:4326 (spec requirement 11). */
    public static SpatialReference undefinedCartesian() {
        return new SpatialReference(-1, "Undefined cartesian SRS", "NONE", -1, "undefined",
                "undefined cartesian coordinate reference system");
    }

    public static SpatialReference undefinedGeographic() {
        return new SpatialReference(0, "Undefined geographic SRS", "NONE", 0, "undefined",
                "undefined geographic coordinate reference system");
    }
}
