package de.trassenwerk.store;

import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fills a GeoPackage R-tree (an SQLite {@code rtree} virtual table) in one pass instead of one
 * insert per feature: the entries are packed into nodes by Sort-Tile-Recursive (sorted by centre
 * x into vertical slices, each slice by centre y), the upper levels grouped from those, and the
 * nodes written straight into the rtree's shadow tables ({@code _node}, {@code _rowid},
 * {@code _parent}) in SQLite's node format: big-endian, a 2-byte tree depth (root only) and a
 * 2-byte cell count, then per cell a 64-bit id and four 32-bit floats (min x, max x, min y, max y)
 * rounded outwards as SQLite rounds them. Entries already in the index are read and packed
 * together with the new ones. GDAL fills its R-trees the same way since 3.6; SQLite's
 * {@code rtreecheck()} accepts the result. Runs inside the caller's transaction; not thread-safe.
 */
final class PackedRTree {
    private static final int CELL = 24;

    private PackedRTree() {
    }

    /** Rebuilds the layer's index from the entries in it and {@code n} new ones (id, box: minx, maxx, miny, maxy). */
    static void fill(Connection c, LayerSchema s, long[] newIds, double[] newBoxes, int n) throws SQLException {
        String table = RTreeIndex.tableName(s);
        int nodeSize;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT length(data) FROM " + SqlValues.quote(table + "_node")
                        + " WHERE nodeno = 1")) {
            nodeSize = rs.next() ? rs.getInt(1) : 0;
        }
        int max = (nodeSize - 4) / CELL;
        if (max < 2) {
            throw new SQLException("unexpected rtree node size " + nodeSize + " in " + table);
        }
        // existing entries (already single precision) and the new ones, rounded outwards
        List<long[]> oldIds = new ArrayList<>();
        List<float[]> oldBoxes = new ArrayList<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id, minx, maxx, miny, maxy FROM " + SqlValues.quote(table))) {
            while (rs.next()) {
                oldIds.add(new long[] {rs.getLong(1)});
                oldBoxes.add(new float[] {rs.getFloat(2), rs.getFloat(3), rs.getFloat(4), rs.getFloat(5)});
            }
        }
        int total = n + oldIds.size();
        long[] ids = new long[total];
        float[] boxes = new float[4 * total];
        for (int i = 0; i < n; i++) {
            ids[i] = newIds[i];
            boxes[4 * i] = down(newBoxes[4 * i]);
            boxes[4 * i + 1] = up(newBoxes[4 * i + 1]);
            boxes[4 * i + 2] = down(newBoxes[4 * i + 2]);
            boxes[4 * i + 3] = up(newBoxes[4 * i + 3]);
        }
        for (int i = 0; i < oldIds.size(); i++) {
            ids[n + i] = oldIds.get(i)[0];
            System.arraycopy(oldBoxes.get(i), 0, boxes, 4 * (n + i), 4);
        }
        try (Statement st = c.createStatement()) {
            for (String shadow : new String[] {"_node", "_rowid", "_parent"}) {
                st.execute("DELETE FROM " + SqlValues.quote(table + shadow));
            }
        }
        write(c, table, nodeSize, max, ids, boxes, total);
    }

    /** A node being built: its number, children (entry indexes or node numbers) and their boxes. */
    private static final class Node {
        int number;
        final long[] children;
        final float[] boxes;
        final int count;

        Node(long[] children, float[] boxes, int count) {
            this.children = children;
            this.boxes = boxes;
            this.count = count;
        }

        float[] bounds() {
            float[] b = {Float.MAX_VALUE, -Float.MAX_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};
            for (int i = 0; i < count; i++) {
                b[0] = Math.min(b[0], boxes[4 * i]);
                b[1] = Math.max(b[1], boxes[4 * i + 1]);
                b[2] = Math.min(b[2], boxes[4 * i + 2]);
                b[3] = Math.max(b[3], boxes[4 * i + 3]);
            }
            return b;
        }
    }

    private static void write(Connection c, String table, int nodeSize, int max, long[] ids, float[] boxes, int n)
            throws SQLException {
        int[] order = strOrder(boxes, n, max);
        List<List<Node>> levels = new ArrayList<>();
        List<Node> level = new ArrayList<>();
        for (int start = 0; start < n || level.isEmpty(); start += max) {
            int count = Math.min(max, n - start);
            long[] children = new long[count];
            float[] b = new float[4 * count];
            for (int k = 0; k < count; k++) {
                int e = order[start + k];
                children[k] = ids[e];
                System.arraycopy(boxes, 4 * e, b, 4 * k, 4);
            }
            level.add(new Node(children, b, count));
        }
        levels.add(level);
        while (level.size() > 1) {
            List<Node> up = new ArrayList<>();
            for (int start = 0; start < level.size(); start += max) {
                int count = Math.min(max, level.size() - start);
                // node numbers are assigned later; keep the level index of each child for now
                long[] children = new long[count];
                float[] b = new float[4 * count];
                for (int k = 0; k < count; k++) {
                    children[k] = start + k;
                    System.arraycopy(level.get(start + k).bounds(), 0, b, 4 * k, 4);
                }
                up.add(new Node(children, b, count));
            }
            levels.add(up);
            level = up;
        }
        // number the nodes: root 1, then level by level from the top
        int next = 1;
        for (int l = levels.size() - 1; l >= 0; l--) {
            for (Node node : levels.get(l)) {
                node.number = next++;
            }
        }
        int depth = levels.size() - 1;
        try (PreparedStatement nodes = c.prepareStatement("INSERT INTO " + SqlValues.quote(table + "_node")
                        + " (nodeno, data) VALUES (?, ?)");
                PreparedStatement rowids = c.prepareStatement("INSERT INTO " + SqlValues.quote(table + "_rowid")
                        + " (rowid, nodeno) VALUES (?, ?)");
                PreparedStatement parents = c.prepareStatement("INSERT INTO " + SqlValues.quote(table + "_parent")
                        + " (nodeno, parentnode) VALUES (?, ?)")) {
            int batched = 0;
            for (int l = 0; l < levels.size(); l++) {
                List<Node> below = l == 0 ? null : levels.get(l - 1);
                for (Node node : levels.get(l)) {
                    ByteBuffer blob = ByteBuffer.allocate(nodeSize);
                    blob.putShort((short) (node.number == 1 ? depth : 0)).putShort((short) node.count);
                    for (int k = 0; k < node.count; k++) {
                        long child = below == null ? node.children[k] : below.get((int) node.children[k]).number;
                        blob.putLong(child);
                        for (int d = 0; d < 4; d++) {
                            blob.putFloat(node.boxes[4 * k + d]);
                        }
                        PreparedStatement map = below == null ? rowids : parents;
                        map.setLong(1, child);
                        map.setLong(2, node.number);
                        map.addBatch();
                    }
                    nodes.setLong(1, node.number);
                    nodes.setBytes(2, blob.array());
                    nodes.addBatch();
                    if (++batched % 500 == 0) {
                        nodes.executeBatch();
                        rowids.executeBatch();
                        parents.executeBatch();
                    }
                }
            }
            nodes.executeBatch();
            rowids.executeBatch();
            parents.executeBatch();
        }
    }

    /** Entry indexes in Sort-Tile-Recursive order for nodes of {@code max} entries. */
    private static int[] strOrder(float[] boxes, int n, int max) {
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key((boxes[4 * i] + boxes[4 * i + 1]) / 2, i);
        }
        Arrays.sort(keys);
        int leaves = (n + max - 1) / max;
        int slices = (int) Math.ceil(Math.sqrt(leaves));
        int perSlice = slices * max;
        for (int start = 0; start < n; start += perSlice) {
            int end = Math.min(n, start + perSlice);
            for (int k = start; k < end; k++) {
                int i = (int) keys[k];
                keys[k] = key((boxes[4 * i + 2] + boxes[4 * i + 3]) / 2, i);
            }
            Arrays.sort(keys, start, end);
        }
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = (int) keys[k];
        }
        return order;
    }

    /** A long that sorts by {@code value} and carries {@code index} in its low 32 bits. */
    private static long key(float value, int index) {
        int bits = Float.floatToIntBits(value);
        bits ^= (bits >> 31) & 0x7fffffff;
        return ((long) bits << 32) | (index & 0xffffffffL);
    }

    /** The largest float not above {@code d} (SQLite rounds minima down). */
    static float down(double d) {
        float f = (float) d;
        return f > d ? Math.nextDown(f) : f;
    }

    /** The smallest float not below {@code d} (SQLite rounds maxima up). */
    static float up(double d) {
        float f = (float) d;
        return f < d ? Math.nextUp(f) : f;
    }
}
