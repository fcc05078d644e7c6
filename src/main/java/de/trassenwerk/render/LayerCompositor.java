package de.trassenwerk.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;

/**
 * Lays finished layer images over the map image, source over, each with its opacity. All images are
 * {@link BufferedImage#TYPE_INT_ARGB_PRE} of one size. Two things make this cheap, where
 * {@code Graphics2D.drawImage} blends every pixel of every layer one layer after the other:
 * <ul>
 * <li>only the tiles a layer's {@link TileMask} marks are looked at (a street layer covers a few
 *     per cent of its pixels; network nodes far less), and they are blended without a branch per
 *     pixel, which the JIT turns into vector instructions;</li>
 * <li>the map is done in bands of {@link TileMask#TILE} rows, all layers over one band before the
 *     next, so that the band of the map stays in the processor's cache instead of the whole map
 *     image going through memory once per layer.</li>
 * </ul>
 * The result equals the blend of {@link RasterFill#over} pixel by pixel.
 *
 * <p>Stateless; call from any thread, but not on the same bands of one target image from two threads
 * at once.
 */
final class LayerCompositor {

    /**
     * A layer image to lay over the map.
     *
     * @param image   the layer's pixels
     * @param opacity 0..1
     * @param painted the tiles painted in it, or null to look at all of it
     */
    record Layer(BufferedImage image, double opacity, TileMask painted) {
    }

    private LayerCompositor() {
    }

    /** Lays {@code layer} over {@code target} with {@code opacity} in [0, 1]. */
    static void over(BufferedImage target, BufferedImage layer, double opacity) {
        over(target, List.of(new Layer(layer, opacity, null)));
    }

    /** Lays {@code layersBottomToTop} over {@code target}. */
    static void over(BufferedImage target, List<Layer> layersBottomToTop) {
        over(target, layersBottomToTop, 0, bands(target.getHeight()));
    }

    /** How many bands of {@link TileMask#TILE} rows an image of {@code height} rows has. */
    static int bands(int height) {
        return (height + TileMask.TILE - 1) / TileMask.TILE;
    }

    /**
     * Lays {@code layersBottomToTop} over the bands {@code [fromBand, toBand)} of {@code target}
     * only. Calls on disjoint band ranges of one target may run at once on different threads.
     */
    static void over(BufferedImage target, List<Layer> layersBottomToTop, int fromBand, int toBand) {
        int width = target.getWidth();
        int height = target.getHeight();
        if (target.getType() != BufferedImage.TYPE_INT_ARGB_PRE) {
            throw new IllegalArgumentException("the map image must be INT_ARGB_PRE");
        }
        for (Layer l : layersBottomToTop) {
            BufferedImage i = l.image();
            if (i.getType() != BufferedImage.TYPE_INT_ARGB_PRE || i.getWidth() != width || i.getHeight() != height
                    || l.painted() != null && (l.painted().width() != width || l.painted().height() != height)) {
                throw new IllegalArgumentException("layer and map images must both be INT_ARGB_PRE of one size");
            }
        }
        int[] dst = pixels(target);
        int tile = TileMask.TILE;
        int columns = (width + tile - 1) / tile;
        for (int band = Math.max(0, fromBand); band < Math.min(toBand, bands(height)); band++) {
            int y0 = band * tile;
            int y1 = Math.min(height, y0 + tile);
            for (Layer l : layersBottomToTop) {
                int k = l.opacity() >= 1 ? 256 : (int) Math.round(Math.max(0, l.opacity()) * 256); // 256 = 1
                if (k == 0) {
                    continue;
                }
                int[] src = pixels(l.image());
                TileMask painted = l.painted();
                // runs of marked tiles (the whole band when nothing tells which are painted)
                int first = painted == null ? 0 : painted.nextMarked(0, band);
                while (first < columns) {
                    int end = painted == null ? columns : painted.nextUnmarked(first, band);
                    int x0 = first * tile;
                    int x1 = Math.min(width, end * tile);
                    for (int y = y0; y < y1; y++) {
                        blend(dst, src, y * width + x0, y * width + x1, k);
                    }
                    first = painted == null ? columns : painted.nextMarked(end, band);
                }
            }
        }
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    /**
     * Blends src[from..to) over dst[from..to) with opacity k / 256: {@link RasterFill#over} of every
     * pixel, written without a branch (an empty source pixel leaves the map as it is, an opaque one
     * replaces it, by the arithmetic alone), so that the JIT turns the loop into vector instructions,
     * several pixels at a time.
     */
    private static void blend(int[] dst, int[] src, int from, int to, int k) {
        if (k == 256) {
            RasterFill.overAll(dst, src, from, to);
            return;
        }
        for (int i = from; i < to; i++) {
            int s = scale(src[i], k);
            dst[i] = s + RasterFill.scale(dst[i], 255 - (s >>> 24));
        }
    }

    /** A premultiplied colour with every channel times k / 256. */
    private static int scale(int argbPre, int k) {
        int a = ((argbPre >>> 24) * k) >> 8;
        int r = (((argbPre >> 16) & 0xff) * k) >> 8;
        int g = (((argbPre >> 8) & 0xff) * k) >> 8;
        int b = ((argbPre & 0xff) * k) >> 8;
        return a << 24 | r << 16 | g << 8 | b;
    }
}
