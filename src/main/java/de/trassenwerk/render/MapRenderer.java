package de.trassenwerk.render;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.style.DefaultStyles;
import de.trassenwerk.style.LayerStyle;
import java.awt.Graphics2D;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Draws a map: one {@link LayerRenderJob} per layer on a worker pool, each into its own image (the
 * layers slowest last time first), then composites them bottom to top over white, each with its
 * opacity (the layers ready so far while the others are still being drawn; the rest in two halves
 * at once), while the labels of all layers are placed on another worker ({@link LabelEngine}), and
 * draws the labels on top (again in two halves at once). The same renderer serves the workbench's
 * map view, PNG exports and anything else that needs a picture of the data.
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
    private static final ExecutorService SHARED_POOL = Executors.newFixedThreadPool(
            Math.max(2, Runtime.getRuntime().availableProcessors()), daemonThreads());

    private final Function<String, LayerStyle> styles;
    private final ExecutorService layerPool;
    private final RenderSettings settings;
    private final LayerImageCache cache;
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
        this.cache = new LayerImageCache(settings.layerCachePixels());
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
        for (LayerRequest request : layersBottomToTop) {
            LayerStyle style = styles.apply(request.layer());
            layerStyles.add(style);
            LayerImageCache.Key key = version.isPresent()
                    ? new LayerImageCache.Key(store, request.layer(), vp, request.filter(), style,
                            version.getAsLong(), settings.detail())
                    : null;
            keys.add(key);
            LayerImageCache.Entry cached = key == null ? null : cache.get(key);
            if (request.opacity() == 0) {
                pending.add(null);
            } else if (cached != null) {
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
        for (int i : toDraw) {
            LayerRequest request = layersBottomToTop.get(i);
            LayerRenderJob job = new LayerRenderJob(store, request, layerStyles.get(i), vp, settings, overviews,
                    cancelled, layerPool);
            pending.set(i, layerPool.submit(() -> {
                long start = System.nanoTime();
                try {
                    return job.call();
                } finally {
                    jobNanos.put(request.layer(), System.nanoTime() - start);
                }
            }));
        }
        BufferedImage image = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        Map<String, Integer> drawn = new LinkedHashMap<>();
        Map<String, RuntimeException> failures = new LinkedHashMap<>();
        boolean wasCancelled = false;
        LabelEngine labels = new LabelEngine(vp);
        List<LayerCompositor.Layer> stack = new ArrayList<>(n);
        try {
            Arrays.fill(((DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0xffffffff); // white
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
                        cache.put(keys.get(i), entry);
                    }
                }
                drawn.put(request.layer(), entry.features());
                if (entry.image() != null) {
                    stack.add(new LayerCompositor.Layer(entry.image(), request.opacity(), entry.painted()));
                }
                labels.add(i, entry.labels());
                if (i + 1 < n && pending.get(i + 1) instanceof Future<?> next && !next.isDone()
                        && !wasCancelled && !cancelled.getAsBoolean()) {
                    // lay the layers ready so far while the next one is still being drawn
                    LayerCompositor.over(image, stack);
                    stack.clear();
                }
            }
            if (!wasCancelled) {
                Future<List<LabelEngine.Placed>> placing = layerPool.submit(() -> labels.layout(cancelled));
                composite(image, stack);
                List<LabelEngine.Placed> placed;
                try {
                    placed = awaitUninterruptibly(placing);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("placing the labels failed", e.getCause());
                }
                drawLabels(image, g, placed);
            }
        } finally {
            g.dispose();
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
     * Lays {@code stack} over {@code image}: the lower half of the bands on a worker of the layer
     * pool (every layer job has ended by now; the labels are being placed on another worker), the
     * upper half on this thread.
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
        Future<?> lower = layerPool.submit(() -> LayerCompositor.over(image, stack, half, bands));
        LayerCompositor.over(image, stack, 0, half);
        try {
            awaitUninterruptibly(lower);
        } catch (ExecutionException e) {
            throw new IllegalStateException("compositing failed", e.getCause());
        }
    }

    /**
     * Draws the placed labels over the finished map: the lower half of the rows on a worker of the
     * layer pool (with copies of the labels' glyphs, which are not to be shared between threads),
     * the upper half on this thread. A label across the middle is drawn in parts by both.
     */
    private void drawLabels(BufferedImage image, Graphics2D g, List<LabelEngine.Placed> placed) {
        int width = image.getWidth();
        int height = image.getHeight();
        if (placed.size() < 2 || height < 2) {
            LabelEngine.draw(g, placed);
            return;
        }
        int middle = height / 2;
        List<LabelEngine.Placed> copies = LabelEngine.copies(placed);
        Future<?> lower = layerPool.submit(() -> {
            Graphics2D lg = image.createGraphics();
            try {
                lg.clipRect(0, middle, width, height - middle);
                LabelEngine.draw(lg, copies);
            } finally {
                lg.dispose();
            }
        });
        Graphics2D ug = (Graphics2D) g.create();
        try {
            ug.clipRect(0, 0, width, middle);
            LabelEngine.draw(ug, placed);
        } finally {
            ug.dispose();
        }
        try {
            awaitUninterruptibly(lower);
        } catch (ExecutionException e) {
            throw new IllegalStateException("drawing the labels failed", e.getCause());
        }
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
