package de.trassenwerk.coordination;

import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * A static packed R-tree over boxes numbered 0..n-1: which boxes meet a search box (touching
 * boundaries count, as with JTS envelopes). The boxes are packed Sort-Tile-Recursive into nodes of
 * {@value #NODE}, and the whole tree lives in flat arrays, so a search walks plain doubles without
 * visitor objects or boxed ids; a run asks it a few hundred thousand times. Null (empty) boxes never
 * match.
 *
 * <p>Immutable once built; safe to search from any number of threads (each collects its hits in a
 * buffer of its own).
 */
final class BoxIndex {
    private static final int NODE = 16;
    /** Box numbers in tree order. */
    private final int[] ids;
    /** The boxes in tree order: min x, min y, max x, max y each. */
    private final double[] items;
    /** Node boxes per level, bottom up: level 0 groups {@link #NODE} items, each higher level {@link #NODE} nodes. */
    private final double[][] levels;

    /** Indexes the boxes; box i is number i (null envelopes are left out). */
    BoxIndex(List<Envelope> boxes) {
        int n = 0;
        long[] keys = new long[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            Envelope e = boxes.get(i);
            if (e != null && !e.isNull()) {
                keys[n++] = key((float) ((e.getMinX() + e.getMaxX()) / 2), i);
            }
        }
        // Sort-Tile-Recursive: vertical slices by centre x, each slice ordered by centre y
        Arrays.sort(keys, 0, n);
        int leaves = (n + NODE - 1) / NODE;
        int perSlice = (int) Math.ceil(Math.sqrt(Math.max(1, leaves))) * NODE;
        for (int start = 0; start < n; start += perSlice) {
            int end = Math.min(n, start + perSlice);
            for (int k = start; k < end; k++) {
                Envelope e = boxes.get((int) keys[k]);
                keys[k] = key((float) ((e.getMinY() + e.getMaxY()) / 2), (int) keys[k]);
            }
            Arrays.sort(keys, start, end);
        }
        ids = new int[n];
        items = new double[4 * n];
        for (int k = 0; k < n; k++) {
            ids[k] = (int) keys[k];
            Envelope e = boxes.get(ids[k]);
            items[4 * k] = e.getMinX();
            items[4 * k + 1] = e.getMinY();
            items[4 * k + 2] = e.getMaxX();
            items[4 * k + 3] = e.getMaxY();
        }
        java.util.ArrayList<double[]> up = new java.util.ArrayList<>();
        double[] below = items;
        int count = n;
        while (count > NODE) {
            double[] level = group(below, count);
            up.add(level);
            below = level;
            count = level.length / 4;
        }
        levels = up.toArray(new double[0][]);
    }

    /** The boxes of groups of {@link #NODE} consecutive boxes. */
    private static double[] group(double[] boxes, int count) {
        int nodes = (count + NODE - 1) / NODE;
        double[] out = new double[4 * nodes];
        for (int g = 0; g < nodes; g++) {
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int k = g * NODE; k < Math.min(count, (g + 1) * NODE); k++) {
                minX = Math.min(minX, boxes[4 * k]);
                minY = Math.min(minY, boxes[4 * k + 1]);
                maxX = Math.max(maxX, boxes[4 * k + 2]);
                maxY = Math.max(maxY, boxes[4 * k + 3]);
            }
            out[4 * g] = minX;
            out[4 * g + 1] = minY;
            out[4 * g + 2] = maxX;
            out[4 * g + 3] = maxY;
        }
        return out;
    }

    /** A long that sorts by {@code value} and carries {@code index} in its low 32 bits. */
    private static long key(float value, int index) {
        int bits = Float.floatToIntBits(value);
        bits ^= (bits >> 31) & 0x7fffffff;
        return ((long) bits << 32) | (index & 0xffffffffL);
    }

    /** Numbers of the boxes that meet {@code search}, ascending. */
    int[] query(Envelope search) {
        Hits hits = Hits.empty();
        search(search, hits);
        return Sections.distinctSorted(hits.ids, hits.n);
    }

    /** Numbers of the boxes that meet any of {@code searches}, ascending, each once. */
    int[] query(List<Envelope> searches) {
        Hits hits = Hits.empty();
        for (Envelope e : searches) {
            search(e, hits);
        }
        return Sections.distinctSorted(hits.ids, hits.n);
    }

    private void search(Envelope e, Hits hits) {
        if (e.isNull() || ids.length == 0) {
            return;
        }
        int top = levels.length - 1;
        int count = top < 0 ? ids.length : levels[top].length / 4;
        search(top, 0, count, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), hits);
    }

    /** Searches entries {@code from..to-1} of {@code level} (-1: the items). */
    private void search(int level, int from, int to, double x0, double y0, double x1, double y1, Hits hits) {
        if (level < 0) {
            double[] b = items;
            for (int k = from; k < to; k++) {
                if (b[4 * k] <= x1 && b[4 * k + 2] >= x0 && b[4 * k + 1] <= y1 && b[4 * k + 3] >= y0) {
                    hits.add(ids[k]);
                }
            }
            return;
        }
        double[] b = levels[level];
        int below = level == 0 ? ids.length : levels[level - 1].length / 4;
        for (int k = from; k < to; k++) {
            if (b[4 * k] <= x1 && b[4 * k + 2] >= x0 && b[4 * k + 1] <= y1 && b[4 * k + 3] >= y0) {
                search(level - 1, k * NODE, Math.min(below, (k + 1) * NODE), x0, y0, x1, y1, hits);
            }
        }
    }

    /** A growing list of box numbers: one per thread, emptied for each query (whose answer is a copy). */
    private static final class Hits {
        private static final ThreadLocal<Hits> OF_THREAD = ThreadLocal.withInitial(Hits::new);
        int[] ids = new int[64];
        int n;

        static Hits empty() {
            Hits h = OF_THREAD.get();
            h.n = 0;
            return h;
        }

        void add(int id) {
            if (n == ids.length) {
                ids = Arrays.copyOf(ids, n * 2);
            }
            ids[n++] = id;
        }
    }
}
