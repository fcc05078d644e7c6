package de.trassenwerk.render;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import de.trassenwerk.style.LayerStyle;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Draws one layer of one view into an image of its own: reads the features whose envelope meets
 * the view through the store's spatial index (only the attributes the rules shown at the view's scale
 * need), styles them into pixel shapes and label candidates while reading ({@link FeatureStyler}),
 * then paints the shapes once the read is done, so that a synchronized store is held only while
 * reading and other layers can read while this one paints. Labels are placed later, over all layers.
 *
 * <p>Runs on one worker thread from start to end. Checks {@code cancelled} before every feature
 * read and every feature painted and then stops early; the result says so.
 */
final class LayerRenderJob implements Callable<LayerRenderJob.LayerImage> {

    /**
     * The outcome: the image (null when nothing was drawn), features drawn, whether it stopped early,
     * and the labels the layer asks for.
     */
    record LayerImage(String layer, BufferedImage image, int features, boolean cancelled, List<LabelCandidate> labels) {
        LayerImage(String layer, BufferedImage image, int features, boolean cancelled) {
            this(layer, image, features, cancelled, List.of());
        }
    }

    /** Thrown inside the store's read loop to leave it early; never escapes this class. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private final FeatureStore store;
    private final String layer;
    private final LayerStyle style;
    private final AttributeFilter filter;
    private final Viewport viewport;
    private final BooleanSupplier cancelled;

    LayerRenderJob(FeatureStore store, String layer, LayerStyle style, AttributeFilter filter, Viewport viewport,
            BooleanSupplier cancelled) {
        this.store = store;
        this.layer = layer;
        this.style = style;
        this.filter = filter;
        this.viewport = viewport;
        this.cancelled = cancelled;
    }

    @Override
    public LayerImage call() {
        LayerSchema schema = store.schema(layer);
        if (!schema.hasGeometry()) {
            return new LayerImage(layer, null, 0, false);
        }
        FeatureStyler styler = new FeatureStyler(style, viewport);
        if (!styler.hasRules()) {
            return new LayerImage(layer, null, 0, false);
        }
        List<String> fields = style.fieldsNeededAt(viewport.scaleDenominator()).stream()
                .filter(f -> schema.field(f).isPresent()).toList();
        List<FeatureShape> shapes = new ArrayList<>();
        int[] features = {0};
        try {
            store.read(layer, Query.bbox(viewport.envelope()).withFilter(filter).withFields(fields, true), (Feature f) -> {
                if (cancelled.getAsBoolean()) {
                    throw new Stop();
                }
                features[0]++;
                styler.add(f, shapes);
            });
        } catch (Stop stop) {
            return new LayerImage(layer, null, features[0], true);
        }
        if (shapes.isEmpty()) {
            return new LayerImage(layer, null, features[0], false, styler.labels());
        }
        shapes.sort(Comparator.comparingInt(FeatureShape::rank)); // stable: keeps the store's order per rank
        BufferedImage image = new BufferedImage(viewport.width(), viewport.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            FeaturePainter painter = new FeaturePainter(g, viewport.metresPerPixel());
            for (FeatureShape s : shapes) {
                if (cancelled.getAsBoolean()) {
                    return new LayerImage(layer, null, features[0], true);
                }
                painter.paint(s);
            }
        } finally {
            g.dispose();
        }
        return new LayerImage(layer, image, features[0], false, styler.labels());
    }
}
