package de.trassenwerk.explore;

import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygonal;

/**
 * The features of some layers under a map point, as the identify tool and {@code identify} show them.
 * Each layer is asked through its spatial index for the features whose envelope meets the point
 * widened by the tolerance; then JTS decides: lines and points count when they pass within the
 * tolerance, polygons when they contain the point. Where no polygon of a layer contains the point,
 * polygons within the tolerance count, so that a footprint drawn a pixel wide can still be hit.
 * Per layer the hits are ordered by distance, then fid.
 *
 * <p>Thread rules: reads the store on the calling thread (never the JavaFX thread); holds no state.
 */
public final class Identify {
    /** At most this many features per layer unless asked otherwise. */
    public static final int DEFAULT_MAX_PER_LAYER = 50;

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final FeatureStore store;

    public Identify(FeatureStore store) {
        this.store = store;
    }

    /**
     * The features under ({@code x}, {@code y}) in the given layers (listed topmost first; layers
     * without geometry are skipped), layer by layer in that order.
     *
     * @param toleranceM  how far from the point a line or point may be, in map units (metres), at least 0
     * @param maxPerLayer the most features to return per layer, at least 1
     */
    public List<IdentifiedFeature> at(double x, double y, double toleranceM, List<String> layers, int maxPerLayer) {
        if (!(toleranceM >= 0) || maxPerLayer < 1) {
            throw new IllegalArgumentException("tolerance " + toleranceM + ", maxPerLayer " + maxPerLayer);
        }
        Point point = GEOMETRIES.createPoint(new Coordinate(x, y));
        Envelope search = new Envelope(x - toleranceM, x + toleranceM, y - toleranceM, y + toleranceM);
        List<IdentifiedFeature> out = new ArrayList<>();
        for (String layer : layers) {
            LayerSchema schema = store.schema(layer);
            if (schema.hasGeometry()) {
                out.addAll(inLayer(schema.name(), point, search, toleranceM, maxPerLayer));
            }
        }
        return out;
    }

    /**
     * The fids of the features of {@code layer} whose geometry meets {@code box} (the select tool's
     * box), at most {@code max} of them, in fid order.
     */
    public List<Long> fidsIntersecting(String layer, Envelope box, int max) {
        Geometry area = GEOMETRIES.toGeometry(box);
        List<Long> out = new ArrayList<>();
        store.read(layer, Query.bbox(box).withFields(List.of(), true), f -> {
            if (f.geometry() != null && !f.geometry().isEmpty() && area.intersects(f.geometry())) {
                out.add(f.fid());
            }
        });
        out.sort(null);
        return out.size() > max ? List.copyOf(out.subList(0, max)) : out;
    }

    private List<IdentifiedFeature> inLayer(String layer, Point point, Envelope search, double tolerance, int max) {
        List<IdentifiedFeature> lineal = new ArrayList<>();
        List<IdentifiedFeature> containing = new ArrayList<>();
        List<IdentifiedFeature> nearPolygons = new ArrayList<>();
        for (Feature f : store.read(layer, Query.bbox(search))) {
            Geometry g = f.geometry();
            if (g == null || g.isEmpty()) {
                continue;
            }
            double d = g.distance(point);
            if (d > tolerance) {
                continue;
            }
            IdentifiedFeature hit = new IdentifiedFeature(layer, f, d);
            if (!(g instanceof Polygonal)) {
                lineal.add(hit);
            } else if (d == 0) {
                containing.add(hit);
            } else {
                nearPolygons.add(hit);
            }
        }
        List<IdentifiedFeature> hits = new ArrayList<>(lineal);
        hits.addAll(containing.isEmpty() ? nearPolygons : containing);
        hits.sort(Comparator.comparingDouble(IdentifiedFeature::distance).thenComparingLong(IdentifiedFeature::fid));
        return hits.size() > max ? List.copyOf(hits.subList(0, max)) : hits;
    }
}
