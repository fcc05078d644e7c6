package de.trassenwerk.render;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The shapes a layer job reads, kept in chunks of {@value #CHUNK} references instead of one array.
 * A layer at the full extent of a big city has millions of shapes; an {@code ArrayList} of them
 * grows through arrays of several megabytes, each a "humongous" object that the G1 collector puts in
 * the old generation at once. Such an array, even once dropped, counts as a root at every young
 * collection until the next marking cycle, so the shapes it still points to were copied again and
 * again and promoted with it (pauses of 180–300 ms in each full render of the scale-50 city). The
 * chunks are small young objects, and {@link #clear} lets go of every shape once the layer is
 * painted. {@link #byRank} orders shapes by rank without the scratch array of a merge sort.
 *
 * <p>Thread rules: filled by one thread; may then be read by several, until cleared.
 */
final class ShapeList extends AbstractList<FeatureShape> implements RandomAccess {
    /** References per chunk: 128 KB with compressed references, far below G1's humongous size. */
    static final int CHUNK = 1 << 15;
    /**
     * The first chunk's first size: it doubles up to {@link #CHUNK}, since most lists are small (the
     * shapes of one rank of a layer in a near view) and a 128 KB chunk each cost zeroing and garbage.
     */
    static final int FIRST = 64;

    private FeatureShape[][] chunks = new FeatureShape[4][];
    private int size;

    @Override
    public boolean add(FeatureShape s) {
        int chunk = size >>> 15;
        if (chunk == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        if (chunks[chunk] == null) {
            chunks[chunk] = new FeatureShape[chunk == 0 ? FIRST : CHUNK];
        } else if (chunk == 0 && size == chunks[0].length) { // the first chunk grows; later ones are whole
            chunks[chunk] = Arrays.copyOf(chunks[chunk], Math.min(CHUNK, 2 * size));
        }
        chunks[chunk][size & (CHUNK - 1)] = s;
        size++;
        modCount++;
        return true;
    }

    @Override
    public FeatureShape get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return chunks[index >>> 15][index & (CHUNK - 1)];
    }

    @Override
    public int size() {
        return size;
    }

    /** Lets go of every shape (and chunk). */
    @Override
    public void clear() {
        chunks = new FeatureShape[4][];
        size = 0;
        modCount++;
    }

    /**
     * {@code shapes} in order of rank, those of one rank in their order: {@code shapes} itself when
     * it is in order already, else a new list (gathered rank by rank).
     */
    static List<FeatureShape> byRank(List<FeatureShape> shapes) {
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        int previous = Integer.MIN_VALUE;
        boolean ordered = true;
        for (FeatureShape s : shapes) {
            int r = s.rank();
            ordered &= r >= previous;
            previous = r;
            min = Math.min(min, r);
            max = Math.max(max, r);
        }
        if (ordered) {
            return shapes;
        }
        if ((long) max - min > 1 << 16) { // ranks are rule numbers; this does not happen
            List<FeatureShape> sorted = new java.util.ArrayList<>(shapes);
            sorted.sort(java.util.Comparator.comparingInt(FeatureShape::rank));
            return sorted;
        }
        ShapeList[] byRank = new ShapeList[max - min + 1];
        for (FeatureShape s : shapes) {
            int r = s.rank() - min;
            if (byRank[r] == null) {
                byRank[r] = new ShapeList();
            }
            byRank[r].add(s);
        }
        ShapeList sorted = new ShapeList();
        for (ShapeList rank : byRank) {
            if (rank != null) {
                sorted.addAll(rank);
                rank.clear();
            }
        }
        return sorted;
    }
}
