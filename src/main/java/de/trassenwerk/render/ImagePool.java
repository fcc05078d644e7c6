package de.trassenwerk.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Layer images kept for re-use once a render is done with them. A view-sized image is several
 * megabytes, more than half a heap region of the garbage collector (G1), so each new one is a
 * "humongous" object: allocated outside the thread's buffer, zeroed, and reclaimed only by a
 * collection, which a steady stream of them sets off again and again. A map frame needs a dozen
 * (one per layer and one for the labels); taken from here, a benchmark run of the scale-50 city
 * allocated 1.7 GB of such objects instead of 6.1 GB.
 *
 * <p>An image is given back with the {@link TileMask} of what was painted into it and is cleared
 * (those tiles only) when it is taken again, on the thread that takes it. The pool holds at most
 * {@code maxPixels} pixels, through soft references, so that the collector may take the images back
 * when memory runs short.
 *
 * <p>Thread rules: thread-safe. An image given back must not be used by anyone any more.
 */
final class ImagePool {

    private record Spare(BufferedImage image, TileMask dirty) {
        long pixels() {
            return (long) image.getWidth() * image.getHeight();
        }
    }

    private final long maxPixels;
    private final List<SoftReference<Spare>> spares = new ArrayList<>();

    /** A pool holding at most {@code maxPixels} pixels (0: holds nothing, every image is new). */
    ImagePool(long maxPixels) {
        this.maxPixels = Math.max(0, maxPixels);
    }

    /** A fully transparent image of {@code width} × {@code height} pixels, premultiplied ARGB. */
    BufferedImage take(int width, int height) {
        Spare spare = null;
        synchronized (this) {
            for (Iterator<SoftReference<Spare>> it = spares.iterator(); it.hasNext();) {
                Spare s = it.next().get();
                if (s == null) {
                    it.remove();
                } else if (s.image.getWidth() == width && s.image.getHeight() == height) {
                    it.remove();
                    spare = s;
                    break;
                }
            }
        }
        if (spare == null) {
            return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB_PRE);
        }
        clear(spare.image, spare.dirty);
        return spare.image;
    }

    /**
     * Gives {@code image} back, {@code painted} marking every tile anything was painted in (null:
     * maybe any). Images of another type than {@link #take} gives are not kept.
     */
    void give(BufferedImage image, TileMask painted) {
        if (image == null || image.getType() != BufferedImage.TYPE_INT_ARGB_PRE
                || painted != null && (painted.width() != image.getWidth() || painted.height() != image.getHeight())) {
            return;
        }
        Spare spare = new Spare(image, painted);
        synchronized (this) {
            long held = 0;
            for (Iterator<SoftReference<Spare>> it = spares.iterator(); it.hasNext();) {
                Spare s = it.next().get();
                if (s == null) {
                    it.remove();
                } else if (s.image == image) {
                    return; // given twice
                } else {
                    held += s.pixels();
                }
            }
            if (held + spare.pixels() <= maxPixels) {
                spares.add(new SoftReference<>(spare));
            }
        }
    }

    /** The pixels held now (for tests). */
    synchronized long pixels() {
        long held = 0;
        for (SoftReference<Spare> r : spares) {
            Spare s = r.get();
            held += s == null ? 0 : s.pixels();
        }
        return held;
    }

    /** Sets the pixels of the tiles marked in {@code dirty} (all when null) to transparent. */
    static void clear(BufferedImage image, TileMask dirty) {
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int width = image.getWidth();
        int height = image.getHeight();
        if (dirty == null) {
            Arrays.fill(data, 0);
            return;
        }
        int tile = TileMask.TILE;
        for (int row = 0; row < dirty.rows(); row++) {
            int y0 = row * tile;
            int y1 = Math.min(height, y0 + tile);
            for (int first = dirty.nextMarked(0, row); first < dirty.columns();) {
                int end = dirty.nextUnmarked(first, row);
                int x0 = first * tile;
                int x1 = Math.min(width, end * tile);
                for (int y = y0; y < y1; y++) {
                    Arrays.fill(data, y * width + x0, y * width + x1, 0);
                }
                first = dirty.nextMarked(end, row);
            }
        }
    }
}
