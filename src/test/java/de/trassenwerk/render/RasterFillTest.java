package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The direct fill against Java2D's own non-antialiased fill of the same shapes. */
class RasterFillTest {
    private static final int W = 120;
    private static final int H = 90;

    @Test
    void fillsTheSamePixelsAsJava2dForRandomRingsWithHoles() {
        SplittableRandom random = new SplittableRandom(42);
        long differing = 0;
        long filled = 0;
        for (int round = 0; round < 300; round++) {
            PixelShape shape = randomRings(random);
            Color colour = new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 40 + random.nextInt(216));
            BufferedImage expected = canvas();
            Graphics2D g = expected.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(colour);
            g.fill(shape);
            g.dispose();
            BufferedImage actual = canvas();
            new RasterFill(actual).fill(shape, RasterFill.premultiplied(colour));
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int e = expected.getRGB(x, y);
                    if (e != 0xFFFFFFFF) {
                        filled++;
                    }
                    if (!close(e, actual.getRGB(x, y), 2)) {
                        differing++;
                    }
                }
            }
        }
        assertTrue(filled > 100_000, "the shapes cover something: " + filled);
        // pixel centres exactly on an edge may fall either way in float arithmetic
        assertTrue(differing <= filled / 10_000, differing + " of " + filled + " pixels differ");
    }

    @Test
    void scaleAndOverEqualTheirDefinitionChannelByChannel() {
        for (int c = 0; c < 256; c++) {
            for (int k = 0; k < 256; k++) {
                int argb = c << 24 | (255 - c) << 16 | (c ^ 0x5a) << 8 | (c * 7 & 0xff);
                assertEquals(channelwise(argb, k), RasterFill.scale(argb, k), c + " times " + k);
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int src = randomPremultiplied(random);
            int dst = randomPremultiplied(random);
            int sa = src >>> 24;
            int expected = sa == 255 ? src : src + channelwise(dst, 255 - sa); // no channel above its alpha
            assertEquals(expected, RasterFill.over(src, dst));
        }
    }

    /** Each channel of argb times k / 255, rounded, one at a time. */
    private static int channelwise(int argb, int k) {
        int out = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int v = (argb >>> shift & 0xff) * k;
            out |= (int) Math.round(v / 255.0) << shift; // v / 255 is never a half: 255 is odd
        }
        return out;
    }

    private static int randomPremultiplied(SplittableRandom random) {
        int a = random.nextInt(256);
        return a << 24 | random.nextInt(a + 1) << 16 | random.nextInt(a + 1) << 8 | random.nextInt(a + 1);
    }

    @Test
    void opaqueFillReplacesAndTranslucentFillBlends() {
        BufferedImage img = canvas();
        RasterFill fill = new RasterFill(img);
        PixelShape square = new PixelShape(new float[] {10, 10, 20, 10, 20, 20, 10, 20}, new int[] {4}, true);
        fill.fill(square, RasterFill.premultiplied(new Color(0, 0, 255)));
        assertEquals(0xFF0000FF, img.getRGB(15, 15));
        assertEquals(0xFF0000FF, img.getRGB(10, 10), "a centre on the top-left edges is inside");
        assertEquals(0xFFFFFFFF, img.getRGB(20, 15), "a centre right of the right edge is outside");
        fill.fill(square, RasterFill.premultiplied(new Color(255, 0, 0, 128)));
        int blended = img.getRGB(15, 15);
        assertTrue(close(blended, 0xFF80007F, 1), Integer.toHexString(blended));
    }

    @Test
    void pixelsOutsideTheImageAreIgnored() {
        BufferedImage img = canvas();
        RasterFill fill = new RasterFill(img);
        fill.pixel(-1, 5, 0xFF000000);
        fill.pixel(W, 5, 0xFF000000);
        fill.pixel(3, 4, 0xFF000000);
        assertEquals(0xFF000000, img.getRGB(3, 4));
        PixelShape huge = new PixelShape(new float[] {-1e6f, -1e6f, 1e6f, -1e6f, 1e6f, 1e6f}, new int[] {3}, true);
        fill.fill(huge, 0xFF00FF00);
        assertEquals(0xFF00FF00, img.getRGB(W - 1, H - 1));
    }

    private static PixelShape randomRings(SplittableRandom random) {
        int rings = 1 + random.nextInt(3);
        int[] ends = new int[rings];
        float[] xy = new float[rings * 2 * 12];
        int v = 0;
        for (int r = 0; r < rings; r++) {
            int n = 3 + random.nextInt(9);
            double cx = random.nextDouble(-20, W + 20);
            double cy = random.nextDouble(-20, H + 20);
            double radius = random.nextDouble(0.3, 60);
            for (int i = 0; i < n; i++) {
                double a = 2 * Math.PI * i / n + random.nextDouble(0, 0.5);
                double d = radius * random.nextDouble(0.3, 1);
                xy[2 * v] = (float) (cx + Math.cos(a) * d);
                xy[2 * v + 1] = (float) (cy + Math.sin(a) * d);
                v++;
            }
            ends[r] = v;
        }
        return new PixelShape(java.util.Arrays.copyOf(xy, 2 * v), ends, true);
    }

    private static BufferedImage canvas() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.dispose();
        return img;
    }

    private static boolean close(int a, int b, int tolerance) {
        for (int shift = 0; shift <= 24; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > tolerance) {
                return false;
            }
        }
        return true;
    }
}
