package de.trassenwerk.render;

import de.trassenwerk.crs.CoordinateTransform;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;

/**
 * Reprojection on the fly for a layer stored in another CRS than the map's: the view's bounding box
 * taken into the layer's CRS for the spatial-index query (its outline densified, so that curved
 * edges of the transformed box are covered, and widened a little), and the transform that brings the
 * layer's coordinates into the map's CRS for drawing. Transforms are made once per pair of CRSs and
 * shared. Immutable; any thread.
 */
final class LayerProjection {
    /** Points per side of the view box when it is transformed. */
    private static final int DENSIFY = 16;
    private static final Map<Long, CoordinateTransform> TRANSFORMS = new ConcurrentHashMap<>();

    private final CoordinateTransform toMap;
    private final CoordinateTransform toLayer;

    private LayerProjection(CoordinateTransform toMap, CoordinateTransform toLayer) {
        this.toMap = toMap;
        this.toLayer = toLayer;
    }

    /**
     * The projection for a layer in {@code layerSrs} drawn on a map in {@code mapSrs}. A layer without
     * a defined CRS (srs id 0 or -1, as the GeoPackage standard has them) is drawn as it is.
     */
    static LayerProjection of(int layerSrs, int mapSrs) {
        if (layerSrs == mapSrs || layerSrs <= 0) {
            return new LayerProjection(null, null);
        }
        return new LayerProjection(transform(layerSrs, mapSrs), transform(mapSrs, layerSrs));
    }

    private static CoordinateTransform transform(int from, int to) {
        return TRANSFORMS.computeIfAbsent(((long) from << 32) | (to & 0xffffffffL),
                k -> CoordinateTransform.between(from, to));
    }

    /** Whether the layer needs reprojecting at all. */
    boolean reprojects() {
        return toMap != null;
    }

    /** The transform from the layer's CRS into the map's, or null when there is nothing to do. */
    CoordinateTransform toMap() {
        return toMap;
    }

    /** The area to query in the layer's CRS so that everything in {@code mapArea} is found. */
    Envelope queryArea(Envelope mapArea) {
        if (toLayer == null) {
            return mapArea;
        }
        Envelope e = new Envelope();
        for (int i = 0; i <= DENSIFY; i++) {
            double fx = mapArea.getMinX() + mapArea.getWidth() * i / DENSIFY;
            double fy = mapArea.getMinY() + mapArea.getHeight() * i / DENSIFY;
            add(e, fx, mapArea.getMinY());
            add(e, fx, mapArea.getMaxY());
            add(e, mapArea.getMinX(), fy);
            add(e, mapArea.getMaxX(), fy);
        }
        e.expandBy(e.getWidth() * 0.01, e.getHeight() * 0.01);
        return e;
    }

    private void add(Envelope e, double x, double y) {
        double[] p = toLayer.transform(x, y);
        if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
            e.expandToInclude(p[0], p[1]);
        }
    }
}
