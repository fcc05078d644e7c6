package de.trassenwerk.render;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerSchema;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * Draws one layer of one view into an image of its own: from the layer's overview when there is a
 * current one for this view ({@link Overviews}), else {@link ShapeReader} reads the features the
 * view shows and turns them into pixel shapes while reading, then they are painted once the read is
 * done, so that a store connection is held only while reading.
 *
 * <p>Runs on one worker thread from start to end. Checks {@code cancelled} before every feature
 * read and every feature painted and then stops early; the result says so.
 */
final class LayerRenderJob implements Callable<LayerRenderJob.LayerImage> {

    /** The outcome: the image (null when nothing was drawn), features drawn, and whether it stopped early. */
    record LayerImage(String layer, BufferedImage image, int features, boolean cancelled) {
    }

    private final FeatureStore store;
    private final LayerRequest request;
    private final LayerStyle style;
    private final Viewport viewport;
    private final RenderSettings settings;
    private final Overviews overviews;
    private final BooleanSupplier cancelled;

    /** {@code overviews}: the renderer's overviews, or null to read the store in any case. */
    LayerRenderJob(FeatureStore store, LayerRequest request, LayerStyle style, Viewport viewport,
            RenderSettings settings, Overviews overviews, BooleanSupplier cancelled) {
        this.store = store;
        this.request = request;
        this.style = style;
        this.viewport = viewport;
        this.settings = settings;
        this.overviews = overviews;
        this.cancelled = cancelled;
    }

    @Override
    public LayerImage call() {
        String layer = request.layer();
        LayerSchema schema = store.schema(layer);
        if (!schema.hasGeometry()) {
            return new LayerImage(layer, null, 0, false);
        }
        List<String> fields = ShapeReader.fieldsOf(schema, style);
        LayerOverview overview = overviews == null ? null
                : overviews.usable(store, schema, fields, viewport, settings.mapSrs());
        if (overview != null) {
            return fromOverview(overview);
        }
        ShapeReader.Shapes read = new ShapeReader(store, settings.mapSrs())
                .read(schema, request.filter(), style, viewport, settings.detail(), cancelled);
        if (read == null) {
            return new LayerImage(layer, null, 0, true);
        }
        if (overviews != null) {
            overviews.featuresRead(store, schema, fields, read.features(), settings.mapSrs());
        }
        List<FeatureShape> shapes = read.shapes();
        if (shapes.isEmpty()) {
            return new LayerImage(layer, null, read.features(), false);
        }
        shapes.sort(Comparator.comparingInt(FeatureShape::rank)); // stable: keeps the store's order per rank
        BufferedImage image = new BufferedImage(viewport.width(), viewport.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        try {
            FeaturePainter painter = new FeaturePainter(g, image, settings.detail());
            for (FeatureShape s : shapes) {
                if (cancelled.getAsBoolean()) {
                    return new LayerImage(layer, null, read.features(), true);
                }
                painter.paint(s);
            }
        } finally {
            g.dispose();
        }
        return new LayerImage(layer, image, read.features(), false);
    }

    private LayerImage fromOverview(LayerOverview overview) {
        BitSet passing = request.filter().equals(AttributeFilter.ALL) ? null
                : overviews.passing(store, overview, request.filter());
        BufferedImage image = new BufferedImage(viewport.width(), viewport.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        int painted;
        try {
            painted = overview.paint(viewport, ShapeReader.MARGIN_PIXELS, style, passing,
                    new FeaturePainter(g, image, settings.detail()), cancelled);
        } finally {
            g.dispose();
        }
        if (painted < 0) {
            return new LayerImage(request.layer(), null, 0, true);
        }
        return new LayerImage(request.layer(), painted == 0 ? null : image, painted, false);
    }
}
