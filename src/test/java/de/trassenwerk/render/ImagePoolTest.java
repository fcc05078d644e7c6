package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Images given back to the pool come out of it again fully transparent, only of the size asked
 * for, and no more of them are kept than the pool holds; an image the layer cache lets go of goes to
 * the pool only once no render holds it any more.
 */
class ImagePoolTest {

    @Test
    void anImageTakenAgainIsClearedWhereverItWasPainted() {
        ImagePool pool = new ImagePool(1_000_000);
        BufferedImage image = pool.take(200, 150);
        assertEquals(0, painted(image));
        TileMask mask = new TileMask(200, 150);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(10, 200, 30, 120));
        g.fillRect(5, 5, 60, 40); // tiles (0..2, 0..1)
        g.fillRect(150, 120, 50, 30); // the ragged last column and row
        g.dispose();
        mask.mark(5, 5, 64, 44);
        mask.mark(150, 120, 199, 149);
        assertEquals(60 * 40 + 50 * 30, painted(image));
        pool.give(image, mask);
        assertEquals(200 * 150, pool.pixels());

        BufferedImage again = pool.take(200, 150);
        assertSame(image, again);
        assertEquals(0, painted(again));
        assertEquals(0, pool.pixels());
    }

    @Test
    void anImageGivenWithoutMaskIsClearedWhole() {
        ImagePool pool = new ImagePool(1_000_000);
        BufferedImage image = pool.take(64, 64);
        Graphics2D g = image.createGraphics();
        g.fillRect(0, 0, 64, 64);
        g.dispose();
        pool.give(image, null);
        assertEquals(0, painted(pool.take(64, 64)));
    }

    @Test
    void onlyTheSizeAskedForAndNoMoreThanThePoolHolds() {
        ImagePool pool = new ImagePool(2 * 100 * 100);
        BufferedImage a = pool.take(100, 100);
        BufferedImage b = pool.take(100, 100);
        BufferedImage c = pool.take(100, 100);
        pool.give(a, null);
        pool.give(b, null);
        pool.give(c, null); // over the limit: dropped
        pool.give(a, null); // given twice: kept once
        assertEquals(2 * 100 * 100, pool.pixels());
        BufferedImage other = pool.take(100, 99);
        assertNotSame(a, other);
        assertNotSame(b, other);
        assertEquals(2 * 100 * 100, pool.pixels());
        pool.give(new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB), null); // not the pool's type
        assertEquals(2 * 100 * 100, pool.pixels());
        assertEquals(0, new ImagePool(0).pixels());
    }

    @Test
    void theCacheGivesAnImageItPushesOutToThePoolOnceNoRenderHoldsIt() {
        ImagePool pool = new ImagePool(1_000_000);
        LayerImageCache cache = new LayerImageCache(100 * 100, pool);
        FeatureStore store = null; // keys compare stores by identity only
        Viewport view = Viewport.fit(new org.locationtech.jts.geom.Envelope(0, 100, 0, 100), 100, 100);
        LayerImageCache.Key first = new LayerImageCache.Key(store, "a", view, AttributeFilter.ALL, "style", 1,
                Detail.FULL);
        LayerImageCache.Key second = new LayerImageCache.Key(store, "b", view, AttributeFilter.ALL, "style", 1,
                Detail.FULL);
        LayerImageCache.Entry held = entry(pool);
        cache.putHeld(first, held);
        LayerImageCache.Entry other = cache.acquire(first);
        assertSame(held, other); // held twice now

        cache.put(second, entry(pool)); // pushes the first out while it is held
        assertEquals(0, pool.pixels());
        cache.release(held);
        assertEquals(0, pool.pixels(), "still held once");
        cache.release(held);
        assertEquals(100 * 100, pool.pixels());
        assertSame(held.image(), pool.take(100, 100));

        cache.put(first, entry(pool)); // pushes the second out, which nobody holds
        assertEquals(100 * 100, pool.pixels());

        LayerImageCache.Entry tooBig = new LayerImageCache.Entry(pool.take(200, 100), null, 1, List.of());
        cache.putHeld(second, tooBig); // not kept, but laid by its render until released
        assertEquals(100 * 100, pool.pixels());
        assertEquals(null, cache.get(second));
        cache.release(tooBig);
        assertEquals(100 * 100 + 200 * 100, pool.pixels());
    }

    private static LayerImageCache.Entry entry(ImagePool pool) {
        return new LayerImageCache.Entry(pool.take(100, 100), new TileMask(100, 100), 1, List.of());
    }

    private static int painted(BufferedImage image) {
        int n = 0;
        for (int p : ((DataBufferInt) image.getRaster().getDataBuffer()).getData()) {
            if (p != 0) {
                n++;
            }
        }
        return n;
    }
}
