package de.trassenwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The GeoPackage R-tree spatial index extension ({@code gpkg_rtree_index}, spec Annex F.3): a
 * virtual table {@code rtree_<table>_<column>} kept up to date by six triggers, registered in
 * {@code gpkg_extensions}. The triggers call the ST_ functions of {@link GeoPackageFunctions}.
 */
final class RTreeIndex {
    static final String EXTENSION = "gpkg_rtree_index";
    static final String DEFINITION = "http://www.geopackage.org/spec120/#extension_rtree";
    static final String[] TRIGGER_SUFFIXES = {"insert", "update1", "update2", "update3", "update4", "delete"};

    private RTreeIndex() {
    }

    static String tableName(LayerSchema s) {
        return "rtree_" + s.name() + "_" + s.geometryColumn();
    }

    static boolean exists(Connection c, LayerSchema s) {
        if (!s.hasGeometry()) {
            return false;
        }
        try (PreparedStatement p = c.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND lower(name) = lower(?)")) {
            p.setString(1, tableName(s));
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** Creates the index table, its triggers and the extension row (inside the caller's transaction). */
    static void create(Connection c, LayerSchema s) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE VIRTUAL TABLE " + SqlValues.quote(tableName(s))
                    + " USING rtree(id, minx, maxx, miny, maxy)");
        }
        createTriggers(c, s);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_extensions (table_name, column_name, "
                + "extension_name, definition, scope) VALUES (?, ?, ?, ?, 'write-only')")) {
            p.setString(1, s.name());
            p.setString(2, s.geometryColumn());
            p.setString(3, EXTENSION);
            p.setString(4, DEFINITION);
            p.executeUpdate();
        }
    }

    static void createTriggers(Connection c, LayerSchema s) throws SQLException {
        String t = SqlValues.quote(s.name());
        String g = SqlValues.quote(s.geometryColumn());
        String i = SqlValues.quote(s.idColumn());
        String r = SqlValues.quote(tableName(s));
        String values = "VALUES (NEW." + i + ", ST_MinX(NEW." + g + "), ST_MaxX(NEW." + g + "), ST_MinY(NEW." + g
                + "), ST_MaxY(NEW." + g + "))";
        String notEmpty = "(NEW." + g + " NOT NULL AND NOT ST_IsEmpty(NEW." + g + "))";
        String empty = "(NEW." + g + " ISNULL OR ST_IsEmpty(NEW." + g + "))";
        String[] bodies = {
            "AFTER INSERT ON " + t + " WHEN " + notEmpty + " BEGIN INSERT OR REPLACE INTO " + r + " " + values
                    + "; END",
            "AFTER UPDATE OF " + g + " ON " + t + " WHEN OLD." + i + " = NEW." + i + " AND " + notEmpty
                    + " BEGIN INSERT OR REPLACE INTO " + r + " " + values + "; END",
            "AFTER UPDATE OF " + g + " ON " + t + " WHEN OLD." + i + " = NEW." + i + " AND " + empty
                    + " BEGIN DELETE FROM " + r + " WHERE id = OLD." + i + "; END",
            "AFTER UPDATE ON " + t + " WHEN OLD." + i + " != NEW." + i + " AND " + notEmpty
                    + " BEGIN DELETE FROM " + r + " WHERE id = OLD." + i + "; INSERT OR REPLACE INTO " + r + " "
                    + values + "; END",
            "AFTER UPDATE ON " + t + " WHEN OLD." + i + " != NEW." + i + " AND " + empty
                    + " BEGIN DELETE FROM " + r + " WHERE id IN (OLD." + i + ", NEW." + i + "); END",
            "AFTER DELETE ON " + t + " WHEN OLD." + g + " NOT NULL BEGIN DELETE FROM " + r + " WHERE id = OLD."
                    + i + "; END",
        };
        try (Statement st = c.createStatement()) {
            for (int k = 0; k < bodies.length; k++) {
                st.execute("CREATE TRIGGER " + triggerName(s, TRIGGER_SUFFIXES[k]) + " " + bodies[k]);
            }
        }
    }

    static void dropTriggers(Connection c, LayerSchema s) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String suffix : TRIGGER_SUFFIXES) {
                st.execute("DROP TRIGGER IF EXISTS " + triggerName(s, suffix));
            }
        }
    }

    static String triggerName(LayerSchema s, String suffix) {
        return SqlValues.quote(tableName(s) + "_" + suffix);
    }
}
