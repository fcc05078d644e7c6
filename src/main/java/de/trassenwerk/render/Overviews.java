package de.trassenwerk.render;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.Query;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link LayerOverview}s of one renderer: which exist, which are being built, and when one may
 * be drawn from. A layer gets an overview once a render has read at least {@link #MIN_FEATURES}
 * features of it (or when {@link #prepare} is asked to), built on a background thread of low
 * priority. It is drawn from only while it is current: same data version of the store, all the
 * fields the style of the moment reads, a view of at least one overview unit per pixel, and a layer
 * in the map's CRS. An attribute filter is answered by asking the store for the ids of the features
 * that pass it (cached per filter); anything else falls back to reading the store, and a stale
 * overview is rebuilt in the background.
 *
 * <p>Thread rules: thread-safe. Builds run on this registry's own daemon thread; a store that is
 * closed while a build reads it fails that build, which is forgotten. Stores are held weakly.
 */
final class Overviews {
    /** Layers with at least this many features in one view get an overview (reading 10 000 rows costs about 10 ms). */
    static final int MIN_FEATURES = 10_000;
    /** Filter answers kept per layer. */
    private static final int FILTERS_KEPT = 8;
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** The state of one layer of one store. */
    private static final class Slot {
        LayerOverview overview;
        boolean building;
        /** Fields a build must keep (grows when a style needs more). */
        final Set<String> fields = new HashSet<>();
        final Map<AttributeFilter, BitSet> filters = new LinkedHashMap<>(16, 0.75f, true);
    }

    private final ExecutorService builder = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-overview-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private final Map<FeatureStore, Map<String, Slot>> slots = new WeakHashMap<>();
    private final int minFeatures;
    private int pending;

    /** Overviews for layers of at least {@code minFeatures} features ({@link #MIN_FEATURES} normally). */
    Overviews(int minFeatures) {
        this.minFeatures = minFeatures;
    }

    /**
     * The overview to draw {@code schema} from in {@code vp}, or null when there is none that is
     * current and fine enough; a stale one or one that lacks fields is rebuilt.
     */
    LayerOverview usable(FeatureStore store, LayerSchema schema, List<String> fields, Viewport vp, int mapSrs) {
        OptionalLong version = store.dataVersion();
        if (version.isEmpty() || !inMapCrs(schema, mapSrs)) {
            return null;
        }
        LayerOverview stale;
        synchronized (this) {
            Slot slot = slot(store, schema, false);
            if (slot == null) {
                return null;
            }
            LayerOverview ov = slot.overview;
            if (ov != null && ov.dataVersion() == version.getAsLong() && ov.fields().containsAll(fields)) {
                return vp.metresPerPixel() >= ov.unit() ? ov : null;
            }
            stale = ov;
        }
        if (stale != null) {
            schedule(store, schema, fields);
        }
        return null;
    }

    /** Tells the registry how many features a render read of a layer; a big layer gets an overview. */
    void featuresRead(FeatureStore store, LayerSchema schema, List<String> fields, int features, int mapSrs) {
        if (features >= minFeatures && store.dataVersion().isPresent() && inMapCrs(schema, mapSrs)) {
            schedule(store, schema, fields);
        }
    }

    /**
     * Builds overviews in the background for those of {@code layers} that have at least
     * the minimum number of features, keeping the fields {@code fieldsOf} names per layer.
     */
    void prepare(FeatureStore store, List<String> layers, java.util.function.Function<String, List<String>> fieldsOf,
            int mapSrs) {
        if (store.dataVersion().isEmpty()) {
            return;
        }
        submit(() -> {
            for (LayerInfo info : store.layers()) {
                LayerSchema schema = info.schema();
                if (layers.stream().anyMatch(l -> l.equalsIgnoreCase(schema.name())) && schema.hasGeometry()
                        && info.count() >= minFeatures && inMapCrs(schema, mapSrs)) {
                    schedule(store, schema, fieldsOf.apply(schema.name()));
                }
            }
        });
    }

    /**
     * The features of {@code ov} that pass {@code filter}, from the store's answer to the filter
     * (cached per filter while the overview lasts).
     */
    BitSet passing(FeatureStore store, LayerOverview ov, AttributeFilter filter) {
        synchronized (this) {
            Slot slot = slotOf(store, ov.layer());
            BitSet known = slot == null || slot.overview != ov ? null : slot.filters.get(filter);
            if (known != null) {
                return known;
            }
        }
        long[][] ids = {new long[1024]};
        int[] n = {0};
        store.readEncoded(ov.layer(), Query.where(filter).withFields(List.of(), false), (fid, g, values) -> {
            if (n[0] == ids[0].length) {
                ids[0] = Arrays.copyOf(ids[0], n[0] * 2);
            }
            ids[0][n[0]++] = fid;
        });
        BitSet set = ov.featuresWithIds(ids[0], n[0]);
        synchronized (this) {
            Slot slot = slotOf(store, ov.layer());
            if (slot != null && slot.overview == ov) {
                slot.filters.put(filter, set);
                if (slot.filters.size() > FILTERS_KEPT) {
                    slot.filters.remove(slot.filters.keySet().iterator().next());
                }
            }
        }
        return set;
    }

    /** Waits until no build is queued or running, at most {@code millis}; true when idle. */
    boolean awaitIdle(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (this) {
            while (pending > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        }
    }

    /** The layers of {@code store} that have an overview (maybe stale), with its size in bytes; for reports. */
    synchronized Map<String, Long> overviewSizes(FeatureStore store) {
        Map<String, Long> out = new java.util.TreeMap<>();
        Map<String, Slot> m = slots.get(store);
        if (m != null) {
            m.forEach((k, v) -> {
                if (v.overview != null) {
                    out.put(v.overview.layer(), v.overview.bytes());
                }
            });
        }
        return out;
    }

    private static boolean inMapCrs(LayerSchema schema, int mapSrs) {
        return !LayerProjection.of(schema.srsId(), mapSrs).reprojects();
    }

    private void schedule(FeatureStore store, LayerSchema schema, List<String> fields) {
        synchronized (this) {
            Slot slot = slot(store, schema, true);
            slot.fields.addAll(fields);
            if (slot.building) {
                return;
            }
            slot.building = true;
        }
        submit(() -> build(store, schema));
    }

    private void build(FeatureStore store, LayerSchema schema) {
        try {
            List<String> fields;
            synchronized (this) {
                fields = schema.fields().stream().map(f -> f.name())
                        .filter(slot(store, schema, true).fields::contains).toList();
            }
            OptionalLong version = store.dataVersion();
            LayerInfo info = store.layerInfo(schema.name());
            if (version.isEmpty() || info.extent() == null) {
                return;
            }
            LayerOverview ov = LayerOverview.build(store, schema, fields, info.extent(), version.getAsLong(), () -> false);
            synchronized (this) {
                Slot slot = slot(store, schema, true);
                slot.overview = ov;
                slot.filters.clear();
            }
        } catch (RuntimeException e) {
            // the store was closed or the layer is unreadable: renders read the store as before
        } finally {
            synchronized (this) {
                Slot slot = slot(store, schema, false);
                if (slot != null) {
                    slot.building = false;
                }
            }
        }
    }

    private void submit(Runnable task) {
        synchronized (this) {
            pending++;
        }
        builder.execute(() -> {
            try {
                task.run();
            } finally {
                synchronized (this) {
                    pending--;
                    notifyAll();
                }
            }
        });
    }

    private Slot slot(FeatureStore store, LayerSchema schema, boolean create) {
        Map<String, Slot> m = create ? slots.computeIfAbsent(store, s -> new HashMap<>()) : slots.get(store);
        if (m == null) {
            return null;
        }
        String key = schema.name().toLowerCase(Locale.ROOT);
        return create ? m.computeIfAbsent(key, k -> new Slot()) : m.get(key);
    }

    private Slot slotOf(FeatureStore store, String layer) {
        Map<String, Slot> m = slots.get(store);
        return m == null ? null : m.get(layer.toLowerCase(Locale.ROOT));
    }
}
