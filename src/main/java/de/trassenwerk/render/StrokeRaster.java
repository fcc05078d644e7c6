package de.trassenwerk.render;

import java.awt.BasicStroke;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Draws solid or dashed antialiased lines with round joins and round, butt or square ends straight
 * into the pixels of a {@code TYPE_INT_ARGB_PRE} image: for every pixel near the edge of the line,
 * the part of the pixel the line covers is worked out from the distance of the pixel's centre to the
 * nearest segment (exact for a straight stroke across the pixel grid, close elsewhere), and near a
 * butt end from its distance along the segment to the end as well; the pixels inside it are covered
 * whole, set a row at a time; the colour is laid over each pixel in that measure. Beside a segment
 * the distance is that from its line, which changes by a constant step from pixel to pixel. Where
 * segments of one line overlap, the pixel takes the larger cover, not both, as when Java2D strokes
 * the whole path: the cover of a line of several segments (or dashes) is gathered first, in bands of
 * rows of at most {@link #MAX_AREA} pixels, and then laid on, while a line of one segment (most
 * streets and ducts of a city at a district's scale, once simplified to the pixel) meets each pixel
 * once and goes straight into the image. Dashes follow Java2D's {@link BasicStroke}: the pattern
 * starts afresh on each part, runs on across its vertices, and on a ring whose first and last dash
 * meet at the start they are one dash. Several times faster than Java2D's general rasteriser for the
 * many short lines of a map (streets, ducts, outlines of small areas), and for dashed outlines,
 * where Java2D goes through every row of the outline's bounds.
 *
 * <p>Not thread-safe: one instance per image, used by the one thread that paints it (it keeps a
 * scratch coverage buffer).
 */
final class StrokeRaster {
    /** The most pixels whose cover is gathered at once: a bigger line is drawn in bands of rows. */
    static final int MAX_AREA = 512 * 512;
    /**
     * Lines wider than this many pixels are left to Java2D. The inside of a line is filled row by row
     * and only its edge pixels are measured, so wide lines cost little more than narrow ones (on the
     * scale-50 city's 5 km window, streets 1-7 pixels wide with casings: the street layer's job took
     * 44-48 ms with the limit at 16 against 52 ms with it at 3, when lines over 3 pixels went to
     * Java2D).
     */
    static final float MAX_WIDTH = 16f;
    /** Dashes of one line beyond this many are left to Java2D (a line far longer than the view with a fine pattern). */
    static final int MAX_DASHES = 1 << 18;

    private final int[] pixels;
    private final int width;
    private final int height;
    /** The rows painted: [top, bottom). */
    private final int top;
    private final int bottom;
    private float[] cover = new float[1024];
    /**
     * Which blocks of {@link #BLOCK} pixels of each row of the band have cover: {@link #words} longs
     * a row. The cover of a block is cleared when it is first taken, and only taken blocks are laid
     * on (a dashed outline round a quarter touches a few pixels at either side of each row).
     */
    private long[] taken = new long[64];
    private int words;
    private static final int BLOCK_SHIFT = 4;
    private static final int BLOCK = 1 << BLOCK_SHIFT;
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
    /**
     * The pieces of the line being drawn, each a run of vertices stroked as one (a part of the shape,
     * or a dash): their vertices one after the other, where each ends and how.
     */
    private float[] pts = new float[256];
    private int[] pieceEnd = new int[16];
    private byte[] pieceKind = new byte[16];
    private int pieces;
    private int vertices;
    /** Piece kinds: a ring (its last vertex joined to its first); cut square at both ends. */
    private static final byte RING = 1;
    private static final byte BUTT = 2;

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
     * Strokes the parts of {@code shape} (rings closed) with a solid round-capped line of
     * {@code lineWidth} pixels in {@code argbPre}. Returns false, drawing nothing, when the line is
     * too wide for this way.
     */
    boolean draw(PixelShape shape, float lineWidth, int argbPre) {
        return draw(shape, lineWidth, BasicStroke.CAP_ROUND, null, 0, argbPre);
    }

    /**
     * Strokes the parts of {@code shape} with {@code stroke}'s width, ends and dashes in
     * {@code argbPre}, its joins round whatever the stroke says (the caller decides whether that is
     * close enough). Returns false, drawing nothing, when the line is too wide for this way or has too
     * many dashes.
     */
    boolean draw(PixelShape shape, BasicStroke stroke, int argbPre) {
        return draw(shape, stroke.getLineWidth(), stroke.getEndCap(), stroke.getDashArray(), stroke.getDashPhase(),
                argbPre);
    }

    private boolean draw(PixelShape shape, float lineWidth, int cap, float[] dash, float phase, int argbPre) {
        if (lineWidth > MAX_WIDTH) {
            return false;
        }
        java.awt.geom.Rectangle2D b = shape.getBounds2D();
        float r = lineWidth / 2f;
        float reach = (cap == BasicStroke.CAP_SQUARE ? 2 * r : r) + 1; // square ends stick out r along the line
        int x0 = Math.max(0, (int) Math.floor(b.getMinX() - reach));
        int y0 = Math.max(0, (int) Math.floor(b.getMinY() - reach));
        int x1 = Math.min(width, (int) Math.ceil(b.getMaxX() + reach));
        int y1 = Math.min(height, (int) Math.ceil(b.getMaxY() + reach));
        if (x0 >= x1 || y0 >= y1) {
            return true; // wholly outside the image
        }
        y0 = Math.max(y0, top);
        y1 = Math.min(y1, bottom);
        if (y0 >= y1) {
            return true; // outside the rows painted
        }
        pieces = 0;
        vertices = 0;
        if (dash == null) {
            solidPieces(shape, cap, r);
        } else if (!dashPieces(shape, cap, r, dash, phase, x0 - reach, y0 - reach, x1 + reach, y1 + reach)) {
            return false;
        }
        if (pieces == 0) {
            return true; // nothing to stroke (butt-ended lines of no length, or no dash in the rows drawn)
        }
        w = x1 - x0;
        bx0 = x0;
        bx1 = x1;
        if (pieces == 1 && pieceEnd[0] <= 2 && (pieceKind[0] & RING) == 0) {
            // one segment covers each pixel once: straight into the image, no cover to keep
            by0 = y0;
            by1 = y1;
            direct = true;
            colour = argbPre;
            int last = pieceEnd[0] - 1;
            boolean butt = (pieceKind[0] & BUTT) != 0;
            segment(pts[0], pts[1], pts[2 * last], pts[2 * last + 1], r, butt, butt);
            direct = false;
            return true;
        }
        int bandRows = Math.max(1, MAX_AREA / w);
        for (int band = y0; band < y1; band += bandRows) {
            by0 = band;
            by1 = Math.min(y1, band + bandRows);
            int rows = by1 - by0;
            if (cover.length < (long) w * rows) {
                cover = new float[(int) Math.max((long) w * rows, Math.min(cover.length * 2L, (long) MAX_AREA + w))];
            }
            words = ((w + BLOCK - 1 >> BLOCK_SHIFT) + 63) >> 6;
            if (taken.length < rows * words) {
                taken = new long[Math.max(rows * words, taken.length * 2)];
            }
            Arrays.fill(taken, 0, rows * words, 0L);
            gather(r, by0 - reach, by1 + reach);
            blend(argbPre, rows);
        }
        return true;
    }

    /** The cover of every segment of the pieces that reaches rows [fromY, toY] into the band. */
    private void gather(float r, float fromY, float toY) {
        int start = 0;
        for (int p = 0; p < pieces; p++) {
            int end = pieceEnd[p];
            int kind = pieceKind[p];
            boolean ring = (kind & RING) != 0 && end - start > 2;
            if (end - start == 1) {
                float x = pts[2 * start];
                float y = pts[2 * start + 1];
                if (y >= fromY && y <= toY) {
                    segment(x, y, x, y, r, false, false); // a dot
                }
            }
            for (int i = start; i + 1 < end; i++) {
                float ay = pts[2 * i + 1];
                float by = pts[2 * i + 3];
                if (MinMax.max(ay, by) < fromY || MinMax.min(ay, by) > toY) {
                    continue;
                }
                boolean butt = !ring && (kind & BUTT) != 0;
                segment(pts[2 * i], ay, pts[2 * i + 2], by, r, butt && i == start, butt && i + 2 == end);
            }
            if (ring) {
                int last = end - 1;
                float ay = pts[2 * last + 1];
                float by = pts[2 * start + 1];
                if (MinMax.max(ay, by) >= fromY && MinMax.min(ay, by) <= toY) {
                    segment(pts[2 * last], ay, pts[2 * start], by, r, false, false);
                }
            }
            start = end;
        }
    }

    /** The parts of {@code shape} as pieces, with the line's ends (square ends as butt ends moved out by r). */
    private void solidPieces(PixelShape shape, int cap, float r) {
        float[] xy = shape.coordinates();
        int start = 0;
        for (int end : shape.partEnds()) {
            for (int i = start; i < end; i++) {
                vertex(xy[2 * i], xy[2 * i + 1]);
            }
            if (shape.closed() && end - start > 2) {
                addPiece(RING);
            } else {
                endPiece(cap, r);
            }
            start = end;
        }
    }

    /**
     * The dashes of the parts of {@code shape} as pieces, as Java2D's dasher makes them. Only the
     * dashes within the box (x0, y0)-(x1, y1) (the rows drawn, widened by the line's reach) are
     * kept; a dash leaving it is cut at its edge, where the cut cannot be seen. False when there are
     * more than {@link #MAX_DASHES}.
     */
    private boolean dashPieces(PixelShape shape, int cap, float r, float[] dash, float phase, float x0, float y0,
            float x1, float y1) {
        double cycle = 0;
        for (float d : dash) {
            cycle += d;
        }
        if (!(cycle > 0)) {
            return false;
        }
        // the pattern where each part starts: dash[0] on, moved on by the phase
        int startIdx = 0;
        boolean startOn = true;
        double startLeft = dash[0];
        double skip = phase % cycle; // the pattern has an even length: a whole cycle leaves it as it was
        while (skip >= startLeft) {
            skip -= startLeft;
            startIdx = (startIdx + 1) % dash.length;
            startOn = !startOn;
            startLeft = dash[startIdx];
        }
        startLeft -= skip;
        float[] xy = shape.coordinates();
        int start = 0;
        for (int end : shape.partEnds()) {
            boolean ring = shape.closed() && end - start > 2;
            idx = startIdx;
            on = startOn;
            left = startLeft;
            int firstPiece = -1; // on a ring: the dash that begins at its start, ends not yet made
            boolean open = false; // a dash is being gathered
            boolean first = true;
            int segments = end - start - 1 + (ring ? 1 : 0);
            for (int s = 0; s < segments; s++) {
                int a = start + s;
                int b = a + 1 < end ? a + 1 : start;
                double ax = xy[2 * a];
                double ay = xy[2 * a + 1];
                double dx = xy[2 * b] - ax;
                double dy = xy[2 * b + 1] - ay;
                double len = Math.sqrt(dx * dx + dy * dy);
                if (len == 0) {
                    continue;
                }
                // the part [enter, leave] of the segment's length inside the box (Liang-Barsky)
                clipFrom = 0;
                clipTo = 1;
                clip(ax, dx, x0, x1);
                clip(ay, dy, y0, y1);
                boolean inside = clipFrom <= clipTo;
                double enter = inside ? clipFrom * len : len;
                double leave = inside ? clipTo * len : len;
                if (open && enter > 0) {
                    firstPiece = cut(firstPiece, cap, r); // left the box at the last vertex
                    open = false;
                }
                follow(dash, cycle, enter); // outside the box: the pattern only
                if (inside) {
                    double at = enter;
                    if (on && !open) {
                        vertex(ax, ay, dx, dy, at, len); // a dash begins (or comes into the box)
                        open = true;
                        if (ring && first && at == 0) {
                            firstPiece = pieces;
                        }
                    }
                    while (at + left < leave) {
                        at += left;
                        vertex(ax, ay, dx, dy, at, len);
                        if (on) {
                            if (pieces == firstPiece) {
                                addPiece(0); // its start may yet join the ring's last dash
                            } else {
                                endPiece(cap, r);
                            }
                            open = false;
                        } else {
                            if (pieces >= MAX_DASHES) {
                                return false;
                            }
                            open = true;
                        }
                        next(dash);
                    }
                    left -= leave - at;
                    if (leave < len) {
                        if (open) {
                            vertex(ax, ay, dx, dy, leave, len);
                            firstPiece = cut(firstPiece, cap, r);
                            open = false;
                        }
                        follow(dash, cycle, len - leave);
                    } else if (open) {
                        vertex(ax + dx, ay + dy);
                    }
                }
                first = false;
            }
            if (open && firstPiece >= 0 && firstPiece < pieces) {
                // the last dash runs on into the first: one dash, joined at the ring's start
                int from = firstPiece == 0 ? 0 : pieceEnd[firstPiece - 1];
                for (int i = from; i < pieceEnd[firstPiece]; i++) {
                    vertex(pts[2 * i], pts[2 * i + 1]);
                }
                endPiece(cap, r);
                removePiece(firstPiece);
            } else {
                if (open) {
                    endPiece(cap, r);
                }
                if (firstPiece >= 0 && firstPiece < pieces) {
                    capPiece(firstPiece, cap, r);
                }
            }
            start = end;
        }
        return true;
    }

    /**
     * Ends the dash being gathered where it leaves the box (its end there cannot be seen); returns
     * {@code firstPiece}, or -1 when that was the dash cut (it then keeps its own end at the ring's
     * start).
     */
    private int cut(int firstPiece, int cap, float r) {
        boolean wasFirst = pieces == firstPiece;
        endPiece(cap, r);
        return wasFirst ? -1 : firstPiece;
    }

    /** The part [clipFrom, clipTo] of a segment (as a share of it) inside the box, while dashes are made. */
    private double clipFrom;
    private double clipTo;

    /** Narrows [clipFrom, clipTo] to where {@code a + t d} lies within [lo, hi] on one axis. */
    private void clip(double a, double d, double lo, double hi) {
        if (d == 0) {
            if (a < lo || a > hi) {
                clipTo = -1;
            }
            return;
        }
        double tLo = (lo - a) / d;
        double tHi = (hi - a) / d;
        clipFrom = Math.max(clipFrom, Math.min(tLo, tHi));
        clipTo = Math.min(clipTo, Math.max(tLo, tHi));
    }

    /** The pattern's state while dashes are made: the index of the dash or gap, whether it is a dash, its length left. */
    private int idx;
    private boolean on;
    private double left;

    /** Moves the pattern on to its next dash or gap. */
    private void next(float[] dash) {
        idx = (idx + 1) % dash.length;
        on = !on;
        left = dash[idx];
    }

    /** Moves the pattern on by {@code distance} without making dashes. */
    private void follow(float[] dash, double cycle, double distance) {
        double rest = distance % cycle;
        while (rest > left) { // a change exactly where the box begins is made there
            rest -= left;
            next(dash);
        }
        left -= rest;
    }

    /** Adds the point {@code at} along the segment from (ax, ay) of direction (dx, dy) and length {@code len}. */
    private void vertex(double ax, double ay, double dx, double dy, double at, double len) {
        double t = at / len;
        vertex(ax + dx * t, ay + dy * t);
    }

    /** Adds a vertex to the piece being gathered, unless it repeats the last one. */
    private void vertex(double x, double y) {
        float fx = (float) x;
        float fy = (float) y;
        int from = pieces == 0 ? 0 : pieceEnd[pieces - 1];
        if (vertices > from && pts[2 * vertices - 2] == fx && pts[2 * vertices - 1] == fy) {
            return;
        }
        if (2 * vertices + 2 > pts.length) {
            pts = Arrays.copyOf(pts, pts.length * 2);
        }
        pts[2 * vertices] = fx;
        pts[2 * vertices + 1] = fy;
        vertices++;
    }

    /**
     * Ends the piece of the vertices added since the last one with {@code cap} at both ends: a square
     * end is a butt end moved out by {@code r} along its segment; a lone vertex stays a dot with
     * round ends, becomes an upright square with square ones and nothing with butt ones.
     */
    private void endPiece(int cap, float r) {
        int before = pieces;
        addPiece(0);
        if (pieces > before) {
            capPiece(pieces - 1, cap, r);
        }
    }

    /** Gives piece {@code p} (as yet without ends) {@code cap} at both ends, as {@link #endPiece} does. */
    private void capPiece(int p, int cap, float r) {
        if (cap == BasicStroke.CAP_ROUND) {
            return;
        }
        int from = p == 0 ? 0 : pieceEnd[p - 1];
        int to = pieceEnd[p];
        if (to - from == 1) {
            if (cap == BasicStroke.CAP_BUTT) {
                removePiece(p); // a butt-ended line of no length covers nothing
                return;
            }
            // upright square: a butt-ended piece as long as the line is wide (its one vertex taken twice)
            float x = pts[2 * from];
            float y = pts[2 * from + 1];
            insertVertex(to, x + r, y);
            pts[2 * from] = x - r;
            pieceKind[p] = BUTT;
            return;
        }
        if (cap == BasicStroke.CAP_SQUARE) {
            extend(from, from + 1, r);
            extend(to - 1, to - 2, r);
        }
        pieceKind[p] = BUTT;
    }

    /** Puts a vertex in before index {@code i}, moving the later ones (and the ends of their pieces) up. */
    private void insertVertex(int i, float x, float y) {
        if (2 * vertices + 2 > pts.length) {
            pts = Arrays.copyOf(pts, pts.length * 2);
        }
        System.arraycopy(pts, 2 * i, pts, 2 * i + 2, 2 * (vertices - i));
        pts[2 * i] = x;
        pts[2 * i + 1] = y;
        vertices++;
        for (int q = 0; q < pieces; q++) {
            if (pieceEnd[q] >= i) {
                pieceEnd[q]++;
            }
        }
    }

    /** Moves vertex {@code i} away from vertex {@code j} by {@code r} (if they differ). */
    private void extend(int i, int j, float r) {
        float dx = pts[2 * i] - pts[2 * j];
        float dy = pts[2 * i + 1] - pts[2 * j + 1];
        float len = (float) Math.sqrt(dx * dx + dy * dy);
        if (len > 0) {
            pts[2 * i] += dx / len * r;
            pts[2 * i + 1] += dy / len * r;
        }
    }

    /** Ends the piece of the vertices added since the last one (if any) as one of {@code kind}. */
    private void addPiece(int kind) {
        int from = pieces == 0 ? 0 : pieceEnd[pieces - 1];
        if (vertices == from) {
            return;
        }
        if (pieces == pieceEnd.length) {
            pieceEnd = Arrays.copyOf(pieceEnd, pieces * 2);
            pieceKind = Arrays.copyOf(pieceKind, pieces * 2);
        }
        pieceEnd[pieces] = vertices;
        pieceKind[pieces] = (byte) kind;
        pieces++;
    }

    /** Takes piece {@code p} out, moving the later ones down. */
    private void removePiece(int p) {
        int from = p == 0 ? 0 : pieceEnd[p - 1];
        int n = pieceEnd[p] - from;
        System.arraycopy(pts, 2 * pieceEnd[p], pts, 2 * from, 2 * (vertices - pieceEnd[p]));
        vertices -= n;
        for (int q = p; q + 1 < pieces; q++) {
            pieceEnd[q] = pieceEnd[q + 1] - n;
            pieceKind[q] = pieceKind[q + 1];
        }
        pieces--;
    }

    /**
     * Raises the cover of the pixels near segment (ax, ay)-(bx, by) to what this segment covers, or
     * (while {@link #direct}) lays the colour over them in that measure at once. Per row, the pixels
     * whose centre lies at most r - 0.5 from the segment are wholly covered and set by one fill (the
     * inside of a wide line); only the pixels at its edges are measured. An end is round (a join, or
     * a round cap) unless {@code buttA} or {@code buttB} cut it square across the segment: then a
     * pixel near it is covered in the measure its half-pixel reach along the segment passes the end.
     */
    private void segment(float ax, float ay, float bx, float by, float r, boolean buttA, boolean buttB) {
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
        boolean butt = buttA || buttB;
        float alongLo = buttA ? 0 : Float.NEGATIVE_INFINITY; // where a butt end cuts the line
        float alongHi = buttB ? len : Float.POSITIVE_INFINITY;
        // wholly covered along the segment: half a pixel inside a butt end
        float fullFrom = buttA ? 0.5f : 0;
        float fullTo = buttB ? len - 0.5f : len;
        for (int y = sy0; y < sy1; y++) {
            float py = y + 0.5f;
            float from = minX;
            float to = maxX;
            if (slanted && len > 0) {
                float c = ax + (py - ay) * slope;
                from = MinMax.max(from, c - reachHalf);
                to = MinMax.min(to, c + reachHalf);
            }
            // max(bx0, floor(from - 0.5)) and min(bx1, ceil(to + 0.5)), without a double's floor
            int sx0 = (int) MinMax.max(from - 0.5f, bx0); // not negative: the cast is the floor
            int sx1 = ceil(MinMax.min(to + 0.5f, bx1));
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
                float ha = buttA ? -1 : chord(inner, py - ay);
                if (ha >= 0) {
                    lo = ax - ha;
                    hi = ax + ha;
                }
                float hb = buttB ? -1 : chord(inner, py - by);
                if (hb >= 0) {
                    lo = MinMax.min(lo, bx - hb);
                    hi = MinMax.max(hi, bx + hb);
                }
                if (len > 0 && fullFrom <= fullTo
                        && band(ax, py - ay, ux, uy, fullFrom, fullTo, inner, slope, innerHalf, invUx)) {
                    lo = MinMax.min(lo, bandLo);
                    hi = MinMax.max(hi, bandHi);
                }
                if (lo <= hi) {
                    ix0 = ceil(MinMax.max(lo - 0.5f, sx0)); // max(sx0, ceil(lo - 0.5))
                    ix1 = floor(MinMax.max(MinMax.min(hi - 0.5f, sx1 - 1), sx0 - 1)) + 1; // min(sx1, floor(hi - 0.5) + 1)
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
                        RasterFill.overAll(pixels, row + ix0, row + ix1, colour);
                    }
                    x = ix1 - 1;
                    continue;
                }
                float d;
                float along = alongAt + x * ux;
                if (along >= 0 && along <= len || (along < 0 ? buttA : buttB)) {
                    // beside the segment, or beyond a butt end: the distance from its line
                    d = Math.abs(acrossAt + x * uy);
                    if (d >= reach) {
                        continue;
                    }
                } else {
                    // beyond a round end: the distance from that end
                    float ex = x + 0.5f - (along < 0 ? ax : bx);
                    float ey = py - (along < 0 ? ay : by);
                    float d2 = ex * ex + ey * ey;
                    if (d2 >= reach2) {
                        continue;
                    }
                    d = (float) Math.sqrt(d2);
                }
                // the part of the pixel [-0.5, 0.5] across the stroke that [d - r, d + r] covers
                float c = MinMax.min(d + r, 0.5f) - MinMax.max(d - r, -0.5f);
                if (butt) {
                    // and the part of it [along - 0.5, along + 0.5] that lies between the ends
                    c *= MinMax.max(0f, MinMax.min(1f, MinMax.min(along + 0.5f, alongHi) - MinMax.max(along - 0.5f, alongLo)));
                    if (c <= 0) {
                        continue;
                    }
                }
                int k = row + x;
                if (direct) {
                    blend(k, c);
                } else if (c > cover[k]) {
                    cover[k] = c;
                }
            }
        }
    }

    /** The largest int not above {@code v}, for |v| below 2^31. */
    private static int floor(float v) {
        int i = (int) v;
        return v < i ? i - 1 : i;
    }

    /** The smallest int not below {@code v}, for |v| below 2^31 (or anything the caller then discards). */
    private static int ceil(float v) {
        int i = (int) v;
        return v > i ? i + 1 : i;
    }

    /** Half the chord a row at {@code dy} from a circle's centre cuts from a circle of {@code radius}; -1 if none. */
    private static float chord(float radius, float dy) {
        float h2 = radius * radius - dy * dy;
        return h2 < 0 ? -1 : (float) Math.sqrt(h2);
    }

    /**
     * The x range on the row {@code ry} below a of the points whose projection on the segment (from
     * (ax, ay), unit direction (ux, uy)) lies between {@code from} and {@code to} along it and whose
     * distance from it is at most {@code radius}, into {@link #bandLo} and {@link #bandHi}; false
     * when there are none.
     * {@code slope} is ux / uy and {@code half} radius / |uy| for a slanted segment ({@code half}
     * negative for a level one), {@code invUx} 1 / ux (0 for an upright one).
     */
    private boolean band(float ax, float ry, float ux, float uy, float from, float to, float radius, float slope,
            float half, float invUx) {
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
        // projection within [from, to]: from <= (px - ax) ux + ry uy <= to
        if (invUx != 0) {
            float p0 = ax - ry * uy * invUx;
            float pFrom = p0 + from * invUx;
            float pTo = p0 + to * invUx;
            lo = MinMax.max(lo, MinMax.min(pFrom, pTo));
            hi = MinMax.min(hi, MinMax.max(pFrom, pTo));
        } else {
            float along = ry * uy;
            if (along < from || along > to) {
                return false;
            }
        }
        bandLo = lo;
        bandHi = hi;
        return lo <= hi;
    }

    /** Takes the blocks of row ri that [x0, x1) touches, clearing the cover of those newly taken. */
    private void take(int ri, int row, int x0, int x1) {
        int first = x0 - bx0 >> BLOCK_SHIFT;
        int last = x1 - 1 - bx0 >> BLOCK_SHIFT;
        int word = ri * words;
        for (int block = first; block <= last; block++) {
            long bit = 1L << block; // the shift takes block mod 64
            int k = word + (block >> 6);
            if ((taken[k] & bit) == 0) {
                taken[k] |= bit;
                int from = row + bx0 + (block << BLOCK_SHIFT);
                Arrays.fill(cover, from, Math.min(from + BLOCK, row + bx0 + w), 0f);
            }
        }
    }

    /** Lays {@code argbPre} over the pixels of the taken blocks of the band in the measure of their cover. */
    private void blend(int argbPre, int rows) {
        colour = argbPre;
        for (int ri = 0; ri < rows; ri++) {
            int row = ri * w - bx0;
            int base = (by0 + ri) * width;
            for (int k = 0; k < words; k++) {
                long bits = taken[ri * words + k];
                while (bits != 0) {
                    int block = (k << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    int from = bx0 + (block << BLOCK_SHIFT);
                    int to = Math.min(from + BLOCK, bx1);
                    for (int x = from; x < to; x++) {
                        float c = cover[row + x];
                        if (c > 0) {
                            blend(base + x, c);
                        }
                    }
                }
            }
        }
    }

    /** Lays {@link #colour} over pixel {@code i} in the measure {@code c} (0..1) it covers the pixel. */
    private void blend(int i, float c) {
        int cov = (int) (MinMax.min(c, 1f) * 255 + 0.5f);
        if (cov == 0) {
            return;
        }
        pixels[i] = RasterFill.over(cov < 255 ? RasterFill.scale(colour, cov) : colour, pixels[i]);
    }
}
