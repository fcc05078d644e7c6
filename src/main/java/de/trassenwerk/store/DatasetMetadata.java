package de.trassenwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dataset-level key/value metadata, stored through the GeoPackage metadata extension in the form
 * GDAL uses ({@code md_standard_uri = 'http://gdal.org'}, a {@code GDALMultiDomainMetadata} XML
 * document referenced with scope {@code geopackage}), so that {@code ogrinfo} and QGIS show it too.
 */
final class DatasetMetadata {
    private static final String STANDARD = "http://gdal.org";
    private static final Pattern ITEM = Pattern.compile("<MDI key=\"([^\"]*)\">([^<]*)</MDI>");

    private DatasetMetadata() {
    }

    static Map<String, String> read(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet t = s.executeQuery("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_metadata_reference'")) {
            if (!t.next()) {
                return out;
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT m.metadata FROM gpkg_metadata m JOIN gpkg_metadata_reference r "
                        + "ON r.md_file_id = m.id WHERE r.reference_scope = 'geopackage' AND m.md_standard_uri = '"
                        + STANDARD + "' AND m.mime_type = 'text/xml'")) {
            while (rs.next()) {
                Matcher m = ITEM.matcher(rs.getString(1));
                while (m.find()) {
                    out.put(unescape(m.group(1)), unescape(m.group(2)));
                }
            }
        }
        return out;
    }

    static void write(Connection c, Map<String, String> values, String timestamp) throws SQLException {
        Map<String, String> all = read(c);
        all.putAll(values);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL, "
                    + "md_scope TEXT NOT NULL DEFAULT 'dataset', md_standard_uri TEXT NOT NULL, "
                    + "mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '')");
            s.execute("CREATE TABLE IF NOT EXISTS gpkg_metadata_reference (reference_scope TEXT NOT NULL, "
                    + "table_name TEXT, column_name TEXT, row_id_value INTEGER, "
                    + "timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), "
                    + "md_file_id INTEGER NOT NULL, md_parent_id INTEGER, "
                    + "CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id), "
                    + "CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id))");
            s.execute("INSERT OR IGNORE INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
                    + "VALUES ('gpkg_metadata', NULL, 'gpkg_metadata', "
                    + "'http://www.geopackage.org/spec120/#extension_metadata', 'read-write')");
            s.execute("INSERT OR IGNORE INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
                    + "VALUES ('gpkg_metadata_reference', NULL, 'gpkg_metadata', "
                    + "'http://www.geopackage.org/spec120/#extension_metadata', 'read-write')");
            s.execute("DELETE FROM gpkg_metadata_reference WHERE reference_scope = 'geopackage' AND md_file_id IN "
                    + "(SELECT id FROM gpkg_metadata WHERE md_standard_uri = '" + STANDARD + "')");
            s.execute("DELETE FROM gpkg_metadata WHERE md_standard_uri = '" + STANDARD + "' AND id NOT IN "
                    + "(SELECT md_file_id FROM gpkg_metadata_reference)");
        }
        StringBuilder xml = new StringBuilder("<GDALMultiDomainMetadata>\n  <Metadata>\n");
        for (Map.Entry<String, String> e : all.entrySet()) {
            xml.append("    <MDI key=\"").append(escape(e.getKey())).append("\">").append(escape(e.getValue()))
                    .append("</MDI>\n");
        }
        xml.append("  </Metadata>\n</GDALMultiDomainMetadata>\n");
        long id;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_metadata (md_scope, md_standard_uri, "
                + "mime_type, metadata) VALUES ('dataset', ?, 'text/xml', ?)")) {
            p.setString(1, STANDARD);
            p.setString(2, xml.toString());
            p.executeUpdate();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            id = rs.getLong(1);
        }
        try (PreparedStatement p = c.prepareStatement("INSERT INTO gpkg_metadata_reference (reference_scope, "
                + "table_name, column_name, row_id_value, timestamp, md_file_id, md_parent_id) "
                + "VALUES ('geopackage', NULL, NULL, NULL, ?, ?, NULL)")) {
            p.setString(1, timestamp);
            p.setLong(2, id);
            p.executeUpdate();
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
