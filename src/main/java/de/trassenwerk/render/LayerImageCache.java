package de.trassenwerk.render;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import java.awt.image.BufferedImage;
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
 * <p>Thread rules: thread-safe. Images handed out are shared and must only be read.
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

    private final long maxPixels;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long pixels;

    /** A cache holding at most {@code maxPixels} pixels (0: holds nothing). */
    LayerImageCache(long maxPixels) {
        this.maxPixels = Math.max(0, maxPixels);
    }

    synchronized Entry get(Key key) {
        return entries.get(key);
    }

    synchronized void put(Key key, Entry entry) {
        if (entry.pixels() > maxPixels) {
            return;
        }
        Entry old = entries.put(key, entry);
        if (old != null) {
            pixels -= old.pixels();
        }
        pixels += entry.pixels();
        Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator();
        while (pixels > maxPixels && it.hasNext()) {
            Map.Entry<Key, Entry> eldest = it.next();
            pixels -= eldest.getValue().pixels();
            it.remove();
        }
    }

    /** The pixels held now. */
    synchronized long pixels() {
        return pixels;
    }
}
