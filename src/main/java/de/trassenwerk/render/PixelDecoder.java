package de.trassenwerk.render;

import de.trassenwerk.crs.CoordinateTransform;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

/**
 * Turns GeoPackage binary geometries (header and ISO WKB, as {@code FeatureStore.readEncoded} gives
 * them) straight into pixel shapes of one view, without building JTS geometries: each coordinate is
 * read, reprojected if the layer has another CRS, mapped to pixels and, at {@link Detail#LEVEL_OF_DETAIL},
 * left out when it lies within half a pixel of the last one kept. A feature whose envelope is
 * smaller than a pixel either way becomes a single {@link FeatureShape.Kind#PIXEL} at its centre;
 * when the blob's header carries the envelope (GDAL and this store write one for everything but
 * points) the rest of the blob is not even read.
 *
 * <p>Reads every WKB variant a GeoPackage may hold: either byte order per part, Z, M and ZM (ISO
 * type codes and the extended-WKB flags), empty geometries, nested collections. Not thread-safe:
 * one decoder per layer job (it keeps scratch arrays).
 */
final class PixelDecoder {
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLE_LE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_BE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    private final double minX;
    private final double maxY;
    private final double pixelsPerUnit;
    private final boolean simplify;
    private final CoordinateTransform toProject;
    private final double[] pt = new double[2];

    // per geometry scratch: the parts of each dimension collected so far
    private final Parts areas = new Parts();
    private final Parts lines = new Parts();
    private final Parts points = new Parts();
    private byte[] blob;
    private int pos;
    private boolean littleEndian;
    private double envMinX;
    private double envMinY;
    private double envMaxX;
    private double envMaxY;
    private int kinds;

    /**
     * @param vp        the view, in the project CRS
     * @param detail    whether to simplify and draw sub-pixel features as pixels
     * @param toProject transform from the layer's CRS to the project CRS, or null when they are the same
     */
    PixelDecoder(Viewport vp, Detail detail, CoordinateTransform toProject) {
        this.minX = vp.minX();
        this.maxY = vp.maxY();
        this.pixelsPerUnit = 1 / vp.metresPerPixel();
        this.simplify = detail == Detail.LEVEL_OF_DETAIL;
        this.toProject = toProject;
    }

    /**
     * Adds the bare shapes (no symbolizer, rank 0) of one encoded geometry to {@code out}: areas,
     * lines and points of a collection separately, each with its dimension; null and empty
     * geometries add nothing.
     *
     * @throws IllegalArgumentException when the blob is not a readable GeoPackage geometry
     */
    void decode(byte[] geometry, List<FeatureShape> out) {
        if (geometry == null) {
            return;
        }
        if (geometry.length < 8 || geometry[0] != 'G' || geometry[1] != 'P') {
            throw new IllegalArgumentException("not a GeoPackage geometry (no 'GP' magic)");
        }
        int flags = geometry[3] & 0xff;
        if ((flags & 0x20) != 0) {
            throw new IllegalArgumentException("extended GeoPackage geometry types are not supported");
        }
        if ((flags & 0x10) != 0) {
            return; // empty
        }
        int envelopeCode = (flags >> 1) & 7;
        int envelopeDoubles = switch (envelopeCode) {
            case 0 -> 0;
            case 1 -> 4;
            case 2, 3 -> 6;
            case 4 -> 8;
            default -> throw new IllegalArgumentException("invalid envelope code " + envelopeCode);
        };
        int wkbStart = 8 + envelopeDoubles * 8;
        if (geometry.length < wkbStart + 5) {
            throw new IllegalArgumentException("geometry blob shorter than its header");
        }
        blob = geometry;
        int headerDimension = envelopeDoubles > 0 ? dimensionOf(geometry, wkbStart) : -1;
        if (simplify && headerDimension > 0 && toProject == null) {
            littleEndian = (flags & 1) == 1;
            double x0 = readDouble(8);
            double x1 = readDouble(16);
            double y0 = readDouble(24);
            double y1 = readDouble(32);
            if ((x1 - x0) * pixelsPerUnit < 1 && (y1 - y0) * pixelsPerUnit < 1) {
                out.add(pixel((x0 + x1) / 2, (y0 + y1) / 2, headerDimension));
                return;
            }
        }
        areas.clear();
        lines.clear();
        points.clear();
        kinds = 0;
        envMinX = Double.POSITIVE_INFINITY;
        envMinY = Double.POSITIVE_INFINITY;
        envMaxX = Double.NEGATIVE_INFINITY;
        envMaxY = Double.NEGATIVE_INFINITY;
        pos = wkbStart;
        readGeometry(0);
        if (envMinX > envMaxX) {
            return; // nothing but empty parts
        }
        if (simplify && (kinds & ~KIND_POINT) != 0 && (envMaxX - envMinX) < 1 && (envMaxY - envMinY) < 1) {
            int dimension = (kinds & KIND_AREA) != 0 ? 2 : 1;
            out.add(FeatureShape.bare(FeatureShape.Kind.PIXEL, null,
                    new double[] {(envMinX + envMaxX) / 2, (envMinY + envMaxY) / 2}, dimension));
            return;
        }
        if (areas.vertices > 0) {
            out.add(FeatureShape.bare(FeatureShape.Kind.AREA, areas.toShape(true), null, 2));
        }
        if (lines.vertices > 0) {
            out.add(FeatureShape.bare(FeatureShape.Kind.LINE, lines.toShape(false), null, 1));
        }
        if (points.vertices > 0) {
            double[] xy = new double[points.vertices * 2];
            for (int i = 0; i < xy.length; i++) {
                xy[i] = points.xy[i];
            }
            out.add(FeatureShape.bare(FeatureShape.Kind.POINTS, null, xy, 0));
        }
    }

    /**
     * The dimension of the WKB geometry at {@code at} as its type code tells: 0 for points and
     * multipoints (drawn as markers, whatever their size), 1 for lines, 2 for areas, -1 for
     * collections (which may mix dimensions, so must be read).
     */
    private static int dimensionOf(byte[] b, int at) {
        int code = b[at] == 1 ? (int) INT_LE.get(b, at + 1) : (int) INT_BE.get(b, at + 1);
        return switch ((code & 0x0fffffff) % 1000) {
            case 1, 4 -> 0;
            case 2, 5 -> 1;
            case 3, 6 -> 2;
            default -> -1;
        };
    }

    private FeatureShape pixel(double x, double y, int dimension) {
        return FeatureShape.bare(FeatureShape.Kind.PIXEL, null,
                new double[] {(x - minX) * pixelsPerUnit, (maxY - y) * pixelsPerUnit}, dimension);
    }

    private static final int KIND_POINT = 1;
    private static final int KIND_LINE = 2;
    private static final int KIND_AREA = 4;

    private void readGeometry(int depth) {
        if (depth > 32) {
            throw new IllegalArgumentException("geometry collections nested too deeply");
        }
        need(5);
        littleEndian = blob[pos] == 1;
        pos++;
        int code = readInt();
        int dims = 2;
        if ((code & 0x80000000) != 0) {
            dims++; // extended WKB Z flag
        }
        if ((code & 0x40000000) != 0) {
            dims++; // extended WKB M flag
        }
        if ((code & 0x20000000) != 0) {
            need(4);
            pos += 4; // extended WKB SRID
        }
        code &= 0x0fffffff;
        int iso = code / 1000;
        dims += iso == 1 || iso == 2 ? 1 : iso == 3 ? 2 : 0;
        int type = code % 1000;
        switch (type) {
            case 1 -> {
                need(dims * 8);
                double x = readDouble(pos);
                double y = readDouble(pos + 8);
                pos += dims * 8;
                if (!Double.isNaN(x) && !Double.isNaN(y)) {
                    kinds |= KIND_POINT;
                    project(x, y);
                    points.begin();
                    points.add(pt[0], pt[1]);
                    points.end();
                    grow(pt[0], pt[1]);
                }
            }
            case 2 -> {
                kinds |= KIND_LINE;
                readSequence(lines, dims, false);
            }
            case 3 -> {
                kinds |= KIND_AREA;
                int rings = readCount();
                for (int r = 0; r < rings; r++) {
                    readSequence(areas, dims, true);
                }
            }
            case 4, 5, 6, 7 -> {
                int parts = readCount();
                for (int i = 0; i < parts; i++) {
                    readGeometry(depth + 1);
                }
            }
            default -> throw new IllegalArgumentException("unknown WKB geometry type " + code);
        }
    }

    /** Reads one line or ring into {@code parts}, mapped to pixels and thinned at level of detail. */
    private void readSequence(Parts parts, int dims, boolean ring) {
        int n = readCount();
        int stride = dims * 8;
        need((long) n * stride);
        if (n == 0) {
            return;
        }
        parts.begin();
        double lastX = 0;
        double lastY = 0;
        for (int i = 0; i < n; i++) {
            project(readDouble(pos), readDouble(pos + 8));
            pos += stride;
            double x = pt[0];
            double y = pt[1];
            grow(x, y);
            if (i > 0 && simplify && i < n - 1 && Math.abs(x - lastX) < 0.5 && Math.abs(y - lastY) < 0.5) {
                continue;
            }
            if (ring && i == n - 1 && i > 0) {
                double fx = parts.xy[2 * parts.partStart];
                double fy = parts.xy[2 * parts.partStart + 1];
                if (x == fx && y == fy) {
                    break; // the closing vertex repeats the first: the ring closes by itself
                }
            }
            parts.add(x, y);
            lastX = x;
            lastY = y;
        }
        if (ring && parts.vertices - parts.partStart < 3) {
            parts.drop(); // collapsed below a pixel; as a whole, the feature may become a pixel
        } else if (!ring && parts.vertices - parts.partStart < 2) {
            parts.add(lastX, lastY); // a line shorter than the step still gets its end
            parts.end();
        } else {
            parts.end();
        }
    }

    /** Map coordinates in the layer's CRS to pixel coordinates, into {@link #pt}. */
    private void project(double x, double y) {
        if (toProject != null) {
            double[] p = toProject.transform(x, y);
            x = p[0];
            y = p[1];
        }
        pt[0] = (x - minX) * pixelsPerUnit;
        pt[1] = (maxY - y) * pixelsPerUnit;
    }

    private void grow(double x, double y) {
        envMinX = Math.min(envMinX, x);
        envMaxX = Math.max(envMaxX, x);
        envMinY = Math.min(envMinY, y);
        envMaxY = Math.max(envMaxY, y);
    }

    private int readCount() {
        int n = readInt();
        if (n < 0) {
            throw new IllegalArgumentException("negative WKB count " + n);
        }
        return n;
    }

    private int readInt() {
        need(4);
        int v = littleEndian ? (int) INT_LE.get(blob, pos) : (int) INT_BE.get(blob, pos);
        pos += 4;
        return v;
    }

    private double readDouble(int at) {
        return littleEndian ? (double) DOUBLE_LE.get(blob, at) : (double) DOUBLE_BE.get(blob, at);
    }

    private void need(long bytes) {
        if (pos + bytes > blob.length) {
            throw new IllegalArgumentException("WKB ends before its geometry does");
        }
    }

    /**
     * Growable x/y pairs with part boundaries, made into a {@link PixelShape}; reused from geometry
     * to geometry here, and used by {@link OffsetPath} too.
     */
    static final class Parts {
        float[] xy = new float[256];
        int[] ends = new int[8];
        int vertices;
        int parts;
        int partStart;

        void clear() {
            vertices = 0;
            parts = 0;
            partStart = 0;
        }

        void begin() {
            partStart = vertices;
        }

        void add(double x, double y) {
            if (2 * vertices + 2 > xy.length) {
                xy = Arrays.copyOf(xy, xy.length * 2);
            }
            xy[2 * vertices] = (float) x;
            xy[2 * vertices + 1] = (float) y;
            vertices++;
        }

        void end() {
            if (parts == ends.length) {
                ends = Arrays.copyOf(ends, parts * 2);
            }
            ends[parts++] = vertices;
        }

        void drop() {
            vertices = partStart;
        }

        PixelShape toShape(boolean closed) {
            return new PixelShape(Arrays.copyOf(xy, 2 * vertices), Arrays.copyOf(ends, parts), closed);
        }
    }
}
