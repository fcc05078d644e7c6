package de.trassenwerk.render;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.style.DefaultStyles;
import de.trassenwerk.style.LayerStyle;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Draws a map: one {@link LayerRenderJob} per layer on a worker pool, each into its own image, then
 * composites them bottom to top over white, then places the labels of all layers on top
 * ({@link LabelEngine}). The same renderer serves the workbench's map view, PNG
 * exports and anything else that needs a picture of the data.
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
        this.styles = Objects.requireNonNull(styles);
        this.layerPool = Objects.requireNonNull(layerPool);
    }

    /**
     * Renders {@code layersBottomToTop} (each must exist in {@code store}) into a new image of the
     * viewport's size. A layer that fails is left out and reported in the result; the others are
     * drawn.
     */
    public RenderResult render(FeatureStore store, List<String> layersBottomToTop, Viewport vp,
            BooleanSupplier cancelled) {
        return render(store, layersBottomToTop, Map.of(), vp, cancelled);
    }

    /**
     * Renders as {@link #render(FeatureStore, List, Viewport, BooleanSupplier)}, drawing of the
     * layers named in {@code filters} only the features that pass their filter.
     */
    public RenderResult render(FeatureStore store, List<String> layersBottomToTop, Map<String, AttributeFilter> filters,
            Viewport vp, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        List<Future<LayerRenderJob.LayerImage>> futures = new ArrayList<>();
        for (String layer : layersBottomToTop) {
            futures.add(layerPool.submit(new LayerRenderJob(store, layer, styles.apply(layer),
                    filters.getOrDefault(layer, AttributeFilter.ALL), vp, cancelled)));
        }
        BufferedImage image = new BufferedImage(vp.width(), vp.height(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        Map<String, Integer> drawn = new LinkedHashMap<>();
        Map<String, RuntimeException> failures = new LinkedHashMap<>();
        boolean wasCancelled = false;
        LabelEngine labels = new LabelEngine(vp);
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, vp.width(), vp.height());
            for (int i = 0; i < futures.size(); i++) {
                String layer = layersBottomToTop.get(i);
                LayerRenderJob.LayerImage li;
                try {
                    li = awaitUninterruptibly(futures.get(i));
                } catch (ExecutionException e) {
                    failures.put(layer, e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(e.getCause()));
                    continue;
                }
                wasCancelled |= li.cancelled();
                drawn.put(layer, li.features());
                if (li.image() != null && !wasCancelled) {
                    g.drawImage(li.image(), 0, 0, null);
                }
                labels.add(i, li.labels());
            }
            if (!wasCancelled) {
                labels.paint(g, cancelled);
            }
        } finally {
            g.dispose();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new RenderResult(image, vp, ms, wasCancelled || cancelled.getAsBoolean(), drawn, failures);
    }

    /** Waits for a layer job even when interrupted, so that no job outlives {@link #render}. */
    private static <T> T awaitUninterruptibly(Future<T> f) throws ExecutionException {
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
