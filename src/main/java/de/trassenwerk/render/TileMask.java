package de.trassenwerk.render;

/**
 * Which tiles of {@value #TILE} × {@value #TILE} pixels of a layer image something was painted in.
 * The painter marks the bounds of every shape it paints (widened by its stroke); the compositor then
 * visits only marked tiles, since a layer image is mostly empty and reading all of it for every
 * layer of every frame costs more memory traffic than painting the layer did. A tile may be marked
 * and stay empty; a painted pixel always lies in a marked tile.
 *
 * <p>Not thread-safe: marked by the one thread that paints the layer, read after that thread is done.
 */
final class TileMask {
    /** Tile edge in pixels. */
    static final int TILE = 32;

    private final int width;
    private final int height;
    private final int columns;
    private final int rows;
    private final boolean[] marked;

    TileMask(int width, int height) {
        this.width = width;
        this.height = height;
        this.columns = (width + TILE - 1) / TILE;
        this.rows = (height + TILE - 1) / TILE;
        this.marked = new boolean[columns * rows];
    }

    /** Marks the tiles the pixel rectangle [x0, x1] × [y0, y1] (inclusive, any order clipped) touches. */
    void mark(double x0, double y0, double x1, double y1) {
        if (!(x1 >= 0 && y1 >= 0 && x0 < width && y0 < height)) { // also false for NaN
            return;
        }
        int c0 = Math.max(0, (int) Math.floor(x0) / TILE);
        int c1 = Math.min(columns - 1, (int) Math.min(width - 1, Math.floor(x1)) / TILE);
        int r0 = Math.max(0, (int) Math.floor(y0) / TILE);
        int r1 = Math.min(rows - 1, (int) Math.min(height - 1, Math.floor(y1)) / TILE);
        for (int r = r0; r <= r1; r++) {
            int base = r * columns;
            for (int c = c0; c <= c1; c++) {
                marked[base + c] = true;
            }
        }
    }

    /** Marks every tile (a layer painted in a way whose extent is not known). */
    void markAll() {
        java.util.Arrays.fill(marked, true);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    boolean marked(int column, int row) {
        return marked[row * columns + column];
    }

    /** The first marked column of {@code row} from {@code column} on, or {@link #columns()} when none. */
    int nextMarked(int column, int row) {
        int base = row * columns;
        while (column < columns && !marked[base + column]) {
            column++;
        }
        return column;
    }

    /** The first unmarked column of {@code row} from {@code column} on, or {@link #columns()} when none. */
    int nextUnmarked(int column, int row) {
        int base = row * columns;
        while (column < columns && marked[base + column]) {
            column++;
        }
        return column;
    }

    /** The share of tiles marked, 0..1 (for figures and tests). */
    double markedShare() {
        int n = 0;
        for (boolean b : marked) {
            if (b) {
                n++;
            }
        }
        return marked.length == 0 ? 0 : n / (double) marked.length;
    }
}
