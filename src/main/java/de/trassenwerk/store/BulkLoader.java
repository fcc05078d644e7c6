package de.trassenwerk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Loads many new features into one layer in one transaction: batched inserts with the R-tree
 * triggers out of the way and a large page cache, then the index filled in one pass, sorted along
 * the x axis so that the tree's nodes cover compact areas. Obtain from
 * {@link GeoPackageStore#bulkLoader(String)} (an existing layer) or
 * {@link GeoPackageStore#bulkLoader(LayerSchema, boolean)} (a layer created in the same
 * transaction); used by one thread; either {@link #finish()} or {@link #abort()} it.
 */
public final class BulkLoader implements AutoCloseable {
    private static final int BATCH = 5000;
    /** SQLite page cache during the load, in KiB (negative: size, not pages), outside the Java heap. */
    private static final int CACHE_KIB = 262144;

    private final GeoPackageStore store;
    private final Connection connection;
    private final LayerSchema schema;
    private final PreparedStatement insert;
    private final Envelope extent = new Envelope();
    private long[] ids = new long[1024];
    private double[] boxes = new double[4 * 1024];
    private int indexed;
    private int pending;
    private long nextFid;
    private boolean done;
    private long cacheBefore;
    /** Whether the layer has an R-tree (GDAL may write layers without one). */
    private final boolean indexedLayer;

    BulkLoader(GeoPackageStore store, Connection connection, LayerSchema schema) {
        this.store = store;
        this.connection = connection;
        this.schema = schema;
        this.indexedLayer = RTreeIndex.exists(connection, schema);
        try {
            connection.setAutoCommit(false);
            try (var st = connection.createStatement(); var rs = st.executeQuery("PRAGMA cache_size")) {
                cacheBefore = rs.next() ? rs.getLong(1) : -2000;
            }
            setCache(-CACHE_KIB);
            if (indexedLayer) {
                RTreeIndex.dropTriggers(connection, schema);
            }
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(SqlValues.quote(schema.name())).append(" (")
                    .append(SqlValues.quote(schema.idColumn()));
            int n = 1;
            if (schema.hasGeometry()) {
                sql.append(", ").append(SqlValues.quote(schema.geometryColumn()));
                n++;
            }
            for (FieldInfo f : schema.fields()) {
                sql.append(", ").append(SqlValues.quote(f.name()));
                n++;
            }
            if (schema.versioned()) {
                sql.append(", ").append(SqlValues.quote(LayerSchema.VERSION));
                n++;
            }
            sql.append(") VALUES (?").append(", ?".repeat(n - 1)).append(')');
            insert = connection.prepareStatement(sql.toString());
            try (var st = connection.createStatement();
                    var rs = st.executeQuery("SELECT coalesce(max(" + SqlValues.quote(schema.idColumn()) + "), 0) FROM "
                            + SqlValues.quote(schema.name()))) {
                rs.next();
                nextFid = rs.getLong(1) + 1;
            }
        } catch (SQLException e) {
            abortQuietly();
            throw GeoPackageStore.translate(e, store.file());
        }
    }

    /** Adds one feature; its attributes are matched to the schema by name, missing ones are null. */
    public long add(Feature f) {
        return add(f.geometry(), f.attributes());
    }

    /** Adds one feature; returns its fid. */
    public long add(Geometry geometry, Map<String, Object> attributes) {
        long fid = nextFid++;
        try {
            int col = 1;
            insert.setLong(col++, fid);
            if (schema.hasGeometry()) {
                insert.setBytes(col++, store.encode(schema, geometry));
                if (geometry != null && !geometry.isEmpty()) {
                    remember(fid, geometry.getEnvelopeInternal());
                }
            }
            for (FieldInfo f : schema.fields()) {
                insert.setObject(col++, SqlValues.toSql(attributes.get(f.name())));
            }
            if (schema.versioned()) {
                insert.setLong(col, 1L);
            }
            insert.addBatch();
            if (++pending >= BATCH) {
                insert.executeBatch();
                pending = 0;
            }
            return fid;
        } catch (SQLException e) {
            abortQuietly();
            throw GeoPackageStore.translate(e, store.file());
        }
    }

    private void remember(long fid, Envelope e) {
        if (indexed == ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
            boxes = Arrays.copyOf(boxes, boxes.length * 2);
        }
        ids[indexed] = fid;
        boxes[4 * indexed] = e.getMinX();
        boxes[4 * indexed + 1] = e.getMaxX();
        boxes[4 * indexed + 2] = e.getMinY();
        boxes[4 * indexed + 3] = e.getMaxY();
        indexed++;
        extent.expandToInclude(e);
    }

    /** Builds the spatial index, restores the triggers and commits. */
    public void finish() {
        try {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
            insert.close();
            if (indexedLayer) {
                fillIndex();
                RTreeIndex.createTriggers(connection, schema);
            }
            store.finishBulk(schema, extent);
            connection.commit();
            connection.setAutoCommit(true);
            done = true;
            setCache(cacheBefore);
            store.bulkCommitted(schema, indexedLayer);
        } catch (SQLException e) {
            abortQuietly();
            throw GeoPackageStore.translate(e, store.file());
        }
    }

    private void fillIndex() throws SQLException {
        Integer[] order = new Integer[indexed];
        for (int i = 0; i < indexed; i++) {
            order[i] = i;
        }
        // Sorting by the centre along a coarse Hilbert-like key: x stripes of 2 km, y inside.
        Arrays.sort(order, (a, b) -> {
            long sa = (long) Math.floor((boxes[4 * a] + boxes[4 * a + 1]) / 4000.0);
            long sb = (long) Math.floor((boxes[4 * b] + boxes[4 * b + 1]) / 4000.0);
            if (sa != sb) {
                return Long.compare(sa, sb);
            }
            double ya = boxes[4 * a + 2] + boxes[4 * a + 3];
            double yb = boxes[4 * b + 2] + boxes[4 * b + 3];
            return (sa & 1) == 0 ? Double.compare(ya, yb) : Double.compare(yb, ya);
        });
        try (PreparedStatement p = connection.prepareStatement("INSERT INTO "
                + SqlValues.quote(RTreeIndex.tableName(schema)) + " (id, minx, maxx, miny, maxy) VALUES (?,?,?,?,?)")) {
            int n = 0;
            for (int k : order) {
                p.setLong(1, ids[k]);
                p.setDouble(2, boxes[4 * k]);
                p.setDouble(3, boxes[4 * k + 1]);
                p.setDouble(4, boxes[4 * k + 2]);
                p.setDouble(5, boxes[4 * k + 3]);
                p.addBatch();
                if (++n % BATCH == 0) {
                    p.executeBatch();
                }
            }
            p.executeBatch();
        }
    }

    private void setCache(long value) throws SQLException {
        try (var st = connection.createStatement()) {
            st.execute("PRAGMA cache_size=" + value);
        }
    }

    /** Undoes everything this loader wrote. */
    public void abort() {
        abortQuietly();
    }

    private void abortQuietly() {
        if (done) {
            return;
        }
        done = true;
        try {
            connection.rollback();
            connection.setAutoCommit(true);
            setCache(cacheBefore);
        } catch (SQLException ignored) {
            // the failure that led here is reported
        }
    }

    /** Aborts unless {@link #finish()} has run. */
    @Override
    public void close() {
        abortQuietly();
    }
}
