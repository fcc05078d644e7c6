package de.trassenwerk.render;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.StoreException;
import de.trassenwerk.style.LayerStyle;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.locationtech.jts.geom.Envelope;

/**
 * Reads the features of one layer that a view shows and turns them into pixel shapes with their
 * symbolizers and into label candidates ({@link FeatureStyler}): through the store's spatial index,
 * only the fields the rules shown at the view's scale need, the geometry decoded straight into
 * pixels ({@link PixelDecoder}), reprojected when the layer has another CRS than the map. The query area is the view widened by {@link #MARGIN_PIXELS}, so that the markers and strokes
 * of features just outside still reach into the picture.
 *
 * <p>Runs on the thread of one layer job; checks {@code cancelled} before every feature.
 */
final class ShapeReader {
    /** How far (in pixels) outside the view features are still read. */
    static final int MARGIN_PIXELS = 16;

    /** Thrown inside the store's read loop to leave it early; never escapes {@link #read}. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** The shapes read, the number of features they came from, and the labels they ask for. */
    record Shapes(List<FeatureShape> shapes, int features, List<LabelCandidate> labels) {
    }

    private final FeatureStore store;
    private final int mapSrs;

    ShapeReader(FeatureStore store, int mapSrs) {
        this.store = store;
        this.mapSrs = mapSrs;
    }

    /** The fields {@code style} reads at any scale that {@code schema} has, in the schema's spelling. */
    static List<String> fieldsOf(LayerSchema schema, LayerStyle style) {
        return style.fieldsNeeded().stream()
                .map(f -> schema.field(f).map(i -> i.name()).orElse(null))
                .filter(f -> f != null).toList();
    }

    /**
     * The shapes of the features of {@code schema} that pass {@code filter} and meet {@code vp}, or
     * null when {@code cancelled} said stop. Reads nothing when no rule of the style is shown at the
     * view's scale.
     */
    Shapes read(LayerSchema schema, AttributeFilter filter, LayerStyle style, Viewport vp, Detail detail,
            BooleanSupplier cancelled) {
        List<String> styleFields = style.fieldsNeededAt(vp.scaleDenominator()).stream()
                .filter(f -> schema.field(f).isPresent()).toList();
        List<String> fields = styleFields.stream().map(f -> schema.field(f).orElseThrow().name()).toList();
        LayerProjection projection = LayerProjection.of(schema.srsId(), mapSrs);
        PixelDecoder decoder = new PixelDecoder(vp, detail, projection.toMap());
        FeatureStyler styler = new FeatureStyler(style, vp, styleFields, decoder, projection.toMap());
        if (!styler.hasRules()) {
            return new Shapes(List.of(), 0, List.of());
        }
        Envelope area = vp.envelope();
        area.expandBy(MARGIN_PIXELS * vp.metresPerPixel());
        Query query = Query.bbox(projection.queryArea(area)).withFilter(filter).withFields(fields, true);
        List<FeatureShape> shapes = new ShapeList();
        int[] features = {0};
        try {
            store.readEncoded(schema.name(), query, (fid, geometry, values) -> {
                if (cancelled.getAsBoolean()) {
                    throw new Stop();
                }
                features[0]++;
                try {
                    styler.add(fid, geometry, values, shapes);
                } catch (IllegalArgumentException e) {
                    throw new StoreException("store.error.badGeometry", e, schema.name(), fid, e.getMessage());
                }
            });
        } catch (Stop stop) {
            return null;
        }
        return new Shapes(shapes, features[0], styler.labels());
    }
}
