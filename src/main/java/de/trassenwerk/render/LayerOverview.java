package de.trassenwerk.render;

import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.StoreException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Envelope;

/**
 * A generalised copy of one big layer in memory, for drawing views that show much of it without
 * reading the store: every feature with its id, the values of the fields its style reads, and its
 * geometry generalised to the overview's {@link #unit() unit} (half a unit is the simplification
 * tolerance; a feature smaller than a unit is kept as its centre only). It is valid for views of at
 * least one unit per pixel, where the generalisation is below half a pixel and where every feature
 * kept as a centre is smaller than a pixel anyway, so drawing from it gives the same picture as
 * drawing from the store at {@link Detail#LEVEL_OF_DETAIL}: the same symbolizers (the rules of the
 * style of the moment tested against the stored values by a {@link FeatureStyler}), the same
 * painting order (ranks, then the store's order), sub-pixel features as pixels. Features whose rules
 * need the exact geometry (labels, marks, offset lines) cannot be drawn from it.
 *
 * <p>Geometry is kept as flat arrays of records (one per feature, or one per kind of part for a mixed
 * collection) in overview units: x to the right of and y down from the top-left corner of the
 * layer's extent. Immutable once built; any thread may draw from it at once.
 */
final class LayerOverview {
    /** The overview's width or height in units: the layer's extent spans this many units. */
    static final int UNITS_ACROSS = 4096;

    private static final byte PIXEL = 0;
    private static final byte AREA = 1;
    private static final byte LINE = 2;
    private static final byte POINTS = 3;
    /** What {@link #shapes} returns when some feature must be read from the store. */
    static final int NEEDS_STORE = -2;

    private final String layer;
    private final long dataVersion;
    private final List<String> fields;
    private final double originX;
    private final double originY;
    private final double unit;
    private final long[] fids;
    private final int[] classOf;
    private final List<Object[]> classes;
    private final int[] recFeature;
    private final byte[] recKind;
    private final byte[] recDim;
    private final float[] recBox;
    private final int[] recParts;
    private final int[] partEnds;
    private final float[] coords;

    private LayerOverview(Builder b) {
        layer = b.layer;
        dataVersion = b.dataVersion;
        fields = b.fields;
        originX = b.originX;
        originY = b.originY;
        unit = b.unit;
        fids = Arrays.copyOf(b.fids, b.features);
        classOf = Arrays.copyOf(b.classOf, b.features);
        classes = List.copyOf(b.classes);
        recFeature = Arrays.copyOf(b.recFeature, b.records);
        recKind = Arrays.copyOf(b.recKind, b.records);
        recDim = Arrays.copyOf(b.recDim, b.records);
        recBox = Arrays.copyOf(b.recBox, b.records * 4);
        recParts = Arrays.copyOf(b.recParts, b.records + 1);
        partEnds = Arrays.copyOf(b.partEnds, b.parts);
        coords = Arrays.copyOf(b.coords, b.vertices * 2);
    }

    String layer() {
        return layer;
    }

    /** The store's data version this overview was read at. */
    long dataVersion() {
        return dataVersion;
    }

    /** The fields whose values it keeps (schema spelling). */
    List<String> fields() {
        return fields;
    }

    /** Map units per overview unit: the finest view it may draw has this many metres per pixel. */
    double unit() {
        return unit;
    }

    /** Rough heap use in bytes. */
    long bytes() {
        return fids.length * 12L + recFeature.length * 26L + partEnds.length * 4L + coords.length * 4L;
    }

    /**
     * Reads a whole layer (in the map's CRS) and builds its overview, or returns null when
     * {@code cancelled} said stop. {@code fields} are the fields to keep, in schema spelling.
     */
    static LayerOverview build(FeatureStore store, LayerSchema schema, List<String> fields, Envelope extent,
            long dataVersion, BooleanSupplier cancelled) {
        Builder b = new Builder(schema.name(), fields, extent, dataVersion);
        try {
            store.readEncoded(schema.name(), Query.ALL.withFields(fields, true), (fid, geometry, values) -> {
                if (cancelled.getAsBoolean()) {
                    throw new Builder.Stop();
                }
                try {
                    b.add(fid, geometry, values);
                } catch (IllegalArgumentException e) {
                    throw new StoreException("store.error.badGeometry", e, schema.name(), fid, e.getMessage());
                }
            });
        } catch (Builder.Stop stop) {
            return null;
        }
        return new LayerOverview(b);
    }

    /**
     * The features (by index) that also pass a filter, given the ids of all features that pass it;
     * ids unknown to the overview are ignored.
     */
    BitSet featuresWithIds(long[] ids, int count) {
        BitSet set = new BitSet(fids.length);
        for (int i = 0; i < count; i++) {
            int at = Arrays.binarySearch(fids, ids[i]);
            if (at >= 0) {
                set.set(at);
            }
        }
        return set;
    }

    /**
     * Adds to {@code out} the styled shapes of the features that meet {@code vp} (widened by
     * {@code marginPixels}) and are in {@code passing} (null: all), in the store's order, as
     * {@code styler} makes them from the stored values; {@code valueAt[i]} is the index in
     * {@link #fields()} of the styler's i-th field. Returns the number of features styled, -1 when
     * {@code cancelled} said stop, or {@link #NEEDS_STORE} when the rules that take some feature
     * need its exact geometry (labels, marks, offset lines). The view must have at least
     * {@link #unit()} metres per pixel.
     */
    int shapes(Viewport vp, int marginPixels, FeatureStyler styler, int[] valueAt, BitSet passing,
            BooleanSupplier cancelled, List<FeatureShape> out) {
        double s = unit / vp.metresPerPixel();
        double ox = (originX - vp.minX()) / vp.metresPerPixel();
        double oy = (vp.maxY() - originY) / vp.metresPerPixel();
        float u0 = (float) ((-marginPixels - ox) / s);
        float u1 = (float) ((vp.width() + marginPixels - ox) / s);
        float v0 = (float) ((-marginPixels - oy) / s);
        float v1 = (float) ((vp.height() + marginPixels - oy) / s);
        float subPixel = (float) (1 / s); // one view pixel in units
        Object[][] valuesOf = new Object[classes.size()][];
        ShapeMaker maker = new ShapeMaker(s, ox, oy);
        List<FeatureShape> parts = new ArrayList<>();
        int styled = 0;
        int r = 0;
        while (r < recFeature.length) {
            int f = recFeature[r];
            int end = r;
            while (end < recFeature.length && recFeature[end] == f) {
                end++;
            }
            if ((f & 0xfff) == 0 && cancelled.getAsBoolean()) {
                return -1;
            }
            if (passing == null || passing.get(f)) {
                parts.clear();
                for (int q = r; q < end; q++) {
                    int k = q * 4;
                    if (recBox[k] <= u1 && recBox[k + 2] >= u0 && recBox[k + 1] <= v1 && recBox[k + 3] >= v0) {
                        FeatureShape part = bareShape(q, subPixel, maker);
                        if (part != null) {
                            parts.add(part);
                        }
                    }
                }
                if (!parts.isEmpty()) {
                    int c = classOf[f];
                    if (valuesOf[c] == null) {
                        valuesOf[c] = valuesOf(c, valueAt);
                    }
                    if (!styler.addShapes(fids[f], parts, valuesOf[c], out)) {
                        return NEEDS_STORE;
                    }
                    styled++;
                }
            }
            r = end;
        }
        return styled;
    }

    /** The values of class {@code c} in the styler's order. */
    private Object[] valuesOf(int c, int[] valueAt) {
        Object[] stored = classes.get(c);
        Object[] values = new Object[valueAt.length];
        for (int i = 0; i < valueAt.length; i++) {
            values[i] = stored[valueAt[i]];
        }
        return values;
    }

    /** Record {@code r} as a bare shape in view pixels (a pixel when smaller than one), or null when it collapsed. */
    private FeatureShape bareShape(int r, float subPixel, ShapeMaker maker) {
        int k = r * 4;
        byte kind = recKind[r];
        int dimension = recDim[r];
        boolean tiny = recBox[k + 2] - recBox[k] < subPixel && recBox[k + 3] - recBox[k + 1] < subPixel;
        if (kind == PIXEL || (kind != POINTS && tiny)) {
            double[] xy = {maker.x((recBox[k] + recBox[k + 2]) / 2), maker.y((recBox[k + 1] + recBox[k + 3]) / 2)};
            return FeatureShape.bare(FeatureShape.Kind.PIXEL, null, xy, dimension);
        }
        int p0 = recParts[r];
        int p1 = recParts[r + 1];
        if (kind == POINTS) {
            int from = p0 == 0 ? 0 : partEnds[p0 - 1];
            int to = partEnds[p1 - 1];
            double[] xy = new double[(to - from) * 2];
            for (int i = from; i < to; i++) {
                xy[2 * (i - from)] = maker.x(coords[2 * i]);
                xy[2 * (i - from) + 1] = maker.y(coords[2 * i + 1]);
            }
            return FeatureShape.bare(FeatureShape.Kind.POINTS, null, xy, dimension);
        }
        PixelShape shape = maker.shape(coords, partEnds, p0, p1, kind == AREA);
        return shape == null ? null : FeatureShape.bare(kind == AREA ? FeatureShape.Kind.AREA : FeatureShape.Kind.LINE,
                shape, null, dimension);
    }

    /** Overview units to view pixels, with vertices closer than half a pixel left out. */
    private static final class ShapeMaker {
        private final double s;
        private final double ox;
        private final double oy;
        private float[] xy = new float[256];
        private int[] ends = new int[8];

        ShapeMaker(double s, double ox, double oy) {
            this.s = s;
            this.ox = ox;
            this.oy = oy;
        }

        double x(float u) {
            return u * s + ox;
        }

        double y(float v) {
            return v * s + oy;
        }

        /** The parts [p0, p1) as a pixel shape, or null when all collapsed. */
        PixelShape shape(float[] coords, int[] partEnds, int p0, int p1, boolean rings) {
            int n = 0;
            int parts = 0;
            for (int p = p0; p < p1; p++) {
                int from = p == 0 ? 0 : partEnds[p - 1];
                int to = partEnds[p];
                int start = n;
                double lastX = 0;
                double lastY = 0;
                for (int i = from; i < to; i++) {
                    double x = x(coords[2 * i]);
                    double y = y(coords[2 * i + 1]);
                    if (i > from && i < to - 1 && Math.abs(x - lastX) < 0.5 && Math.abs(y - lastY) < 0.5) {
                        continue;
                    }
                    if (2 * n + 2 > xy.length) {
                        xy = Arrays.copyOf(xy, xy.length * 2);
                    }
                    xy[2 * n] = (float) x;
                    xy[2 * n + 1] = (float) y;
                    n++;
                    lastX = x;
                    lastY = y;
                }
                if (rings && n - start < 3) {
                    n = start;
                    continue;
                }
                if (parts == ends.length) {
                    ends = Arrays.copyOf(ends, parts * 2);
                }
                ends[parts++] = n;
            }
            return parts == 0 ? null : new PixelShape(Arrays.copyOf(xy, 2 * n), Arrays.copyOf(ends, parts), rings);
        }
    }

    /** Collects features into growing arrays while the layer is read. One thread. */
    private static final class Builder {
        /** Leaves the read loop when the build is cancelled. */
        static final class Stop extends RuntimeException {
            Stop() {
                super(null, null, false, false);
            }
        }

        final String layer;
        final List<String> fields;
        final long dataVersion;
        final double originX;
        final double originY;
        final double unit;
        final PixelDecoder decoder;
        final List<FeatureShape> shapes = new ArrayList<>();
        final Map<List<Object>, Integer> classIndex = new HashMap<>();
        final List<Object[]> classes = new ArrayList<>();
        long[] fids = new long[1024];
        int[] classOf = new int[1024];
        int features;
        int[] recFeature = new int[1024];
        byte[] recKind = new byte[1024];
        byte[] recDim = new byte[1024];
        float[] recBox = new float[4096];
        int[] recParts = new int[1025];
        int records;
        int[] partEnds = new int[1024];
        int parts;
        float[] coords = new float[4096];
        int vertices;

        Builder(String layer, List<String> fields, Envelope extent, long dataVersion) {
            this.layer = layer;
            this.fields = List.copyOf(fields);
            this.dataVersion = dataVersion;
            Viewport grid = Viewport.fit(extent, UNITS_ACROSS, UNITS_ACROSS);
            this.originX = grid.minX();
            this.originY = grid.maxY();
            this.unit = grid.metresPerPixel();
            this.decoder = new PixelDecoder(grid, Detail.LEVEL_OF_DETAIL, null);
        }

        void add(long fid, byte[] geometry, Object[] values) {
            shapes.clear();
            decoder.decode(geometry, shapes);
            if (features == fids.length) {
                fids = Arrays.copyOf(fids, features * 2);
                classOf = Arrays.copyOf(classOf, features * 2);
            }
            fids[features] = fid;
            classOf[features] = classIndex.computeIfAbsent(Arrays.asList(values.clone()), k -> {
                classes.add(k.toArray());
                return classes.size() - 1;
            });
            for (FeatureShape s : shapes) {
                addRecord(features, s);
            }
            features++;
        }

        private void addRecord(int feature, FeatureShape s) {
            if (records == recFeature.length) {
                int m = records * 2;
                recFeature = Arrays.copyOf(recFeature, m);
                recKind = Arrays.copyOf(recKind, m);
                recDim = Arrays.copyOf(recDim, m);
                recBox = Arrays.copyOf(recBox, m * 4);
                recParts = Arrays.copyOf(recParts, m + 1);
            }
            recFeature[records] = feature;
            recDim[records] = (byte) s.dimension();
            int k = records * 4;
            switch (s.kind()) {
                case PIXEL -> {
                    recKind[records] = PIXEL;
                    recBox[k] = (float) s.points()[0];
                    recBox[k + 1] = (float) s.points()[1];
                    recBox[k + 2] = recBox[k];
                    recBox[k + 3] = recBox[k + 1];
                }
                case POINTS -> {
                    recKind[records] = POINTS;
                    double[] xy = s.points();
                    float x0 = Float.POSITIVE_INFINITY;
                    float y0 = Float.POSITIVE_INFINITY;
                    float x1 = Float.NEGATIVE_INFINITY;
                    float y1 = Float.NEGATIVE_INFINITY;
                    for (int i = 0; i + 1 < xy.length; i += 2) {
                        float x = (float) xy[i];
                        float y = (float) xy[i + 1];
                        addVertex(x, y);
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x);
                        y1 = Math.max(y1, y);
                    }
                    addPartEnd();
                    recBox[k] = x0;
                    recBox[k + 1] = y0;
                    recBox[k + 2] = x1;
                    recBox[k + 3] = y1;
                }
                default -> {
                    PixelShape p = (PixelShape) s.shape();
                    recKind[records] = s.kind() == FeatureShape.Kind.AREA ? AREA : LINE;
                    float[] xy = p.coordinates();
                    int start = 0;
                    for (int end : p.partEnds()) {
                        for (int i = start; i < end; i++) {
                            addVertex(xy[2 * i], xy[2 * i + 1]);
                        }
                        addPartEnd();
                        start = end;
                    }
                    java.awt.geom.Rectangle2D b = p.getBounds2D();
                    recBox[k] = (float) b.getMinX();
                    recBox[k + 1] = (float) b.getMinY();
                    recBox[k + 2] = (float) b.getMaxX();
                    recBox[k + 3] = (float) b.getMaxY();
                }
            }
            records++;
            recParts[records] = parts;
        }

        private void addVertex(float x, float y) {
            if (2 * vertices + 2 > coords.length) {
                coords = Arrays.copyOf(coords, coords.length * 2);
            }
            coords[2 * vertices] = x;
            coords[2 * vertices + 1] = y;
            vertices++;
        }

        private void addPartEnd() {
            if (parts == partEnds.length) {
                partEnds = Arrays.copyOf(partEnds, parts * 2);
            }
            partEnds[parts++] = vertices;
        }
    }
}
