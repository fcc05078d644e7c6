package de.trassenwerk.crs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The coordinate systems Trassenwerk knows by EPSG code, with their WKT definitions. The project
 * CRS is ETRS89 / UTM zone 32N ({@link #PROJECT_SRS}, EPSG:25832), the NRW standard.
 */
public final class SpatialReferences {
    public static final int PROJECT_SRS = 25832;
    public static final int WGS84 = 4326;
    public static final int LAEA_EUROPE = 3035;

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
