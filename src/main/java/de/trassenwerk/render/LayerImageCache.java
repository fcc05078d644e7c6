package de.trassenwerk.render;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import java.awt.image.BufferedImage;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last images (and label candidates) of single layers, so that switching a layer on or off, changing the order or the
 * opacity lays the other layers' images together again without reading them. An image is found
 * again only for exactly the same store, layer, view, filter, style, level of detail and data
 * version of the store, so it is never stale. Bounded by the total number of pixels held; the
 * least recently used images go first.
 *
 * <p>A render holds the entries it composites ({@link #acquire}, {@link #putHeld}) until it
 * {@link #release}s them; an image neither held nor kept any more goes to the renderer's
 * {@link ImagePool}, to be painted over by a later render.
 *
 * <p>Thread rules: thread-safe. Images handed out are shared and must only be read, and not after
 * they are released.
 */
final class LayerImageCache {

    /** What a layer image depends on. The store is compared by identity. */
    record Key(FeatureStore store, String layer, Viewport viewport, AttributeFilter filter, Object style,
            long dataVersion, Detail detail) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && store == k.store && layer.equals(k.layer) && viewport.equals(k.viewport)
                    && filter.equals(k.filter) && style.equals(k.style) && dataVersion == k.dataVersion
                    && detail == k.detail;
        }

        @Override
        public int hashCode() {
            return ((System.identityHashCode(store) * 31 + layer.hashCode()) * 31 + viewport.hashCode()) * 31
                    + Long.hashCode(dataVersion);
        }
    }

    /**
     * A drawn layer: its image (null when nothing was drawn), the tiles painted in it (null: maybe
     * any), the number of features drawn and the
     * labels it asks for (placed anew over all layers on every render).
     */
    record Entry(BufferedImage image, TileMask painted, int features, java.util.List<LabelCandidate> labels) {
        long pixels() {
            return image == null ? 1 : (long) image.getWidth() * image.getHeight();
        }
    }

    /** How many renders hold an entry, and whether the cache has let go of it meanwhile. */
    private static final class Use {
        int count;
        boolean letGo;
    }

    private final long maxPixels;
    private final ImagePool spares;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final IdentityHashMap<Entry, Use> held = new IdentityHashMap<>();
    private long pixels;

    /** A cache holding at most {@code maxPixels} pixels (0: holds nothing), dropping images. */
    LayerImageCache(long maxPixels) {
        this(maxPixels, new ImagePool(0));
    }

    /** A cache holding at most {@code maxPixels} pixels, giving images it lets go to {@code spares}. */
    LayerImageCache(long maxPixels, ImagePool spares) {
        this.maxPixels = Math.max(0, maxPixels);
        this.spares = spares;
    }

    /** The entry kept for {@code key}, or null; not held (for tests). */
    synchronized Entry get(Key key) {
        return entries.get(key);
    }

    /** The entry kept for {@code key}, or null; held by the caller until it {@link #release}s it. */
    synchronized Entry acquire(Key key) {
        Entry e = entries.get(key);
        if (e != null) {
            hold(e);
        }
        return e;
    }

    /**
     * Keeps {@code entry} (when it fits) and holds it for the caller until it {@link #release}s it:
     * the image is not painted over meanwhile even when a render of another view pushes it out.
     */
    synchronized void putHeld(Key key, Entry entry) {
        hold(entry);
        put(key, entry);
    }

    /** Lets go of an entry {@link #acquire}d or {@link #putHeld}. */
    synchronized void release(Entry entry) {
        Use use = held.get(entry);
        if (use == null || --use.count > 0) {
            return;
        }
        held.remove(entry);
        if (use.letGo) {
            spares.give(entry.image(), entry.painted());
        }
    }

    synchronized void put(Key key, Entry entry) {
        if (entry.pixels() > maxPixels) {
            Use use = held.get(entry);
            if (use != null) {
                use.letGo = true; // not kept: spare once released
            }
            return;
        }
        Entry old = entries.put(key, entry);
        if (old != null) {
            pixels -= old.pixels();
            if (old != entry) {
                letGo(old);
            }
        }
        pixels += entry.pixels();
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (pixels > maxPixels && it.hasNext()) {
            Map.Entry<Key, Entry> eldest = it.next();
            pixels -= eldest.getValue().pixels();
            it.remove();
            letGo(eldest.getValue());
        }
    }

    private void hold(Entry entry) {
        held.computeIfAbsent(entry, e -> new Use()).count++;
    }

    /** An entry no longer kept: its image is spare now, or once no render holds it. */
    private void letGo(Entry entry) {
        Use use = held.get(entry);
        if (use == null) {
            spares.give(entry.image(), entry.painted());
        } else {
            use.letGo = true;
        }
    }

    /** The pixels held now. */
    synchronized long pixels() {
        return pixels;
    }
}
