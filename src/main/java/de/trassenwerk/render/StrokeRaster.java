package de.trassenwerk.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Draws solid, round-capped, round-joined antialiased lines straight into the pixels of a
 * {@code TYPE_INT_ARGB_PRE} image: for every pixel near the edge of the line, the part of the pixel
 * the line covers is worked out from the distance of the pixel's centre to the nearest segment (exact
 * for a straight stroke across the pixel grid, close elsewhere); the pixels inside it are covered
 * whole, set a row at a time; the colour is laid over each pixel in that measure. Beside a segment
 * the distance is that from its line, which changes by a constant step from pixel to pixel. Where
 * segments of one line overlap, the pixel takes the larger cover, not both, as when Java2D strokes
 * the whole path: the cover of a line of several segments is gathered first and then laid on, while
 * a line of one segment (most streets and ducts of a city at a district's scale, once simplified to
 * the pixel) meets each pixel once and goes straight into the image. Several times faster than
 * Java2D's general rasteriser for the many short lines of a map (streets, ducts, outlines of small
 * areas).
 *
 * <p>Not thread-safe: one instance per image, used by the one thread that paints it (it keeps a
 * scratch coverage buffer).
 */
final class StrokeRaster {
    /** Lines whose bounds exceed this many pixels are left to Java2D (its cost does not grow with them so). */
    static final int MAX_AREA = 512 * 512;
    /**
     * Lines wider than this many pixels are left to Java2D. The inside of a line is filled row by row
     * and only its edge pixels are measured, so wide lines cost little more than narrow ones (on the
     * scale-50 city's 5 km window, streets 1-7 pixels wide with casings: the street layer's job took
     * 44-48 ms with the limit at 16 against 52 ms with it at 3, when lines over 3 pixels went to
     * Java2D).
     */
    static final float MAX_WIDTH = 16f;

    private final int[] pixels;
    private final int width;
    private final int height;
    /** The rows painted: [top, bottom). */
    private final int top;
    private final int bottom;
    private float[] cover = new float[1024];
    private int[] rowFrom = new int[64];
    private int[] rowTo = new int[64];
    private int w;
    private int bx0;
    private int by0;
    private int bx1;
    private int by1;
    private float bandLo;
    private float bandHi;
    /** While drawing a single segment: blend {@link #colour} into the pixels at once instead of keeping cover. */
    private boolean direct;
    private int colour;

    StrokeRaster(BufferedImage image) {
        this(image, 0, image.getHeight());
    }

    /**
     * Paints only rows [{@code top}, {@code bottom}) of {@code image}: instances on disjoint row
     * ranges may paint one image on different threads at once.
     */
    StrokeRaster(BufferedImage image, int top, int bottom) {
        if (image.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            throw new IllegalArgumentException("needs a TYPE_INT_ARGB_PRE image");
        }
        this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        this.width = image.getWidth();
        this.height = image.getHeight();
        this.top = Math.max(0, top);
        this.bottom = Math.min(height, bottom);
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
        if ((long) (x1 - x0) * (y1 - y0) > MAX_AREA) {
            return false; // decided on the whole image, so that every row range decides alike
        }
        y0 = Math.max(y0, top);
        y1 = Math.min(y1, bottom);
        if (y0 >= y1) {
            return true; // outside the rows painted
        }
        long area = (long) (x1 - x0) * (y1 - y0);
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
        int[] ends = shape.partEnds();
        if (ends.length == 1 && ends[0] <= 2 && !shape.closed()) {
            // one segment covers each pixel once: straight into the image, no cover to keep
            int last = ends[0] - 1;
            direct = true;
            colour = argbPre;
            segment(xy[0], xy[1], xy[2 * last], xy[2 * last + 1], r);
            direct = false;
            return true;
        }
        int start = 0;
        for (int end : ends) {
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

    /**
     * Raises the cover of the pixels near segment (ax, ay)-(bx, by) to what this segment covers, or
     * (while {@link #direct}) lays the colour over them in that measure at once. Per row, the pixels
     * whose centre lies at most r - 0.5 from the segment are wholly covered and set by one fill (the
     * inside of a wide line); only the pixels at its edges are measured.
     */
    private void segment(float ax, float ay, float bx, float by, float r) {
        float dx = bx - ax;
        float dy = by - ay;
        float len2 = dx * dx + dy * dy;
        float len = (float) Math.sqrt(len2);
        float reach = r + 0.5f;
        float reach2 = reach * reach;
        float inner = r - 0.5f; // a pixel whose centre is this near is covered whole
        float minX = MinMax.min(ax, bx) - reach;
        float maxX = MinMax.max(ax, bx) + reach;
        int sy0 = Math.max(by0, (int) Math.floor(MinMax.min(ay, by) - reach));
        int sy1 = Math.min(by1, (int) Math.ceil(MinMax.max(ay, by) + reach));
        float ux = len == 0 ? 1 : dx / len;
        float uy = len == 0 ? 0 : dy / len;
        boolean slanted = Math.abs(uy) > 1e-6f;
        // per row, the infinite line through the segment crosses the row's centre line at
        // ax + (py - ay) * slope; points of the row within h / |uy| of there are within h of it
        float slope = slanted ? ux / uy : 0;
        float reachHalf = slanted ? reach / Math.abs(uy) : 0;
        float innerHalf = slanted ? inner / Math.abs(uy) : -1;
        float invUx = Math.abs(ux) > 1e-6f ? 1 / ux : 0;
        for (int y = sy0; y < sy1; y++) {
            float py = y + 0.5f;
            float from = minX;
            float to = maxX;
            if (slanted && len > 0) {
                float c = ax + (py - ay) * slope;
                from = MinMax.max(from, c - reachHalf);
                to = MinMax.min(to, c + reachHalf);
            }
            int sx0 = Math.max(bx0, (int) Math.floor(from - 0.5f));
            int sx1 = Math.min(bx1, (int) Math.ceil(to + 0.5f));
            if (sx0 >= sx1) {
                continue;
            }
            int row;
            if (direct) {
                row = y * width;
            } else {
                row = (y - by0) * w - bx0;
                take(y - by0, row, sx0, sx1);
            }
            // the pixels wholly covered: [ix0, ix1)
            int ix0 = sx1;
            int ix1 = sx1;
            if (inner > 0) {
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                float ha = chord(inner, py - ay);
                if (ha >= 0) {
                    lo = ax - ha;
                    hi = ax + ha;
                }
                float hb = chord(inner, py - by);
                if (hb >= 0) {
                    lo = MinMax.min(lo, bx - hb);
                    hi = MinMax.max(hi, bx + hb);
                }
                if (len > 0 && band(ax, py - ay, ux, uy, len, inner, slope, innerHalf, invUx)) {
                    lo = MinMax.min(lo, bandLo);
                    hi = MinMax.max(hi, bandHi);
                }
                if (lo <= hi) {
                    ix0 = Math.max(sx0, (int) Math.ceil(lo - 0.5f));
                    ix1 = Math.min(sx1, (int) Math.floor(hi - 0.5f) + 1);
                    if (ix0 >= ix1) {
                        ix0 = sx1;
                        ix1 = sx1;
                    }
                }
            }
            // pixel x's centre lies alongAt + x ux along the segment from a and acrossAt + x uy across it
            float alongAt = (0.5f - ax) * ux + (py - ay) * uy;
            float acrossAt = (0.5f - ax) * uy - (py - ay) * ux;
            for (int x = sx0; x < sx1; x++) {
                if (x == ix0) {
                    if (!direct) {
                        Arrays.fill(cover, row + ix0, row + ix1, 1f);
                    } else if (colour >>> 24 == 255) {
                        Arrays.fill(pixels, row + ix0, row + ix1, colour);
                    } else {
                        for (int k = row + ix0; k < row + ix1; k++) {
                            pixels[k] = RasterFill.over(colour, pixels[k]);
                        }
                    }
                    x = ix1 - 1;
                    continue;
                }
                float d;
                float along = alongAt + x * ux;
                if (along >= 0 && along <= len) {
                    d = Math.abs(acrossAt + x * uy); // beside the segment: the distance from its line
                    if (d >= reach) {
                        continue;
                    }
                } else {
                    float px = x + 0.5f;
                    float t = len2 == 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
                    t = t < 0 ? 0 : t > 1 ? 1 : t;
                    float ex = px - (ax + t * dx);
                    float ey = py - (ay + t * dy);
                    float d2 = ex * ex + ey * ey;
                    if (d2 >= reach2) {
                        continue;
                    }
                    d = (float) Math.sqrt(d2);
                }
                // the part of the pixel [-0.5, 0.5] across the stroke that [d - r, d + r] covers
                float c = MinMax.min(d + r, 0.5f) - MinMax.max(d - r, -0.5f);
                int k = row + x;
                if (direct) {
                    blend(k, c);
                } else if (c > cover[k]) {
                    cover[k] = c;
                }
            }
        }
    }

    /** Half the chord a row at {@code dy} from a circle's centre cuts from a circle of {@code radius}; -1 if none. */
    private static float chord(float radius, float dy) {
        float h2 = radius * radius - dy * dy;
        return h2 < 0 ? -1 : (float) Math.sqrt(h2);
    }

    /**
     * The x range on the row {@code ry} below a of the points whose projection falls on the segment
     * (from (ax, ay), unit direction (ux, uy), length {@code len}) and whose distance from it is at
     * most {@code radius}, into {@link #bandLo} and {@link #bandHi}; false when there are none.
     * {@code slope} is ux / uy and {@code half} radius / |uy| for a slanted segment ({@code half}
     * negative for a level one), {@code invUx} 1 / ux (0 for an upright one).
     */
    private boolean band(float ax, float ry, float ux, float uy, float len, float radius, float slope, float half,
            float invUx) {
        float lo;
        float hi;
        // at distance at most radius from the infinite line: |(px - ax) uy - ry ux| <= radius
        if (half >= 0) {
            float c = ax + ry * slope;
            lo = c - half;
            hi = c + half;
        } else if (Math.abs(ry) <= radius) {
            lo = Float.NEGATIVE_INFINITY;
            hi = Float.POSITIVE_INFINITY;
        } else {
            return false;
        }
        // projection within the segment: 0 <= (px - ax) ux + ry uy <= len
        if (invUx != 0) {
            float p0 = ax - ry * uy * invUx;
            float p1 = p0 + len * invUx;
            lo = MinMax.max(lo, MinMax.min(p0, p1));
            hi = MinMax.min(hi, MinMax.max(p0, p1));
        } else {
            float along = ry * uy;
            if (along < 0 || along > len) {
                return false;
            }
        }
        bandLo = lo;
        bandHi = hi;
        return lo <= hi;
    }

    /** Makes [x0, x1) part of row ri's touched range, clearing the cover of the cells newly taken in. */
    private void take(int ri, int row, int x0, int x1) {
        int from = rowFrom[ri];
        int to = rowTo[ri];
        if (from > to) {
            Arrays.fill(cover, row + x0, row + x1, 0f);
            rowFrom[ri] = x0;
            rowTo[ri] = x1;
            return;
        }
        if (x0 < from) {
            Arrays.fill(cover, row + x0, row + from, 0f);
            rowFrom[ri] = x0;
        }
        if (x1 > to) {
            Arrays.fill(cover, row + to, row + x1, 0f);
            rowTo[ri] = x1;
        }
    }

    private void blend(int argbPre, int rows) {
        colour = argbPre;
        for (int ri = 0; ri < rows; ri++) {
            int from = rowFrom[ri];
            int to = rowTo[ri];
            int row = ri * w - bx0;
            int base = (by0 + ri) * width;
            for (int x = from; x < to; x++) {
                blend(base + x, cover[row + x]);
            }
        }
    }

    /** Lays {@link #colour} over pixel {@code i} in the measure {@code c} (0..1) it covers the pixel. */
    private void blend(int i, float c) {
        int cov = (int) (MinMax.min(c, 1f) * 255 + 0.5f);
        if (cov == 0) {
            return;
        }
        int src = colour;
        if (cov < 255) {
            src = mul(src >>> 24, cov) << 24 | mul((src >> 16) & 0xff, cov) << 16 | mul((src >> 8) & 0xff, cov) << 8
                    | mul(src & 0xff, cov);
        }
        pixels[i] = RasterFill.over(src, pixels[i]);
    }

    private static int mul(int a, int b) {
        int t = a * b + 128;
        return (t + (t >> 8)) >> 8;
    }
}
