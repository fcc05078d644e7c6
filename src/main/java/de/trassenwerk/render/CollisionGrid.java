package de.trassenwerk.render;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Which parts of an image labels already cover, in square cells of a few pixels. A new label's
 * shape (any rotation) may take its cells only when none of them is taken and it lies wholly inside
 * the image. Not thread-safe: one grid per label pass.
 */
final class CollisionGrid {
    private static final int CELL = 3;

    private final int width;
    private final int height;
    private final int columns;
    private final int rows;
    private final BitSet taken;
    private final Rectangle2D.Double cell = new Rectangle2D.Double();
    /** The cells under the shape being tried (re-used: a bit set of them grew to the cell's index each time). */
    private int[] under = new int[256];

    CollisionGrid(int width, int height) {
        this.width = width;
        this.height = height;
        this.columns = (width + CELL - 1) / CELL;
        this.rows = (height + CELL - 1) / CELL;
        this.taken = new BitSet(columns * rows);
    }

    /** Takes the cells under {@code shape} if it lies inside the image and meets no taken cell. */
    boolean reserve(Shape shape) {
        Rectangle2D b = shape.getBounds2D();
        if (b.getMinX() < 0 || b.getMinY() < 0 || b.getMaxX() > width || b.getMaxY() > height) {
            return false;
        }
        int c0 = (int) Math.floor(b.getMinX() / CELL);
        int c1 = Math.min(columns - 1, (int) Math.floor(b.getMaxX() / CELL));
        int r0 = (int) Math.floor(b.getMinY() / CELL);
        int r1 = Math.min(rows - 1, (int) Math.floor(b.getMaxY() / CELL));
        boolean rectangle = shape instanceof Rectangle2D;
        int n = 0;
        for (int r = r0; r <= r1; r++) {
            for (int c = c0; c <= c1; c++) {
                int i = r * columns + c;
                cell.setRect(c * CELL, r * CELL, CELL, CELL);
                if (rectangle || shape.intersects(cell)) {
                    if (taken.get(i)) {
                        return false;
                    }
                    if (n == under.length) {
                        under = Arrays.copyOf(under, 2 * n);
                    }
                    under[n++] = i;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            taken.set(under[k]);
        }
        return true;
    }
}
