package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The direct line rasteriser against Java2D's antialiased stroke of the same lines. */
class StrokeRasterTest {
    private static final int W = 200;
    private static final int H = 150;

    @Test
    void randomLinesLookLikeJava2dStrokes() {
        SplittableRandom random = new SplittableRandom(7);
        long inked = 0;
        long differing = 0;
        for (int round = 0; round < 200; round++) {
            PixelShape line = randomLine(random);
            float width = (float) random.nextDouble(0.5, StrokeRaster.MAX_WIDTH);
            Color colour = new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200),
                    random.nextBoolean() ? 255 : 120 + random.nextInt(135));
            BufferedImage expected = canvas();
            Graphics2D g = expected.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(colour);
            g.setStroke(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(line);
            g.dispose();
            BufferedImage actual = canvas();
            assertTrue(new StrokeRaster(actual).draw(line, width, RasterFill.premultiplied(colour)));
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    int e = expected.getRGB(x, y);
                    int a = actual.getRGB(x, y);
                    if (e != 0xFFFFFFFF || a != 0xFFFFFFFF) {
                        inked++;
                        if (maxChannelDifference(e, a) > PictureComparison.TOLERANCE) {
                            differing++;
                        }
                    }
                }
            }
        }
        assertTrue(inked > 20_000, "the lines draw something: " + inked);
        // zigzags with sharp joins are the hard case (the nearest segment decides a pixel's cover)
        assertTrue(differing <= inked / 100, differing + " of " + inked + " inked pixels differ by more than "
                + PictureComparison.TOLERANCE);
    }

    @Test
    void aSingleSegmentDrawnStraightIntoTheImageEqualsItDrawnThroughTheCover() {
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 300; round++) {
            float ax = (float) random.nextDouble(-10, W + 10);
            float ay = (float) random.nextDouble(-10, H + 10);
            float bx = round % 10 == 0 ? ax : (float) random.nextDouble(-10, W + 10);
            float by = round % 7 == 0 ? ay : (float) random.nextDouble(-10, H + 10);
            float width = (float) random.nextDouble(0.3, StrokeRaster.MAX_WIDTH);
            int colour = RasterFill.premultiplied(new Color(random.nextInt(256), random.nextInt(256),
                    random.nextInt(256), random.nextBoolean() ? 255 : random.nextInt(256)));
            BufferedImage direct = canvas();
            assertTrue(new StrokeRaster(direct).draw(new PixelShape(new float[] {ax, ay, bx, by}, new int[] {2}, false),
                    width, colour));
            // a second part far outside the image sends the same segment through the cover buffer
            BufferedImage covered = canvas();
            PixelShape twoParts = new PixelShape(new float[] {ax, ay, bx, by, -500, -500, -490, -500},
                    new int[] {2, 4}, false);
            assertTrue(new StrokeRaster(covered).draw(twoParts, width, colour));
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    assertEquals(covered.getRGB(x, y), direct.getRGB(x, y), "pixel " + x + "," + y + " of round " + round);
                }
            }
        }
    }

    @Test
    void horizontalLineCoversWholeAndHalfPixels() {
        BufferedImage img = canvas();
        // a 2 px line along y = 10: rows 9 and 10 fully covered
        new StrokeRaster(img).draw(new PixelShape(new float[] {10, 10, 50, 10}, new int[] {2}, false), 2, 0xFF000000);
        assertEquals(0xFF000000, img.getRGB(30, 9));
        assertEquals(0xFF000000, img.getRGB(30, 10));
        assertEquals(0xFFFFFFFF, img.getRGB(30, 12));
        // a 1 px line along y = 20: half of rows 19 and 20 each
        new StrokeRaster(img).draw(new PixelShape(new float[] {10, 20, 50, 20}, new int[] {2}, false), 1, 0xFF000000);
        int half = img.getRGB(30, 19) & 0xff;
        assertTrue(half > 120 && half < 136, "half covered: " + half);
    }

    @Test
    void overlappingSegmentsOfOneLineDoNotDarkenTwice() {
        BufferedImage img = canvas();
        // there and back along the same segment, translucent: one layer of colour, not two
        PixelShape back = new PixelShape(new float[] {10, 30.5f, 60, 30.5f, 10, 30.5f}, new int[] {3}, false);
        new StrokeRaster(img).draw(back, 3, RasterFill.premultiplied(new Color(0, 0, 0, 128)));
        int grey = img.getRGB(30, 30) & 0xff;
        assertTrue(grey > 120 && grey < 135, "one layer of half black: " + grey);
    }

    @Test
    void wideLinesAreLeftToJava2d() {
        BufferedImage img = canvas();
        PixelShape line = new PixelShape(new float[] {10, 10, 50, 10}, new int[] {2}, false);
        assertFalse(new StrokeRaster(img).draw(line, StrokeRaster.MAX_WIDTH + 0.5f, 0xFF000000));
        assertEquals(0xFFFFFFFF, img.getRGB(30, 10), "nothing drawn");
        assertTrue(new StrokeRaster(img).draw(line, StrokeRaster.MAX_WIDTH, 0xFF000000));
    }

    @Test
    void hugeShapesAreLeftToJava2d() {
        BufferedImage big = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_ARGB_PRE);
        assertFalse(new StrokeRaster(big).draw(new PixelShape(new float[] {0, 0, 999, 999}, new int[] {2}, false), 1,
                0xFF000000));
    }

    private static PixelShape randomLine(SplittableRandom random) {
        int n = 2 + random.nextInt(6);
        float[] xy = new float[2 * n];
        double x = random.nextDouble(0, W);
        double y = random.nextDouble(0, H);
        double step = random.nextDouble(0.5, 40);
        for (int i = 0; i < n; i++) {
            xy[2 * i] = (float) x;
            xy[2 * i + 1] = (float) y;
            double a = random.nextDouble(0, 2 * Math.PI);
            x += Math.cos(a) * step;
            y += Math.sin(a) * step;
        }
        return new PixelShape(xy, new int[] {n}, false);
    }

    private static BufferedImage canvas() {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        g.dispose();
        return img;
    }

    private static int maxChannelDifference(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 24; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)));
        }
        return d;
    }
}
