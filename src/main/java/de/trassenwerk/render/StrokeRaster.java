package de.trassenwerk.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Draws solid, round-capped, round-joined antialiased lines straight into the pixels of a
 * {@code TYPE_INT_ARGB_PRE} image: for every pixel near the line, the part of the pixel the line
 * covers is worked out from the distance of the pixel's centre to the nearest segment (exact for a
 * straight stroke across the pixel grid, close elsewhere), and the colour is laid over the pixel in
 * that measure. Where segments of one line overlap, the pixel takes the larger cover, not both, as
 * when Java2D strokes the whole path. Several times faster than Java2D's general rasteriser for the
 * many short lines of a map (streets, ducts, outlines of small areas).
 *
 * <p>Not thread-safe: one instance per image, used by the one thread that paints it (it keeps a
 * scratch coverage buffer).
 */
final class StrokeRaster {
    /** Lines whose bounds exceed this many pixels are left to Java2D (its cost does not grow with them so). */
    static final int MAX_AREA = 256 * 256;
    /**
     * Lines wider than this many pixels are left to Java2D: it fills the inside of a wide stroke by
     * spans, where this class measures the distance of every pixel (measured on the scale-50 city's
     * 5 km window, whose streets are 1-8 pixels wide: a fifth less CPU time per render with the
     * limit at 3 than with none, more with it at 2).
     */
    static final float MAX_WIDTH = 3f;

    private final int[] pixels;
    private final int width;
    private final int height;
    private float[] cover = new float[1024];
    private int[] rowFrom = new int[64];
    private int[] rowTo = new int[64];
    private int w;
    private int bx0;
    private int by0;
    private int bx1;
    private int by1;

    StrokeRaster(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            throw new IllegalArgumentException("needs a TYPE_INT_ARGB_PRE image");
        }
        this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        this.width = image.getWidth();
        this.height = image.getHeight();
    }

    /**
     * Strokes the parts of {@code shape} (rings closed) with a line of {@code lineWidth} pixels in
     * {@code argbPre}. Returns false, drawing nothing, when the shape is too big or the line too wide for
     * this way.
     */
    boolean draw(PixelShape shape, float lineWidth, int argbPre) {
        if (lineWidth > MAX_WIDTH) {
            return false;
        }
        java.awt.geom.Rectangle2D b = shape.getBounds2D();
        float r = lineWidth / 2f;
        int x0 = Math.max(0, (int) Math.floor(b.getMinX() - r - 1));
        int y0 = Math.max(0, (int) Math.floor(b.getMinY() - r - 1));
        int x1 = Math.min(width, (int) Math.ceil(b.getMaxX() + r + 1));
        int y1 = Math.min(height, (int) Math.ceil(b.getMaxY() + r + 1));
        if (x0 >= x1 || y0 >= y1) {
            return true; // wholly outside the image
        }
        long area = (long) (x1 - x0) * (y1 - y0);
        if (area > MAX_AREA) {
            return false;
        }
        w = x1 - x0;
        bx0 = x0;
        by0 = y0;
        bx1 = x1;
        by1 = y1;
        int rows = y1 - y0;
        if (cover.length < area) {
            cover = new float[(int) Math.max(area, cover.length * 2L)];
        }
        if (rowFrom.length < rows) {
            rowFrom = new int[Math.max(rows, rowFrom.length * 2)];
            rowTo = new int[rowFrom.length];
        }
        Arrays.fill(rowFrom, 0, rows, Integer.MAX_VALUE);
        Arrays.fill(rowTo, 0, rows, Integer.MIN_VALUE);
        float[] xy = shape.coordinates();
        int start = 0;
        for (int end : shape.partEnds()) {
            int count = end - start;
            if (count == 1) {
                segment(xy[2 * start], xy[2 * start + 1], xy[2 * start], xy[2 * start + 1], r);
            }
            for (int i = start; i + 1 < end; i++) {
                segment(xy[2 * i], xy[2 * i + 1], xy[2 * i + 2], xy[2 * i + 3], r);
            }
            if (shape.closed() && count > 2) {
                int last = end - 1;
                segment(xy[2 * last], xy[2 * last + 1], xy[2 * start], xy[2 * start + 1], r);
            }
            start = end;
        }
        blend(argbPre, rows);
        return true;
    }

    /** Raises the cover of the pixels near segment (ax, ay)-(bx, by) to what this segment covers. */
    private void segment(float ax, float ay, float bx, float by, float r) {
        float dx = bx - ax;
        float dy = by - ay;
        float len2 = dx * dx + dy * dy;
        float len = (float) Math.sqrt(len2);
        float reach = r + 0.5f;
        float reach2 = reach * reach;
        float minX = Math.min(ax, bx) - reach;
        float maxX = Math.max(ax, bx) + reach;
        int sy0 = Math.max(by0, (int) Math.floor(Math.min(ay, by) - reach));
        int sy1 = Math.min(by1, (int) Math.ceil(Math.max(ay, by) + reach));
        float ux = len == 0 ? 1 : dx / len;
        float uy = len == 0 ? 0 : dy / len;
        boolean slanted = Math.abs(uy) > 1e-6f;
        for (int y = sy0; y < sy1; y++) {
            float py = y + 0.5f;
            float from = minX;
            float to = maxX;
            if (slanted && len > 0) {
                // where the row's centre line is within reach of the infinite line through the segment
                float c = ax + (py - ay) * ux / uy;
                float half = reach / Math.abs(uy);
                from = Math.max(from, c - half);
                to = Math.min(to, c + half);
            }
            int sx0 = Math.max(bx0, (int) Math.floor(from - 0.5f));
            int sx1 = Math.min(bx1, (int) Math.ceil(to + 0.5f));
            if (sx0 >= sx1) {
                continue;
            }
            int row = (y - by0) * w - bx0;
            int ri = y - by0;
            for (int x = sx0; x < sx1; x++) {
                float px = x + 0.5f;
                float t = len2 == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
                t = t < 0 ? 0 : t > 1 ? 1 : t;
                float ex = px - (ax + t * dx);
                float ey = py - (ay + t * dy);
                float d2 = ex * ex + ey * ey;
                if (d2 >= reach2) {
                    continue;
                }
                float d = (float) Math.sqrt(d2);
                // the part of the pixel [-0.5, 0.5] across the stroke that [d - r, d + r] covers
                float c = Math.min(d + r, 0.5f) - Math.max(d - r, -0.5f);
                if (c <= 0) {
                    continue;
                }
                int k = row + x;
                if (x < rowFrom[ri] || x >= rowTo[ri]) {
                    widen(ri, row, x);
                }
                if (c > cover[k]) {
                    cover[k] = c;
                }
            }
        }
    }

    /** Makes pixel x part of row ri's touched range, clearing the cover of the cells newly taken in. */
    private void widen(int ri, int row, int x) {
        int from = rowFrom[ri];
        int to = rowTo[ri];
        if (from > to) {
            cover[row + x] = 0;
            rowFrom[ri] = x;
            rowTo[ri] = x + 1;
            return;
        }
        if (x < from) {
            Arrays.fill(cover, row + x, row + from, 0f);
            rowFrom[ri] = x;
        } else {
            Arrays.fill(cover, row + to, row + x + 1, 0f);
            rowTo[ri] = x + 1;
        }
    }

    private void blend(int argbPre, int rows) {
        int sa = argbPre >>> 24;
        int sr = (argbPre >> 16) & 0xff;
        int sg = (argbPre >> 8) & 0xff;
        int sb = argbPre & 0xff;
        for (int ri = 0; ri < rows; ri++) {
            int from = rowFrom[ri];
            int to = rowTo[ri];
            int row = ri * w - bx0;
            int base = (by0 + ri) * width;
            for (int x = from; x < to; x++) {
                float c = cover[row + x];
                int cov = (int) (Math.min(c, 1f) * 255 + 0.5f);
                if (cov == 0) {
                    continue;
                }
                int src = cov == 255 ? argbPre
                        : mul(sa, cov) << 24 | mul(sr, cov) << 16 | mul(sg, cov) << 8 | mul(sb, cov);
                int i = base + x;
                pixels[i] = RasterFill.over(src, pixels[i]);
            }
        }
    }

    private static int mul(int a, int b) {
        int t = a * b + 128;
        return (t + (t >> 8)) >> 8;
    }
}
