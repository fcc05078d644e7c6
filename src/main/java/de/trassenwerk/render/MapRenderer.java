package de.trassenwerk.render;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.style.DefaultStyles;
import de.trassenwerk.style.LayerStyle;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Draws a map: one {@link LayerRenderJob} per layer on a worker pool ({@link RenderPool}), each into
 * its own image, then composites them bottom to top over white, each with its opacity (the layers
 * ready so far while the others are still being drawn; the rest in two halves at once), the labels
 * of all layers on top. The layers whose labels are shown at the view's scale are read first; as soon
 * as they are, this thread places the labels ({@link LabelEngine}) and draws them into an image of
 * their own (in two halves at once) while the workers paint the layers, the slowest last time
 * first. The same renderer serves the workbench's map view, PNG exports and anything else that
 * needs a picture of the data.
 *
 * <p>Layer images and their label candidates are kept for re-use ({@link LayerImageCache}, sized by
 * {@link RenderSettings#layerCachePixels()}) when the store reports a data version: drawing the same
 * view again with a layer switched off, moved or made more transparent only composites again and
 * places the labels anew.
 *
 * <p>Thread rules: {@link #render} blocks until every layer job has ended, so it must run on a
 * worker thread of the caller's own (never on the JavaFX thread, and never on this renderer's
 * layer pool). Once it returns, no job of it touches the store any more; the store may then be
 * closed. Several threads may call {@code render} at once. {@code cancelled} is polled from the
 * layer workers and must be cheap and thread-safe.
 */
public final class MapRenderer {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService SHARED_POOL = new RenderPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), daemonThreads());
    /** Pixels of spare images kept for the next render: a frame's dozen layer images of a large window. */
    static final long SPARE_PIXELS = 32_000_000;

    private final Function<String, LayerStyle> styles;
    private final ExecutorService layerPool;
    private final RenderSettings settings;
    private final LayerImageCache cache;
    /** Images of layers and labels no render needs any more, to be painted over. */
    private final ImagePool spares = new ImagePool(SPARE_PIXELS);
    private final Overviews overviews;
    /** How long each layer's last job took (ns), by layer name: the slowest start first. */
    private final Map<String, Long> jobNanos = new ConcurrentHashMap<>();

    /** A renderer with the {@link DefaultStyles} on a shared pool of daemon threads. */
    public MapRenderer() {
        this(DefaultStyles::forLayer, SHARED_POOL);
    }

    /** A renderer with the given style per layer name on a shared pool of daemon threads. */
    public MapRenderer(Function<String, LayerStyle> styles) {
        this(styles, SHARED_POOL);
    }

    /** A renderer with the given style per layer name, running layer jobs on {@code layerPool}. */
    public MapRenderer(Function<String, LayerStyle> styles, ExecutorService layerPool) {
        this(styles, layerPool, RenderSettings.defaults());
    }

    /** A renderer with the given styles, pool and settings. */
    public MapRenderer(Function<String, LayerStyle> styles, ExecutorService layerPool, RenderSettings settings) {
        this(styles, layerPool, settings, Overviews.MIN_FEATURES);
    }

    /** As above, with overviews for layers of at least {@code overviewMinFeatures} features (tests use small layers). */
    MapRenderer(Function<String, LayerStyle> styles, ExecutorService layerPool, RenderSettings settings,
            int overviewMinFeatures) {
        this.styles = Objects.requireNonNull(styles);
        this.layerPool = Objects.requireNonNull(layerPool);
        this.settings = Objects.requireNonNull(settings);
        this.cache = new LayerImageCache(settings.layerCachePixels(), spares);
        this.overviews = settings.overviews() && settings.detail() == Detail.LEVEL_OF_DETAIL
                ? new Overviews(overviewMinFeatures) : null;
    }

    /** A renderer with the given style per layer name on the shared pool, with the given settings. */
    public static MapRenderer withSettings(Function<String, LayerStyle> styles, RenderSettings settings) {
        return new MapRenderer(styles, SHARED_POOL, settings);
    }

    /**
     * Renders {@code layersBottomToTop} (each must exist in {@code store}), all features fully opaque,
     * into a new image of the viewport's size. See {@link #renderLayers}.
     */
    public RenderResult render(FeatureStore store, List<String> layersBottomToTop, Viewport vp,
            BooleanSupplier cancelled) {
        return renderLayers(store, layersBottomToTop.stream().map(LayerRequest::of).toList(), vp, cancelled);
    }

    /**
     * Renders as {@link #render(FeatureStore, List, Viewport, BooleanSupplier)}, drawing of the
     * layers named in {@code filters} only the features that pass their filter.
     */
    public RenderResult render(FeatureStore store, List<String> layersBottomToTop, Map<String, AttributeFilter> filters,
            Viewport vp, BooleanSupplier cancelled) {
        return renderLayers(store, layersBottomToTop.stream()
                .map(l -> LayerRequest.of(l).withFilter(filters.getOrDefault(l, AttributeFilter.ALL))).toList(),
                vp, cancelled);
    }

    /**
     * Renders {@code layersBottomToTop}, each with its filter and opacity, into a new image of the
     * viewport's size, labels of all layers on top (fully opaque). A layer that fails is left out
     * and reported in the result; the others are drawn. A layer with opacity 0 is not read at all
     * and gets no labels.
     */
    public RenderResult renderLayers(FeatureStore store, List<LayerRequest> layersBottomToTop, Viewport vp,
            BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        OptionalLong version = store.dataVersion();
        int n = layersBottomToTop.size();
        List<LayerImageCache.Key> keys = new ArrayList<>(n);
        List<Object> pending = new ArrayList<>(n); // a cache entry, a future, or null (invisible)
        List<Integer> toDraw = new ArrayList<>();
        List<LayerStyle> layerStyles = new ArrayList<>(n);
        // entries held in the cache while this render lays them, and images of this render alone
        List<LayerImageCache.Entry> held = new ArrayList<>();
        List<LayerImageCache.Entry> own = new ArrayList<>();
        for (LayerRequest request : layersBottomToTop) {
            LayerStyle style = styles.apply(request.layer());
            layerStyles.add(style);
            LayerImageCache.Key key = version.isPresent()
                    ? new LayerImageCache.Key(store, request.layer(), vp, request.filter(), style,
                            version.getAsLong(), settings.detail())
                    : null;
            keys.add(key);
            LayerImageCache.Entry cached = key == null || request.opacity() == 0 ? null : cache.acquire(key);
            if (request.opacity() == 0) {
                pending.add(null);
            } else if (cached != null) {
                held.add(cached);
                pending.add(cached);
            } else {
                pending.add(null);
                toDraw.add(pending.size() - 1);
            }
        }
        // the layers that took longest last time start first, so that the slowest one does not
        // start late and keep the map waiting while the other workers are idle
        toDraw.sort(Comparator.comparingLong(
                (Integer i) -> -jobNanos.getOrDefault(layersBottomToTop.get(i).layer(), 0L)));
        List<CompletableFuture<List<LabelCandidate>>> candidates = new ArrayList<>(n);
        for (Object p : pending) {
            candidates.add(CompletableFuture.completedFuture(
                    p instanceof LayerImageCache.Entry e ? e.labels() : List.of()));
        }
        // The layers whose labels are shown are read first, so that the labels can be placed (on
        // this thread) while the layers are painted, and painted later; the other layers are read
        // and painted in one go. All else the slowest first.
        for (int i : toDraw) {
            LayerRequest request = layersBottomToTop.get(i);
            LayerRenderJob job = new LayerRenderJob(store, request, layerStyles.get(i), vp, settings, overviews,
                    cancelled, layerPool, spares);
            boolean labelled = layerStyles.get(i).labelledAt(vp.scaleDenominator());
            CompletableFuture<List<LabelCandidate>> labelsRead = new CompletableFuture<>();
            if (labelled) {
                candidates.set(i, labelsRead);
            }
            long rank = -jobNanos.getOrDefault(request.layer(), 0L); // the slowest last time first
            long[] nanos = new long[1];
            Supplier<LayerRenderJob.Read> read = () -> {
                long start = System.nanoTime();
                try {
                    LayerRenderJob.Read r = job.read();
                    labelsRead.complete(r.labels());
                    return r;
                } finally {
                    labelsRead.complete(List.of()); // none when the read failed
                    nanos[0] = System.nanoTime() - start;
                }
            };
            Function<LayerRenderJob.Read, LayerRenderJob.LayerImage> paint = r -> {
                long start = System.nanoTime();
                try {
                    return job.paint(r);
                } finally {
                    jobNanos.put(request.layer(), nanos[0] + System.nanoTime() - start);
                }
            };
            Executor layerWork = t -> RenderPool.execute(layerPool, t, RenderPool.LAYER, rank);
            pending.set(i, labelled
                    ? CompletableFuture.supplyAsync(read, t -> RenderPool.execute(layerPool, t, RenderPool.LABELLED, 0))
                            .thenApplyAsync(paint, layerWork)
                    // painted at once after its read: what is read is let go soon (a big layer's
                    // shapes kept waiting cost more in garbage collection than they save)
                    : CompletableFuture.supplyAsync(() -> paint.apply(read.get()), layerWork));
        }
        BufferedImage image = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Map<String, Integer> drawn = new LinkedHashMap<>();
        Map<String, RuntimeException> failures = new LinkedHashMap<>();
        boolean wasCancelled = false;
        List<LayerCompositor.Layer> stack = new ArrayList<>(n);
        LayerCompositor.Layer labelLayer = null;
        try {
            Arrays.fill(((DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0xffffffff); // white
            labelLayer = labelLayer(vp, candidates, cancelled);
            for (int i = 0; i < n; i++) {
                LayerRequest request = layersBottomToTop.get(i);
                Object p = pending.get(i);
                LayerImageCache.Entry entry;
                if (p == null) {
                    drawn.put(request.layer(), 0);
                    continue;
                } else if (p instanceof LayerImageCache.Entry e) {
                    entry = e;
                } else {
                    @SuppressWarnings("unchecked")
                    Future<LayerRenderJob.LayerImage> f = (Future<LayerRenderJob.LayerImage>) p;
                    LayerRenderJob.LayerImage li;
                    try {
                        li = awaitUninterruptibly(f);
                    } catch (ExecutionException e) {
                        failures.put(request.layer(), e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException(e.getCause()));
                        continue;
                    }
                    wasCancelled |= li.cancelled();
                    entry = new LayerImageCache.Entry(li.image(), li.painted(), li.features(), li.labels());
                    if (!li.cancelled() && keys.get(i) != null) {
                        cache.putHeld(keys.get(i), entry);
                        held.add(entry);
                    } else {
                        own.add(entry);
                    }
                }
                drawn.put(request.layer(), entry.features());
                if (entry.image() != null) {
                    stack.add(new LayerCompositor.Layer(entry.image(), request.opacity(), entry.painted()));
                }
                if (i + 1 < n && pending.get(i + 1) instanceof Future<?> next && !next.isDone()
                        && !wasCancelled && !cancelled.getAsBoolean()) {
                    // lay the layers ready so far while the next one is still being drawn
                    LayerCompositor.over(image, stack);
                    stack.clear();
                }
            }
            if (!wasCancelled) {
                if (labelLayer != null) {
                    stack.add(labelLayer);
                }
                composite(image, stack);
            }
        } finally {
            for (Object p : pending) {
                if (p instanceof Future<?> f) {
                    try {
                        awaitUninterruptibly(f); // no task of this render outlives it, even when it fails
                    } catch (ExecutionException e) {
                        // reported with the layer above
                    }
                }
            }
            // nothing of this render is read any more: its images may be painted over by the next
            held.forEach(cache::release);
            own.forEach(e -> spares.give(e.image(), e.painted()));
            if (labelLayer != null) {
                spares.give(labelLayer.image(), labelLayer.painted());
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new RenderResult(image, vp, ms, wasCancelled || cancelled.getAsBoolean(), drawn, failures);
    }

    /**
     * Starts building, in the background, overviews of those of {@code layers} that are big enough to
     * need one, so that the first views of a big layer need not wait for them. Does nothing when
     * this renderer draws without overviews. Returns at once; any thread.
     */
    public void prepareOverviews(FeatureStore store, List<String> layers) {
        if (overviews != null) {
            overviews.prepare(store, layers, name -> ShapeReader.fieldsOf(store.schema(name), styles.apply(name)),
                    settings.mapSrs());
        }
    }

    /**
     * Waits until no overview is being built or waiting to be, at most {@code millis}; true when none
     * is. For benchmarks and tests, which want figures of a renderer in its steady state.
     */
    public boolean awaitOverviews(long millis) throws InterruptedException {
        return overviews == null || overviews.awaitIdle(millis);
    }

    /** The layers of {@code store} that have an overview now, with its approximate size in bytes. */
    public Map<String, Long> overviewSizes(FeatureStore store) {
        return overviews == null ? Map.of() : overviews.overviewSizes(store);
    }

    /**
     * Lays {@code stack} over {@code image} in two halves of bands at once: the lower half offered to
     * a worker of the layer pool, the upper half on this thread ({@link Halves}).
     */
    private void composite(BufferedImage image, List<LayerCompositor.Layer> stack) {
        int bands = LayerCompositor.bands(image.getHeight());
        if (stack.isEmpty()) {
            return;
        }
        if (bands < 2) {
            LayerCompositor.over(image, stack);
            return;
        }
        int half = bands / 2;
        Halves.run(layerPool, () -> LayerCompositor.over(image, stack, 0, half),
                () -> LayerCompositor.over(image, stack, half, bands));
    }

    /**
     * The labels of all layers, placed and drawn into an image of their own as soon as every layer
     * with labels at this scale is read, to be laid over the map last (null when none is placed or the render is cancelled).
     * The lower half of the rows is offered to a worker of the layer pool (with copies of the labels'
     * glyphs, which are not to be shared between threads); a label across the middle is drawn in
     * parts by both. Labels depend on reading alone: a layer whose painting fails keeps its labels.
     */
    private LayerCompositor.Layer labelLayer(Viewport vp, List<CompletableFuture<List<LabelCandidate>>> candidates,
            BooleanSupplier cancelled) {
        LabelEngine labels = new LabelEngine(vp);
        for (int i = 0; i < candidates.size(); i++) {
            try {
                labels.add(i, awaitUninterruptibly(candidates.get(i)));
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause()); // not thrown: a failed read gives no candidates
            }
        }
        List<LabelEngine.Placed> placed = labels.layout(cancelled);
        if (placed.isEmpty() || cancelled.getAsBoolean()) {
            return null;
        }
        int width = vp.width();
        int height = vp.height();
        BufferedImage image = spares.take(width, height);
        TileMask painted = new TileMask(width, height);
        for (LabelEngine.Placed p : placed) {
            Rectangle2D r = LabelEngine.reach(p);
            painted.mark(r.getMinX(), r.getMinY(), r.getMaxX(), r.getMaxY());
        }
        if (placed.size() < 2 || height < 2) {
            drawLabels(image, placed, 0, height);
        } else {
            int middle = height / 2;
            List<LabelEngine.Placed> copies = LabelEngine.copies(placed);
            Halves.run(layerPool, () -> drawLabels(image, placed, 0, middle),
                    () -> drawLabels(image, copies, middle, height));
        }
        return new LayerCompositor.Layer(image, 1, painted);
    }

    /** Draws {@code placed} into the rows [top, bottom) of {@code image}. */
    private static void drawLabels(BufferedImage image, List<LabelEngine.Placed> placed, int top, int bottom) {
        Graphics2D g = image.createGraphics();
        try {
            g.clipRect(0, top, image.getWidth(), bottom - top);
            LabelEngine.draw(g, placed);
        } finally {
            g.dispose();
        }
    }

    /** The spare images kept for the next render (for tests). */
    ImagePool spares() {
        return spares;
    }

    /**
     * Waits for {@code f} even when interrupted (and keeps the interrupt), so that no task of a
     * render outlives it.
     */
    static <T> T awaitUninterruptibly(Future<T> f) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        return r -> {
            Thread t = new Thread(r, "map-layer-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
