package de.trassenwerk.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.locationtech.jts.geom.Envelope;
import org.sqlite.Function;

/**
 * The SQL functions that the GeoPackage R-tree triggers call ({@code ST_IsEmpty}, {@code ST_MinX},
 * {@code ST_MaxX}, {@code ST_MinY}, {@code ST_MaxY}). Plain SQLite does not have them; GDAL and QGIS
 * register them on their connections, and so must every connection of ours that writes.
 */
final class GeoPackageFunctions {
    private GeoPackageFunctions() {
    }

    static void register(Connection connection) throws SQLException {
        Function.create(connection, "ST_IsEmpty", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                byte[] blob = value_blob(0);
                if (blob == null) {
                    result();
                    return;
                }
                result(GeoPackageGeometry.header(blob).empty() ? 1 : 0);
            }
        }, 1, Function.FLAG_DETERMINISTIC);
        register(connection, "ST_MinX", 0);
        register(connection, "ST_MaxX", 1);
        register(connection, "ST_MinY", 2);
        register(connection, "ST_MaxY", 3);
    }

    private static void register(Connection connection, String name, int which) throws SQLException {
        Function.create(connection, name, new Function() {
            @Override
            protected void xFunc() throws SQLException {
                byte[] blob = value_blob(0);
                Envelope e = blob == null ? null : GeoPackageGeometry.envelope(blob);
                if (e == null) {
                    result();
                    return;
                }
                switch (which) {
                    case 0: result(e.getMinX()); break;
                    case 1: result(e.getMaxX()); break;
                    case 2: result(e.getMinY()); break;
                    default: result(e.getMaxY()); break;
                }
            }
        }, 1, Function.FLAG_DETERMINISTIC);
    }
}
