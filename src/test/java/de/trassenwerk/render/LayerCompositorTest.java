package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LayerCompositorTest {

    /** A map-like base (white with a grey patch) and a layer of empty, opaque and translucent pixels. */
    private static BufferedImage[] pair(long seed) {
        BufferedImage base = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = base.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 48);
        g.setColor(new Color(90, 120, 200, 160));
        g.fillRect(10, 10, 30, 20);
        g.dispose();
        BufferedImage layer = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB_PRE);
        Random random = new Random(seed);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int kind = random.nextInt(3);
                if (kind == 0) {
                    continue; // empty
                }
                int a = kind == 1 ? 255 : 1 + random.nextInt(254);
                Color c = new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), a);
                layer.setRGB(x, y, c.getRGB()); // setRGB premultiplies for the _PRE type
            }
        }
        return new BufferedImage[] {base, layer};
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage c = new BufferedImage(image.getWidth(), image.getHeight(), image.getType());
        Graphics2D g = c.createGraphics();
        g.setComposite(AlphaComposite.Src);
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return c;
    }

    private static void assertSamePicture(BufferedImage expected, BufferedImage actual, int tolerance) {
        int worst = 0;
        for (int y = 0; y < expected.getHeight(); y++) {
            for (int x = 0; x < expected.getWidth(); x++) {
                int e = expected.getRGB(x, y);
                int a = actual.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    worst = Math.max(worst, Math.abs(((e >> shift) & 0xff) - ((a >> shift) & 0xff)));
                }
            }
        }
        assertTrue(worst <= tolerance, "largest channel difference to Java2D's blend: " + worst);
    }

    @Test
    void opaqueLayerMatchesJava2dSourceOver() {
        for (long seed = 1; seed <= 3; seed++) {
            BufferedImage[] p = pair(seed);
            BufferedImage expected = copy(p[0]);
            Graphics2D g = expected.createGraphics();
            g.drawImage(p[1], 0, 0, null);
            g.dispose();
            LayerCompositor.over(p[0], p[1], 1);
            assertSamePicture(expected, p[0], 1);
        }
    }

    @Test
    void translucentLayerMatchesJava2dWithExtraAlpha() {
        BufferedImage[] p = pair(7);
        BufferedImage expected = copy(p[0]);
        Graphics2D g = expected.createGraphics();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.4f));
        g.drawImage(p[1], 0, 0, null);
        g.dispose();
        LayerCompositor.over(p[0], p[1], 0.4);
        assertSamePicture(expected, p[0], 2);
    }

    @Test
    void emptyPixelsAndZeroOpacityLeaveTheMapAlone() {
        BufferedImage[] p = pair(11);
        BufferedImage before = copy(p[0]);
        LayerCompositor.over(p[0], p[1], 0);
        assertSamePicture(before, p[0], 0);
        LayerCompositor.over(p[0], new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB_PRE), 1);
        assertSamePicture(before, p[0], 0);
        assertEquals(0xffffffff, p[0].getRGB(0, 0));
    }

    @Test
    void refusesImagesOfAnotherSizeOrType() {
        BufferedImage map = new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB_PRE);
        assertThrows(IllegalArgumentException.class,
                () -> LayerCompositor.over(map, new BufferedImage(5, 4, BufferedImage.TYPE_INT_ARGB_PRE), 1));
        assertThrows(IllegalArgumentException.class,
                () -> LayerCompositor.over(map, new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB), 1));
    }

    @Test
    void bandsLaidOnTwoThreadsEqualTheWholeAtOnce() throws Exception {
        BufferedImage[] p = pair(5);
        BufferedImage[] q = pair(6);
        // 48 rows are two bands of 32 (the second one short)
        List<LayerCompositor.Layer> stack = List.of(new LayerCompositor.Layer(p[1], 1, null),
                new LayerCompositor.Layer(q[1], 0.6, null));
        BufferedImage whole = copy(p[0]);
        LayerCompositor.over(whole, stack);
        BufferedImage apart = copy(p[0]);
        assertEquals(2, LayerCompositor.bands(apart.getHeight()));
        Thread lower = new Thread(() -> LayerCompositor.over(apart, stack, 1, 2));
        lower.start();
        LayerCompositor.over(apart, stack, 0, 1);
        lower.join();
        assertSamePicture(whole, apart, 0);
    }
}
