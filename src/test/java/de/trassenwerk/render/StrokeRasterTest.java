package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
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
    void buttAndSquareEndsLookLikeJava2d() {
        SplittableRandom random = new SplittableRandom(21);
        long[] counts = new long[2];
        for (int round = 0; round < 200; round++) {
            float width = (float) random.nextDouble(0.5, StrokeRaster.MAX_WIDTH);
            int cap = round % 2 == 0 ? BasicStroke.CAP_BUTT : BasicStroke.CAP_SQUARE;
            compare(randomLine(random), new BasicStroke(width, cap, BasicStroke.JOIN_ROUND), randomColour(random),
                    counts);
        }
        assertTrue(counts[0] > 20_000, "the lines draw something: " + counts[0]);
        assertTrue(counts[1] <= counts[0] / 100, counts[1] + " of " + counts[0] + " inked pixels differ");
    }

    @Test
    void dashedLinesAndRingsLookLikeJava2dDashes() {
        SplittableRandom random = new SplittableRandom(5);
        long[] counts = new long[2];
        int[] caps = {BasicStroke.CAP_BUTT, BasicStroke.CAP_ROUND, BasicStroke.CAP_SQUARE};
        for (int round = 0; round < 300; round++) {
            float[] dash = new float[2 * (1 + random.nextInt(2))];
            for (int i = 0; i < dash.length; i++) {
                dash[i] = (float) random.nextDouble(i % 2 == 0 ? 1 : 1.5, 12);
            }
            float width = (float) random.nextDouble(0.5, 5);
            float phase = random.nextBoolean() ? 0 : (float) random.nextDouble(0, 30);
            BasicStroke stroke = new BasicStroke(width, caps[round % 3], BasicStroke.JOIN_ROUND, 4, dash, phase);
            PixelShape shape = round % 2 == 0 ? randomLine(random) : randomRing(random);
            compare(shape, stroke, randomColour(random), counts);
        }
        assertTrue(counts[0] > 50_000, "the dashes draw something: " + counts[0]);
        assertTrue(counts[1] <= counts[0] * 2 / 100, counts[1] + " of " + counts[0] + " inked pixels differ");
    }

    @Test
    void theFirstAndLastDashOfARingMeetAsOne() {
        // a square ring of 4 x 40 px, dashes of 30 and gaps of 10 from 5 into the first dash: the last
        // dash (from 155) runs on into the first (to 25) round the ring's first corner, which butt
        // ends would leave uncovered
        PixelShape ring = new PixelShape(new float[] {20, 20, 60, 20, 60, 60, 20, 60}, new int[] {4}, true);
        BasicStroke stroke = new BasicStroke(4, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4, new float[] {30, 10}, 5);
        BufferedImage img = canvas();
        assertTrue(new StrokeRaster(img).draw(ring, stroke, 0xFF000000));
        assertEquals(0xFF000000, img.getRGB(19, 19), "the joined corner is covered");
        assertEquals(0xFF000000, img.getRGB(40, 20), "a dash");
        assertEquals(0xFFFFFFFF, img.getRGB(50, 20), "a gap");
        long[] counts = new long[2];
        compare(ring, stroke, 0xFF000000, counts);
        assertTrue(counts[1] <= counts[0] / 100, counts[1] + " of " + counts[0] + " inked pixels differ");
    }

    @Test
    void linesOfAnySizeAreDrawnInBandsAndTheirRowsApartEqualTheWhole() {
        int size = 900;
        SplittableRandom random = new SplittableRandom(9);
        float[] xy = new float[2 * 12];
        for (int i = 0; i < 12; i++) { // a zigzag across the whole image, far bigger than one band of cover
            xy[2 * i] = (float) (i * 80 + random.nextDouble(0, 20));
            xy[2 * i + 1] = (float) (i % 2 == 0 ? random.nextDouble(0, 50) : random.nextDouble(size - 50, size));
        }
        PixelShape zigzag = new PixelShape(xy, new int[] {12}, false);
        assertTrue((long) size * size > StrokeRaster.MAX_AREA);
        for (BasicStroke stroke : List.of(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND),
                new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4, new float[] {7, 4}, 3))) {
            int colour = RasterFill.premultiplied(new Color(30, 60, 200, 170));
            BufferedImage whole = canvas(size, size);
            assertTrue(new StrokeRaster(whole).draw(zigzag, stroke, colour));
            BufferedImage apart = canvas(size, size);
            assertTrue(new StrokeRaster(apart, 0, 437).draw(zigzag, stroke, colour));
            assertTrue(new StrokeRaster(apart, 437, size).draw(zigzag, stroke, colour));
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    assertEquals(whole.getRGB(x, y), apart.getRGB(x, y), "pixel " + x + "," + y);
                }
            }
            long[] counts = new long[2];
            compare(zigzag, stroke, colour, counts, size, size);
            assertTrue(counts[0] > 10_000, "drawn: " + counts[0]);
            assertTrue(counts[1] <= counts[0] * 2 / 100, counts[1] + " of " + counts[0] + " inked pixels differ");
        }
    }

    @Test
    void dashesOfALineFarLongerThanTheImageAreMadeOnlyWhereItShows() {
        // 10 million pixels of 1 px dashes: only the few hundred inside the image are made
        PixelShape longLine = new PixelShape(new float[] {-5e6f, 40, 5e6f, 40}, new int[] {2}, false);
        BasicStroke stroke = new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4, new float[] {1, 1}, 0);
        BufferedImage img = canvas();
        assertTrue(new StrokeRaster(img).draw(longLine, stroke, 0xFF000000));
        int inked = 0;
        for (int x = 0; x < W; x++) {
            inked += img.getRGB(x, 40) != 0xFFFFFFFF ? 1 : 0;
        }
        assertTrue(inked > W / 3, "dashes along the row: " + inked);
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

    private static PixelShape randomRing(SplittableRandom random) {
        int n = 3 + random.nextInt(6);
        float[] xy = new float[2 * n];
        double cx = random.nextDouble(20, W - 20);
        double cy = random.nextDouble(20, H - 20);
        double radius = random.nextDouble(5, 60);
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n + random.nextDouble(0, 0.5);
            xy[2 * i] = (float) (cx + Math.cos(a) * radius * random.nextDouble(0.6, 1));
            xy[2 * i + 1] = (float) (cy + Math.sin(a) * radius * random.nextDouble(0.6, 1));
        }
        return new PixelShape(xy, new int[] {n}, true);
    }

    private static int randomColour(SplittableRandom random) {
        return RasterFill.premultiplied(new Color(random.nextInt(200), random.nextInt(200), random.nextInt(200),
                random.nextBoolean() ? 255 : 120 + random.nextInt(135)));
    }

    /** Adds to counts[0] the pixels either inks and to counts[1] those differing beyond the tolerance. */
    private static void compare(PixelShape shape, BasicStroke stroke, int argbPre, long[] counts) {
        compare(shape, stroke, argbPre, counts, W, H);
    }

    private static void compare(PixelShape shape, BasicStroke stroke, int argbPre, long[] counts, int w, int h) {
        BufferedImage expected = canvas(w, h);
        Graphics2D g = expected.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(new Color(argbPre, true).getAlpha() == 0 ? Color.BLACK : unpremultiplied(argbPre));
        g.setStroke(stroke);
        g.draw(shape);
        g.dispose();
        BufferedImage actual = canvas(w, h);
        assertTrue(new StrokeRaster(actual).draw(shape, stroke, argbPre));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int e = expected.getRGB(x, y);
                int a = actual.getRGB(x, y);
                if (e != 0xFFFFFFFF || a != 0xFFFFFFFF) {
                    counts[0]++;
                    if (maxChannelDifference(e, a) > PictureComparison.TOLERANCE) {
                        counts[1]++;
                    }
                }
            }
        }
    }

    /** The straight colour of a premultiplied one. */
    private static Color unpremultiplied(int argbPre) {
        int a = argbPre >>> 24;
        return new Color(Math.round(((argbPre >> 16) & 0xff) * 255f / a), Math.round(((argbPre >> 8) & 0xff) * 255f / a),
                Math.round((argbPre & 0xff) * 255f / a), a);
    }

    private static BufferedImage canvas() {
        return canvas(W, H);
    }

    private static BufferedImage canvas(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
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
