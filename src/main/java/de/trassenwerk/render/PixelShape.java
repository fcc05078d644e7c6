package de.trassenwerk.render;

import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;

/**
 * The lines or rings of one feature in pixel coordinates, as flat arrays: x/y pairs, and where each
 * part ends. Rings are closed implicitly (their first vertex is not repeated) and filled by the
 * even-odd rule, so holes stay holes. Java2D draws it like any {@link Shape}; {@link RasterFill}
 * reads the arrays directly. Immutable once built; any thread.
 */
final class PixelShape implements Shape {
    private final float[] xy;
    private final int[] partEnds;
    private final boolean closed;
    private final float minX;
    private final float minY;
    private final float maxX;
    private final float maxY;

    /**
     * @param xy       x/y pairs of all parts, one after the other (not copied: the caller hands it over)
     * @param partEnds for each part, the index in vertices (not array slots) one past its last vertex
     * @param closed   true for rings (areas), false for lines
     */
    PixelShape(float[] xy, int[] partEnds, boolean closed) {
        this.xy = xy;
        this.partEnds = partEnds;
        this.closed = closed;
        float x0 = Float.POSITIVE_INFINITY;
        float y0 = Float.POSITIVE_INFINITY;
        float x1 = Float.NEGATIVE_INFINITY;
        float y1 = Float.NEGATIVE_INFINITY;
        int n = partEnds.length == 0 ? 0 : partEnds[partEnds.length - 1];
        for (int i = 0; i < n; i++) {
            float x = xy[2 * i];
            float y = xy[2 * i + 1];
            x0 = Math.min(x0, x);
            x1 = Math.max(x1, x);
            y0 = Math.min(y0, y);
            y1 = Math.max(y1, y);
        }
        minX = x0;
        minY = y0;
        maxX = x1;
        maxY = y1;
    }

    /** The x/y pairs of all parts (read only). */
    float[] coordinates() {
        return xy;
    }

    /** For each part, the vertex index one past its end (read only). */
    int[] partEnds() {
        return partEnds;
    }

    /** True for rings, false for lines. */
    boolean closed() {
        return closed;
    }

    /** The number of vertices of all parts. */
    int vertexCount() {
        return partEnds.length == 0 ? 0 : partEnds[partEnds.length - 1];
    }

    @Override
    public Rectangle getBounds() {
        return getBounds2D().getBounds();
    }

    @Override
    public Rectangle2D getBounds2D() {
        if (vertexCount() == 0) {
            return new Rectangle2D.Float();
        }
        return new Rectangle2D.Float(minX, minY, maxX - minX, maxY - minY);
    }

    @Override
    public boolean contains(double x, double y) {
        if (!closed || x < minX || x > maxX || y < minY || y > maxY) {
            return false;
        }
        boolean inside = false;
        int start = 0;
        for (int end : partEnds) {
            for (int i = start, j = end - 1; i < end; j = i++) {
                float xi = xy[2 * i];
                float yi = xy[2 * i + 1];
                float xj = xy[2 * j];
                float yj = xy[2 * j + 1];
                if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                    inside = !inside;
                }
            }
            start = end;
        }
        return inside;
    }

    @Override
    public boolean contains(Point2D p) {
        return contains(p.getX(), p.getY());
    }

    @Override
    public boolean intersects(double x, double y, double w, double h) {
        return vertexCount() > 0 && x < maxX && x + w > minX && y < maxY && y + h > minY;
    }

    @Override
    public boolean intersects(Rectangle2D r) {
        return intersects(r.getX(), r.getY(), r.getWidth(), r.getHeight());
    }

    @Override
    public boolean contains(double x, double y, double w, double h) {
        return contains(x, y) && contains(x + w, y) && contains(x, y + h) && contains(x + w, y + h);
    }

    @Override
    public boolean contains(Rectangle2D r) {
        return contains(r.getX(), r.getY(), r.getWidth(), r.getHeight());
    }

    @Override
    public PathIterator getPathIterator(AffineTransform at) {
        return new Iterator(at);
    }

    @Override
    public PathIterator getPathIterator(AffineTransform at, double flatness) {
        return new Iterator(at); // straight segments only: already flat
    }

    @Override
    public String toString() {
        return "PixelShape[" + (closed ? "rings " : "lines ") + Arrays.toString(partEnds) + "]";
    }

    /** Walks the parts: move, lines, and a close after each ring. */
    private final class Iterator implements PathIterator {
        private final AffineTransform at;
        private int part;
        private int vertex;
        private boolean closing;

        Iterator(AffineTransform at) {
            this.at = at == null || at.isIdentity() ? null : at;
            skipEmptyParts();
        }

        private void skipEmptyParts() {
            while (part < partEnds.length && vertex >= partEnds[part]) {
                part++;
            }
        }

        @Override
        public int getWindingRule() {
            return WIND_EVEN_ODD;
        }

        @Override
        public boolean isDone() {
            return part >= partEnds.length;
        }

        @Override
        public void next() {
            if (closing) {
                closing = false;
                part++;
                skipEmptyParts();
                return;
            }
            vertex++;
            if (vertex >= partEnds[part]) {
                if (closed) {
                    closing = true;
                } else {
                    part++;
                    skipEmptyParts();
                }
            }
        }

        private boolean first() {
            return vertex == (part == 0 ? 0 : partEnds[part - 1]);
        }

        @Override
        public int currentSegment(float[] coords) {
            if (closing) {
                return SEG_CLOSE;
            }
            coords[0] = xy[2 * vertex];
            coords[1] = xy[2 * vertex + 1];
            if (at != null) {
                at.transform(coords, 0, coords, 0, 1);
            }
            return first() ? SEG_MOVETO : SEG_LINETO;
        }

        @Override
        public int currentSegment(double[] coords) {
            if (closing) {
                return SEG_CLOSE;
            }
            coords[0] = xy[2 * vertex];
            coords[1] = xy[2 * vertex + 1];
            if (at != null) {
                at.transform(coords, 0, coords, 0, 1);
            }
            return first() ? SEG_MOVETO : SEG_LINETO;
        }
    }
}
