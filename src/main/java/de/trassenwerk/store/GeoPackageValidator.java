package de.trassenwerk.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks a GeoPackage against the requirements of the OGC GeoPackage abstract test suite (spec
 * Annex A) for Core, Features and the R-tree spatial index extension, plus the validity of every
 * geometry (JTS {@link IsValidOp}). Reads only; the file is opened read-only by the caller.
 */
public final class GeoPackageValidator {
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");
    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-zA-Z0-9]+_[a-zA-Z0-9_]+");
    private static final Set<String> COLUMN_TYPES = Set.of("BOOLEAN", "TINYINT", "SMALLINT", "MEDIUMINT", "INT",
            "INTEGER", "FLOAT", "DOUBLE", "REAL", "TEXT", "BLOB", "DATE", "DATETIME", "GEOMETRY", "POINT",
            "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

    /** One problem: the layer and feature it concerns (null / 0 for the file as a whole) and what is wrong. */
    public record Problem(String layer, long fid, String message) {
        @Override
        public String toString() {
            if (layer == null) {
                return message;
            }
            return fid > 0 ? layer + ": fid " + fid + ": " + message : layer + ": " + message;
        }
    }

    private final GeoPackageStore store;
    private final List<Problem> problems = new ArrayList<>();
    private final int maxPerLayer;

    private GeoPackageValidator(GeoPackageStore store, int maxPerLayer) {
        this.store = store;
        this.maxPerLayer = maxPerLayer;
    }

    /** Every problem found, file-level ones first, at most {@code maxPerLayer} per layer and kind. */
    public static List<Problem> validate(GeoPackageStore store, int maxPerLayer) {
        GeoPackageValidator v = new GeoPackageValidator(store, maxPerLayer);
        v.run();
        return v.problems;
    }

    private void file(String message) {
        problems.add(new Problem(null, 0, message));
    }

    private void run() {
        int appId = store.query("PRAGMA application_id", rs -> rs.next() ? rs.getInt(1) : 0);
        int userVersion = store.query("PRAGMA user_version", rs -> rs.next() ? rs.getInt(1) : 0);
        if (appId != GeoPackageStore.APPLICATION_ID && appId != 0x47503130 && appId != 0x47503131) {
            file(String.format(Locale.ROOT, "application_id is 0x%08X, not 0x47504B47 ('GPKG') (Req 2)", appId));
        } else if (appId == GeoPackageStore.APPLICATION_ID && userVersion < 10200) {
            file("user_version " + userVersion + " is not a GeoPackage version (10200 or later) (Req 2)");
        }
        String integrity = store.query("PRAGMA integrity_check", rs -> {
            StringBuilder sb = new StringBuilder();
            while (rs.next()) {
                sb.append(sb.length() == 0 ? "" : "; ").append(rs.getString(1));
            }
            return sb.toString();
        });
        if (!"ok".equals(integrity)) {
            file("PRAGMA integrity_check: " + integrity + " (Req 6)");
        }
        store.query("PRAGMA foreign_key_check", rs -> {
            while (rs.next()) {
                file("foreign key violation in " + rs.getString(1) + " row " + rs.getLong(2) + " -> " + rs.getString(3)
                        + " (Req 7)");
            }
            return null;
        });
        Set<String> tables = names("SELECT name FROM sqlite_master WHERE type IN ('table','view')");
        checkSpatialRefSys(tables);
        if (!tables.contains("gpkg_contents")) {
            file("table gpkg_contents is missing (Req 13)");
            return;
        }
        Map<String, String[]> contents = checkContents(tables);
        checkGeometryColumns(tables, contents);
        checkExtensions(tables);
        for (Map.Entry<String, String[]> e : contents.entrySet()) {
            if ("features".equals(e.getValue()[0]) && store.hasLayer(e.getKey())) {
                checkFeatureTable(store.schema(e.getKey()));
            }
        }
    }

    private Set<String> names(String sql) {
        return store.query(sql, rs -> {
            Set<String> out = new HashSet<>();
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
            return out;
        });
    }

    private void checkSpatialRefSys(Set<String> tables) {
        if (!tables.contains("gpkg_spatial_ref_sys")) {
            file("table gpkg_spatial_ref_sys is missing (Req 10)");
            return;
        }
        Set<String> ids = names("SELECT CAST(srs_id AS TEXT) FROM gpkg_spatial_ref_sys");
        for (String required : new String[] {"4326", "-1", "0"}) {
            if (!ids.contains(required)) {
                file("gpkg_spatial_ref_sys has no row for srs_id " + required + " (Req 11)");
            }
        }
        store.query("SELECT srs_id, definition FROM gpkg_spatial_ref_sys", rs -> {
            while (rs.next()) {
                int id = rs.getInt(1);
                String def = rs.getString(2);
                if (id > 0 && (def == null || def.isBlank() || def.equalsIgnoreCase("undefined"))) {
                    file("gpkg_spatial_ref_sys srs_id " + id + " has no WKT definition (Req 11)");
                }
            }
            return null;
        });
    }

    /** Checks gpkg_contents; returns table name (lower case) to {data_type, srs_id}. */
    private Map<String, String[]> checkContents(Set<String> tables) {
        Map<String, String[]> contents = new HashMap<>();
        store.query("SELECT table_name, data_type, last_change, srs_id, min_x, min_y, max_x, max_y FROM gpkg_contents",
                rs -> {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String type = rs.getString(2);
                    contents.put(table.toLowerCase(Locale.ROOT), new String[] {type, rs.getString(4)});
                    if (!tables.contains(table.toLowerCase(Locale.ROOT))) {
                        problems.add(new Problem(table, 0, "listed in gpkg_contents but no such table (Req 14)"));
                    }
                    String change = rs.getString(3);
                    if (change == null || !TIMESTAMP.matcher(change).matches()) {
                        problems.add(new Problem(table, 0, "gpkg_contents.last_change '" + change
                                + "' is not an ISO 8601 UTC timestamp (Req 15)"));
                    }
                }
                return null;
            });
        return contents;
    }

    private void checkGeometryColumns(Set<String> tables, Map<String, String[]> contents) {
        boolean anyFeatures = contents.values().stream().anyMatch(v -> "features".equals(v[0]));
        if (!tables.contains("gpkg_geometry_columns")) {
            if (anyFeatures) {
                file("table gpkg_geometry_columns is missing (Req 21)");
            }
            return;
        }
        Set<String> srsIds = names("SELECT CAST(srs_id AS TEXT) FROM gpkg_spatial_ref_sys");
        Set<String> withColumn = new HashSet<>();
        store.query("SELECT table_name, column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns", rs -> {
            while (rs.next()) {
                String table = rs.getString(1);
                String lower = table.toLowerCase(Locale.ROOT);
                withColumn.add(lower);
                String[] c = contents.get(lower);
                if (c == null || !"features".equals(c[0])) {
                    problems.add(new Problem(table, 0, "in gpkg_geometry_columns but not a features row of "
                            + "gpkg_contents (Req 23)"));
                }
                try {
                    GeometryType.parse(rs.getString(3));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(table, 0, "unknown geometry_type_name '" + rs.getString(3) + "' (Req 25)"));
                }
                if (!srsIds.contains(rs.getString(4))) {
                    problems.add(new Problem(table, 0, "srs_id " + rs.getString(4) + " not in gpkg_spatial_ref_sys (Req 26)"));
                }
                if (c != null && c[1] != null && !c[1].equals(rs.getString(4))) {
                    problems.add(new Problem(table, 0, "srs_id differs between gpkg_contents (" + c[1]
                            + ") and gpkg_geometry_columns (" + rs.getString(4) + ") (Req 146)"));
                }
                for (int col : new int[] {5, 6}) {
                    int v = rs.getInt(col);
                    if (v < 0 || v > 2) {
                        problems.add(new Problem(table, 0, (col == 5 ? "z" : "m") + " is " + v + ", not 0, 1 or 2 (Req 27/28)"));
                    }
                }
            }
            return null;
        });
        for (Map.Entry<String, String[]> e : contents.entrySet()) {
            if ("features".equals(e.getValue()[0]) && !withColumn.contains(e.getKey())) {
                problems.add(new Problem(e.getKey(), 0, "features table without a gpkg_geometry_columns row (Req 22)"));
            }
        }
    }

    private void checkExtensions(Set<String> tables) {
        if (!tables.contains("gpkg_extensions")) {
            return;
        }
        store.query("SELECT table_name, column_name, extension_name, definition, scope FROM gpkg_extensions", rs -> {
            while (rs.next()) {
                String name = rs.getString(3);
                String scope = rs.getString(5);
                if (name == null || !EXTENSION_NAME.matcher(name).matches()) {
                    file("gpkg_extensions: extension_name '" + name + "' is not <author>_<extension> (Req 80)");
                }
                if (!"read-write".equals(scope) && !"write-only".equals(scope)) {
                    file("gpkg_extensions: scope '" + scope + "' of " + name + " is not read-write or write-only (Req 82)");
                }
                if (RTreeIndex.EXTENSION.equals(name) && !"write-only".equals(scope)) {
                    problems.add(new Problem(rs.getString(1), 0, "R-tree extension scope must be write-only (Req 78)"));
                }
            }
            return null;
        });
    }

    private void checkFeatureTable(LayerSchema s) {
        String table = s.name();
        store.query("PRAGMA table_info(" + SqlValues.quote(table) + ")", rs -> {
            boolean integerKey = false;
            while (rs.next()) {
                String type = rs.getString("type").toUpperCase(Locale.ROOT).replaceAll("\\(\\d+\\)$", "");
                if (rs.getInt("pk") > 0 && type.equals("INTEGER")) {
                    integerKey = true;
                }
                if (!COLUMN_TYPES.contains(type)) {
                    problems.add(new Problem(table, 0, "column " + rs.getString("name") + " has type '" + rs.getString("type")
                            + "', not a GeoPackage data type (Req 5)"));
                }
            }
            if (!integerKey) {
                problems.add(new Problem(table, 0, "no INTEGER PRIMARY KEY column (Req 29)"));
            }
            return null;
        });
        if (!s.hasGeometry()) {
            return;
        }
        boolean hasIndex = store.query("SELECT count(*) FROM gpkg_extensions WHERE lower(table_name) = lower('"
                + table.replace("'", "''") + "') AND extension_name = 'gpkg_rtree_index'",
                rs -> rs.next() && rs.getInt(1) > 0);
        Map<Long, Envelope> envelopes = checkGeometries(s);
        if (hasIndex) {
            checkRTree(s, envelopes);
        }
    }

    /** Checks every geometry blob; returns the envelopes of the non-empty ones by fid. */
    private Map<Long, Envelope> checkGeometries(LayerSchema s) {
        Map<Long, Envelope> envelopes = new HashMap<>();
        int[] reported = new int[3];
        List<long[]> invalidFids = new ArrayList<>();
        List<String> invalidReasons = new ArrayList<>();
        store.query("SELECT " + SqlValues.quote(s.idColumn()) + ", " + SqlValues.quote(s.geometryColumn()) + " FROM "
                + SqlValues.quote(s.name()), rs -> {
                List<Long> batchFids = new ArrayList<>();
                List<Geometry> batch = new ArrayList<>();
                while (rs.next()) {
                    long fid = rs.getLong(1);
                    byte[] blob = rs.getBytes(2);
                    if (blob == null) {
                        continue;
                    }
                    Geometry g;
                    try {
                        GeoPackageGeometry.Header h = GeoPackageGeometry.header(blob);
                        if (h.version() != 0) {
                            report(s, fid, reported, 0, "geometry blob version " + h.version() + " is not 0 (Req 19)");
                        }
                        if (h.srsId() != s.srsId()) {
                            report(s, fid, reported, 0, "geometry srs_id " + h.srsId() + " differs from the column's "
                                    + s.srsId() + " (Req 33)");
                        }
                        g = GeoPackageGeometry.decode(blob);
                    } catch (IllegalArgumentException e) {
                        report(s, fid, reported, 0, "not a GeoPackage geometry: " + e.getMessage() + " (Req 19)");
                        continue;
                    }
                    if (!s.geometryType().accepts(GeometryType.of(g))) {
                        report(s, fid, reported, 1, GeometryType.of(g) + " in a column declared " + s.geometryType()
                                + " (Req 32)");
                    }
                    if (!g.isEmpty()) {
                        envelopes.put(fid, g.getEnvelopeInternal());
                        batchFids.add(fid);
                        batch.add(g);
                    }
                    if (batch.size() >= 20000) {
                        checkValidity(batchFids, batch, invalidFids, invalidReasons);
                        batchFids.clear();
                        batch.clear();
                    }
                }
                checkValidity(batchFids, batch, invalidFids, invalidReasons);
                return null;
            });
        for (int i = 0; i < invalidFids.size(); i++) {
            report(s, invalidFids.get(i)[0], reported, 2, "invalid geometry: " + invalidReasons.get(i));
        }
        return envelopes;
    }

    private static void checkValidity(List<Long> fids, List<Geometry> geoms, List<long[]> invalidFids,
            List<String> reasons) {
        String[] result = new String[geoms.size()];
        java.util.stream.IntStream.range(0, geoms.size()).parallel().forEach(i -> {
            TopologyValidationError err = new IsValidOp(geoms.get(i)).getValidationError();
            if (err != null) {
                result[i] = err.toString();
            }
        });
        for (int i = 0; i < result.length; i++) {
            if (result[i] != null) {
                invalidFids.add(new long[] {fids.get(i)});
                reasons.add(result[i]);
            }
        }
    }

    private void report(LayerSchema s, long fid, int[] reported, int kind, String message) {
        if (reported[kind]++ < maxPerLayer) {
            problems.add(new Problem(s.name(), fid, message));
        } else if (reported[kind] == maxPerLayer + 1) {
            problems.add(new Problem(s.name(), 0, "more problems of this kind are not listed"));
        }
    }

    private void checkRTree(LayerSchema s, Map<Long, Envelope> envelopes) {
        String rtree = RTreeIndex.tableName(s);
        Set<String> tables = names("SELECT name FROM sqlite_master WHERE type = 'table'");
        if (!tables.contains(rtree.toLowerCase(Locale.ROOT))) {
            problems.add(new Problem(s.name(), 0, "registered R-tree table " + rtree + " is missing (Req 77)"));
            return;
        }
        Set<String> triggers = names("SELECT name FROM sqlite_master WHERE type = 'trigger'");
        for (String suffix : RTreeIndex.TRIGGER_SUFFIXES) {
            if (!triggers.contains((rtree + "_" + suffix).toLowerCase(Locale.ROOT))) {
                problems.add(new Problem(s.name(), 0, "R-tree trigger " + rtree + "_" + suffix + " is missing (Req 77)"));
            }
        }
        int[] reported = new int[1];
        Set<Long> seen = new HashSet<>();
        store.query("SELECT id, minx, maxx, miny, maxy FROM " + SqlValues.quote(rtree), rs -> {
            while (rs.next()) {
                long id = rs.getLong(1);
                seen.add(id);
                Envelope e = envelopes.get(id);
                if (e == null) {
                    report(s, id, reported, 0, "R-tree entry without a non-empty geometry (Req 77)");
                } else if (!covers(rs, e)) {
                    report(s, id, reported, 0, "R-tree bounds do not cover the geometry (Req 77)");
                }
            }
            return null;
        });
        for (Long fid : envelopes.keySet()) {
            if (!seen.contains(fid)) {
                report(s, fid, reported, 0, "geometry missing from the R-tree index (Req 77)");
            }
        }
    }

    /** R-tree values are 32-bit floats rounded outwards: allow for that. */
    private static boolean covers(ResultSet rs, Envelope e) throws SQLException {
        double tol = 1e-6 * Math.max(1, Math.max(Math.abs(e.getMaxX()), Math.abs(e.getMaxY())));
        return rs.getDouble(2) <= e.getMinX() + tol && rs.getDouble(3) >= e.getMaxX() - tol
                && rs.getDouble(4) <= e.getMinY() + tol && rs.getDouble(5) >= e.getMaxY() - tol;
    }
}
