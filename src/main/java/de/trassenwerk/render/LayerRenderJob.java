package de.trassenwerk.render;

import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.style.LayerStyle;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Draws one layer of one view into an image of its own: {@link ShapeReader} reads the features the
 * view shows (only the attributes the rules shown at the view's scale need) and turns them into
 * styled pixel shapes and label candidates while reading, then the shapes are painted once the read
 * is done, so that a store connection is held only while reading. Labels are placed later, over all
 * layers.
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

    private final FeatureStore store;
    private final LayerRequest request;
    private final LayerStyle style;
    private final Viewport viewport;
    private final RenderSettings settings;
    private final BooleanSupplier cancelled;

    LayerRenderJob(FeatureStore store, LayerRequest request, LayerStyle style, Viewport viewport,
            RenderSettings settings, BooleanSupplier cancelled) {
        this.store = store;
        this.request = request;
        this.style = style;
        this.viewport = viewport;
        this.settings = settings;
        this.cancelled = cancelled;
    }

    @Override
    public LayerImage call() {
        String layer = request.layer();
        LayerSchema schema = store.schema(layer);
        if (!schema.hasGeometry()) {
            return new LayerImage(layer, null, 0, false);
        }
        ShapeReader.Shapes read = new ShapeReader(store, settings.mapSrs())
                .read(schema, request.filter(), style, viewport, settings.detail(), cancelled);
        if (read == null) {
            return new LayerImage(layer, null, 0, true);
        }
        List<FeatureShape> shapes = read.shapes();
        if (shapes.isEmpty()) {
            return new LayerImage(layer, null, read.features(), false, read.labels());
        }
        shapes.sort(Comparator.comparingInt(FeatureShape::rank)); // stable: keeps the store's order per rank
        BufferedImage image = new BufferedImage(viewport.width(), viewport.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            FeaturePainter painter = new FeaturePainter(g, image, viewport.metresPerPixel());
            for (FeatureShape s : shapes) {
                if (cancelled.getAsBoolean()) {
                    return new LayerImage(layer, null, read.features(), true);
                }
                painter.paint(s);
            }
        } finally {
            g.dispose();
        }
        return new LayerImage(layer, image, read.features(), false, read.labels());
    }
}
