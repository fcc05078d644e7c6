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
 * triggers out of the way and a large page cache, then the index filled in one pass: inserted
 * sorted along the x axis so that the tree's nodes cover compact areas, or written as a packed
 * tree ({@link #withPackedIndex()}). Obtain from
 * {@link GeoPackageStore#bulkLoader(String)} (an existing layer) or
 * {@link GeoPackageStore#bulkLoader(LayerSchema, boolean)} (a layer created in the same
 * transaction). Used by one thread, except {@link #prepare} which may run on another; either
 * {@link #finish()} or {@link #abort()} it.
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
    private boolean packedIndex;
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
        return add(prepare(geometry, attributes));
    }

    /**
     * One feature encoded for this loader's layer (geometry blob, envelope, SQL values in column
     * order), ready for {@link #add(Row)}.
     */
    public static final class Row {
        private final byte[] geometry;
        private final Envelope envelope;
        private final Object[] values;

        private Row(byte[] geometry, Envelope envelope, Object[] values) {
            this.geometry = geometry;
            this.envelope = envelope;
            this.values = values;
        }
    }

    /**
     * Encodes one feature (attributes matched to the schema by name, missing ones null). Touches no
     * connection, so an importer may prepare rows on another thread than the one that adds them.
     */
    public Row prepare(Geometry geometry, Map<String, Object> attributes) {
        byte[] blob = null;
        Envelope envelope = null;
        if (schema.hasGeometry()) {
            blob = store.encode(schema, geometry);
            if (geometry != null && !geometry.isEmpty()) {
                envelope = geometry.getEnvelopeInternal();
            }
        }
        Object[] values = new Object[schema.fields().size()];
        int i = 0;
        for (FieldInfo f : schema.fields()) {
            values[i++] = SqlValues.toSql(attributes.get(f.name()));
        }
        return new Row(blob, envelope, values);
    }

    /** Adds a prepared feature; returns its fid. */
    public long add(Row row) {
        long fid = nextFid++;
        try {
            int col = 1;
            insert.setLong(col++, fid);
            if (schema.hasGeometry()) {
                insert.setBytes(col++, row.geometry);
                if (row.envelope != null) {
                    remember(fid, row.envelope);
                }
            }
            for (Object v : row.values) {
                insert.setObject(col++, v);
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

    /**
     * Writes the index as a packed tree ({@link PackedRTree}) instead of inserting the entries one
     * by one: much faster for large loads, and the tree's nodes are fuller. The sample city writer
     * keeps the insert path so that the committed sample stays byte-identical to a fresh run.
     */
    public BulkLoader withPackedIndex() {
        packedIndex = true;
        return this;
    }

    private void fillIndex() throws SQLException {
        if (packedIndex) {
            PackedRTree.fill(connection, schema, ids, boxes, indexed);
            return;
        }
        insertIndex();
    }

    private void insertIndex() throws SQLException {
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
