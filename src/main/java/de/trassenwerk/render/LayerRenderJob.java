package de.trassenwerk.render;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.style.LayerStyle;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * Draws one layer of one view into an image of its own: at {@link Detail#LEVEL_OF_DETAIL} from the
 * layer's overview when there is a current one for this view ({@link Overviews}) and the rules
 * shown need no exact geometry (no labels, marks or offset lines), else {@link ShapeReader} reads
 * the features the view shows (only the attributes the rules shown at the view's scale need) and
 * turns them into styled pixel shapes and label candidates while reading. The shapes are painted
 * once the read is done, so that a store connection is held only while reading. Labels are placed
 * later, over all layers.
 *
 * <p>Two steps, {@link #read} and {@link #paint(Read)}: the renderer runs them as two tasks for a
 * layer whose labels are shown (its label candidates are wanted before the layers are painted),
 * else as one ({@link #call}). A layer
 * of many shapes is painted in two halves of rows, the lower one offered to another worker of its
 * pool and painted by this one when none has taken it up ({@link Halves}, so it never waits for a
 * task that has not started). Checks {@code cancelled} before every
 * feature read and every feature painted and then stops early; the result says so.
 */
final class LayerRenderJob implements Callable<LayerRenderJob.LayerImage> {

    /**
     * The outcome: the image (null when nothing was drawn) with the tiles painted in it, features
     * drawn, whether it stopped early, and the labels the layer asks for.
     */
    record LayerImage(String layer, BufferedImage image, TileMask painted, int features, boolean cancelled,
            List<LabelCandidate> labels) {
        LayerImage(String layer, int features, boolean cancelled) {
            this(layer, null, null, features, cancelled, List.of());
        }
    }

    private final FeatureStore store;
    private final LayerRequest request;
    private final LayerStyle style;
    private final Viewport viewport;
    private final RenderSettings settings;
    private final Overviews overviews;
    private final BooleanSupplier cancelled;
    private final ExecutorService helpers;
    private final ImagePool images;

    /** Layers of at least this many shapes are painted in two halves at once (when there are helpers). */
    static final int SPLIT_SHAPES = 1000;

    /** {@code overviews}: the renderer's overviews, or null to read the store in any case. */
    LayerRenderJob(FeatureStore store, LayerRequest request, LayerStyle style, Viewport viewport,
            RenderSettings settings, Overviews overviews, BooleanSupplier cancelled) {
        this(store, request, style, viewport, settings, overviews, cancelled, null, new ImagePool(0));
    }

    /**
     * As above; {@code helpers} (the pool this job runs on, or null) may paint the lower half of a
     * layer of many shapes; the layer's image is taken from {@code images} (and given back there
     * when painting is cancelled).
     */
    LayerRenderJob(FeatureStore store, LayerRequest request, LayerStyle style, Viewport viewport,
            RenderSettings settings, Overviews overviews, BooleanSupplier cancelled, ExecutorService helpers,
            ImagePool images) {
        this.store = store;
        this.request = request;
        this.style = style;
        this.viewport = viewport;
        this.settings = settings;
        this.overviews = overviews;
        this.cancelled = cancelled;
        this.helpers = helpers;
        this.images = images;
    }

    /**
     * What reading a layer gave: the shapes to paint (with the features they show and the layer's
     * label candidates), or the finished outcome when there is nothing to paint.
     */
    record Read(List<FeatureShape> shapes, int features, List<LabelCandidate> labels, LayerImage done) {
        private static Read done(LayerImage done) {
            return new Read(List.of(), done.features(), done.labels(), done);
        }
    }

    /** The whole job: {@link #read} and {@link #paint(Read)}. */
    @Override
    public LayerImage call() {
        return paint(read());
    }

    /**
     * Reads the features the view shows (from the overview when it will do) and styles them into
     * pixel shapes and label candidates; nothing painted yet.
     */
    Read read() {
        String layer = request.layer();
        LayerSchema schema = store.schema(layer);
        if (!schema.hasGeometry()) {
            return Read.done(new LayerImage(layer, 0, false));
        }
        List<String> fields = ShapeReader.fieldsOf(schema, style);
        LayerOverview overview = overviews == null || settings.detail() != Detail.LEVEL_OF_DETAIL ? null
                : overviews.usable(store, schema, fields, viewport, settings.mapSrs());
        Read fromOverview = overview == null ? null : fromOverview(schema, overview);
        if (fromOverview != null) {
            return fromOverview;
        }
        ShapeReader.Shapes read = new ShapeReader(store, settings.mapSrs())
                .read(schema, request.filter(), style, viewport, settings.detail(), cancelled);
        if (read == null) {
            return Read.done(new LayerImage(layer, 0, true));
        }
        if (overviews != null) {
            overviews.featuresRead(store, schema, fields, read.features(), settings.mapSrs());
        }
        return new Read(read.shapes(), read.features(), read.labels(), null);
    }

    /** Paints what {@link #read} gave into the layer's image. */
    LayerImage paint(Read read) {
        return read.done() != null ? read.done() : paint(read.shapes(), read.features(), read.labels());
    }

    /**
     * Paints {@code shapes} (sorted here by rank) into the layer's image. A layer of many shapes is
     * painted in two halves of rows, the lower one offered to another worker of the pool; when no
     * worker has taken it by the time the upper half is done, this thread paints it too.
     */
    private LayerImage paint(List<FeatureShape> shapes, int features, List<LabelCandidate> labels) {
        String layer = request.layer();
        if (shapes.isEmpty()) {
            return new LayerImage(layer, null, null, features, false, labels);
        }
        List<FeatureShape> ordered = ShapeList.byRank(shapes); // stable: keeps the store's order per rank
        BufferedImage image = images.take(viewport.width(), viewport.height());
        TileMask painted = new TileMask(viewport.width(), viewport.height());
        int height = viewport.height();
        boolean complete;
        try {
            if (helpers == null || ordered.size() < SPLIT_SHAPES || height < 2) {
                complete = paintRows(ordered, image, painted, 0, height);
            } else {
                int middle = height / 2;
                boolean[] halves = new boolean[2];
                Halves.run(helpers, () -> halves[0] = paintRows(ordered, image, painted, 0, middle),
                        () -> halves[1] = paintRows(ordered, image, painted, middle, height));
                complete = halves[0] && halves[1];
            }
        } finally {
            // painted: the shapes go (see ShapeList)
            ordered.clear();
            shapes.clear();
        }
        if (!complete) {
            images.give(image, painted);
            return new LayerImage(layer, features, true);
        }
        return new LayerImage(layer, image, painted, features, false, labels);
    }

    /** Paints the rows [top, bottom) of {@code shapes}; false when cancelled on the way. */
    private boolean paintRows(List<FeatureShape> shapes, BufferedImage image, TileMask painted, int top, int bottom) {
        Graphics2D g = image.createGraphics();
        try {
            FeaturePainter painter = new FeaturePainter(g, image, top, bottom, viewport.metresPerPixel(),
                    settings.detail(), painted);
            for (FeatureShape s : shapes) {
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                painter.paint(s);
            }
            return true;
        } finally {
            g.dispose();
        }
    }

    /**
     * The layer's shapes from its overview, or null when some feature's rules need its exact
     * geometry (the store must be read then).
     */
    private Read fromOverview(LayerSchema schema, LayerOverview overview) {
        List<String> styleFields = style.fieldsNeededAt(viewport.scaleDenominator()).stream()
                .filter(f -> schema.field(f).isPresent()).toList();
        int[] valueAt = new int[styleFields.size()];
        for (int i = 0; i < valueAt.length; i++) {
            valueAt[i] = overview.fields().indexOf(schema.field(styleFields.get(i)).orElseThrow().name());
            if (valueAt[i] < 0) {
                return null;
            }
        }
        FeatureStyler styler = new FeatureStyler(style, viewport, styleFields,
                new PixelDecoder(viewport, settings.detail(), null), null);
        if (!styler.hasRules()) {
            return Read.done(new LayerImage(request.layer(), 0, false));
        }
        BitSet passing = request.filter().equals(AttributeFilter.ALL) ? null
                : overviews.passing(store, overview, request.filter());
        List<FeatureShape> shapes = new ShapeList();
        int styled = overview.shapes(viewport, ShapeReader.MARGIN_PIXELS, styler, valueAt, passing, cancelled, shapes);
        if (styled == LayerOverview.NEEDS_STORE) {
            return null;
        }
        if (styled < 0) {
            return Read.done(new LayerImage(request.layer(), 0, true));
        }
        return new Read(shapes, styled, List.of(), null);
    }
}
