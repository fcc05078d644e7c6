package de.trassenwerk.crs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the EPSG code of a WKT 1 coordinate system definition, such as a shapefile's {@code .prj}
 * (Esri form, usually without any EPSG code) or a GeoPackage's {@code gpkg_spatial_ref_sys} row. An
 * {@code AUTHORITY["EPSG", n]} on the whole system is taken as it is; otherwise the definition is
 * compared with every system of {@link SpatialReferences}: same kind (geographic or projected),
 * same datum family (WGS 84, ETRS89/GRS 80, DHDN/Bessel), same projection method and the same
 * parameters (central meridian, latitude of origin, scale, false easting and northing), metres as
 * unit. Names are not trusted, parameters are. Thread-safe.
 */
public final class WktCrsMatcher {
    private static final Map<Integer, Essence> KNOWN = new LinkedHashMap<>();

    static {
        for (int code : SpatialReferences.known()) {
            KNOWN.put(code, Essence.of(WktElement.parse(SpatialReferences.epsg(code).orElseThrow().definition())));
        }
    }

    private WktCrsMatcher() {
    }

    /** The EPSG code of the system {@code wkt} defines, when it is one Trassenwerk knows. */
    public static Optional<Integer> match(String wkt) {
        WktElement root = WktElement.parse(wkt.trim());
        Optional<WktElement> authority = root.child("AUTHORITY");
        if (authority.isPresent() && authority.get().text().equalsIgnoreCase("EPSG") && authority.get().values().size() > 1) {
            Object code = authority.get().values().get(1);
            int epsg = code instanceof Double d ? d.intValue() : parseInt(code.toString());
            if (epsg > 0 && CoordinateTransform.supports(epsg)) {
                return Optional.of(epsg);
            }
        }
        Essence e = Essence.of(root);
        if (e == null) {
            return Optional.empty();
        }
        for (Map.Entry<Integer, Essence> k : KNOWN.entrySet()) {
            if (k.getValue() != null && k.getValue().sameAs(e)) {
                return Optional.of(k.getKey());
            }
        }
        return Optional.empty();
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Datum families that decide between otherwise identical definitions. */
    private enum Datum { WGS84, ETRS89, DHDN, OTHER }

    /** What makes a coordinate system what it is, independent of names and WKT flavour. */
    private record Essence(boolean projected, Datum datum, String method, Map<String, Double> parameters) {

        static Essence of(WktElement root) {
            String kind = root.name();
            if (kind.equals("GEOGCS")) {
                return new Essence(false, datum(root), "", Map.of());
            }
            if (!kind.equals("PROJCS")) {
                return null;
            }
            WktElement geog = root.child("GEOGCS").orElse(null);
            WktElement projection = root.child("PROJECTION").orElse(null);
            WktElement unit = root.child("UNIT").orElse(null);
            if (geog == null || projection == null || (unit != null && Math.abs(unit.number(1) - 1) > 1e-9)) {
                return null;
            }
            String method = method(projection.text(), root);
            Map<String, Double> params = new LinkedHashMap<>(Map.of("lat0", 0.0, "lon0", 0.0, "k", 1.0, "x0", 0.0,
                    "y0", 0.0));
            for (WktElement p : root.children("PARAMETER")) {
                String key = parameter(p.text());
                if (key != null) {
                    params.put(key, p.number(1));
                }
            }
            return new Essence(true, method.equals("pseudo_mercator") ? Datum.WGS84 : datum(geog), method, params);
        }

        private static Datum datum(WktElement geog) {
            WktElement datum = geog.child("DATUM").orElse(null);
            String name = datum == null ? "" : normal(datum.text());
            if (name.contains("etrs") || name.contains("european_terrestrial") || name.contains("etrf")) {
                return Datum.ETRS89;
            }
            if (name.contains("wgs_1984") || name.contains("wgs84") || name.contains("world_geodetic_system_1984")) {
                return Datum.WGS84;
            }
            if (name.contains("deutsches_hauptdreiecksnetz") || name.contains("dhdn") || name.contains("potsdam")) {
                return Datum.DHDN;
            }
            WktElement spheroid = datum == null ? null : datum.child("SPHEROID").orElse(null);
            if (spheroid != null) {
                double a = spheroid.number(1);
                double rf = spheroid.number(2);
                if (Math.abs(a - 6377397.155) < 0.01 && Math.abs(rf - 299.1528128) < 1e-6) {
                    return Datum.DHDN;
                }
                if (Math.abs(a - 6378137) < 0.01 && Math.abs(rf - 298.257222101) < 1e-8) {
                    return Datum.ETRS89;
                }
                if (Math.abs(a - 6378137) < 0.01 && Math.abs(rf - 298.257223563) < 1e-8) {
                    return Datum.WGS84;
                }
            }
            return Datum.OTHER;
        }

        private static String method(String projection, WktElement root) {
            String m = normal(projection);
            String name = normal(root.text());
            if (m.equals("mercator_auxiliary_sphere") || m.contains("pseudo_mercator")
                    || (m.startsWith("mercator") && (name.contains("pseudo") || name.contains("web_mercator")))) {
                return "pseudo_mercator";
            }
            if (m.equals("gauss_kruger")) {
                return "transverse_mercator";
            }
            return m;
        }

        private static String parameter(String name) {
            switch (normal(name)) {
                case "latitude_of_origin": case "latitude_of_center": return "lat0";
                case "central_meridian": case "longitude_of_center": case "longitude_of_origin": return "lon0";
                case "scale_factor": return "k";
                case "false_easting": return "x0";
                case "false_northing": return "y0";
                default: return null;
            }
        }

        private static String normal(String s) {
            return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        }

        boolean sameAs(Essence o) {
            if (projected != o.projected || datum != o.datum || !method.equals(o.method)) {
                return false;
            }
            for (String key : List.of("lat0", "lon0", "k", "x0", "y0")) {
                double a = parameters.getOrDefault(key, 0.0);
                double b = o.parameters.getOrDefault(key, 0.0);
                double tolerance = key.equals("x0") || key.equals("y0") ? 1e-3 : 1e-9;
                if (!(Math.abs(a - b) <= tolerance)) {
                    return false;
                }
            }
            return true;
        }
    }
}
