package de.trassenwerk.render;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Draws the halo of a label: the cover of its glyphs widened by a disc of the halo's radius, in the
 * halo's colour, fully opaque where a glyph is within the radius and fading over one pixel beyond.
 * The glyphs are drawn once into a scratch mask in device space (turned as the label is), the mask
 * is widened pixel by pixel, and the result laid on the map in one image draw: a dozen and more
 * copies of the glyphs drawn around their place, the usual way with Java2D, cost several times as
 * much, and the halos of street names were a fifth of a map's render time.
 *
 * <p>Not thread-safe: one painter per drawing thread (it keeps its scratch images).
 */
final class HaloPainter {
    private BufferedImage mask;
    private Graphics2D maskGraphics;
    private int[] maskPixels;
    private int[] widened = new int[0];
    private double offsetsRadius = -1;
    private int[] offsetX;
    private int[] offsetY;
    private int[] offsetWeight; // 0..256
    private int offsetsReach;
    private int[] shades;
    private int shadesOf;

    /**
     * Lays the halo of {@code lines} (drawn at {@code xs}/{@code baselines} in the label's own
     * coordinates, within {@code block}) over {@code g}'s image, where {@code device} takes the
     * label's coordinates to the image's pixels.
     */
    void paint(Graphics2D g, AffineTransform device, GlyphVector[] lines, float[] xs, float[] baselines,
            Rectangle2D block, double radius, Color colour) {
        if (radius <= 0) {
            return;
        }
        double grow = radius + 3;
        Rectangle area = device.createTransformedShape(new Rectangle2D.Double(block.getX() - grow,
                block.getY() - grow, block.getWidth() + 2 * grow, block.getHeight() + 2 * grow)).getBounds();
        AffineTransform userSpace = g.getTransform();
        g.setTransform(new AffineTransform());
        try {
            // not cut to the clip: glyphs outside it may cast their halo into it
            Rectangle visible = g.getDeviceConfiguration().getBounds();
            Rectangle clip = g.getClipBounds();
            if (clip != null && !clip.intersects(area)) {
                return;
            }
            area = area.intersection(visible);
            if (area.isEmpty()) {
                return;
            }
            int w = area.width;
            int h = area.height;
            ensureScratch(w, h);
            int stride = mask.getWidth();
            for (int y = 0; y < h; y++) {
                Arrays.fill(maskPixels, y * stride, y * stride + w, 0);
            }
            AffineTransform toMask = AffineTransform.getTranslateInstance(-area.x, -area.y);
            toMask.concatenate(device);
            maskGraphics.setTransform(toMask);
            for (int i = 0; i < lines.length; i++) {
                maskGraphics.drawGlyphVector(lines[i], xs[i], baselines[i]);
            }
            widen(w, h, stride, radius);
            int[] shades = shades(colour);
            for (int y = 0; y < h; y++) {
                int from = y * w;
                int to = y * stride;
                for (int x = 0; x < w; x++) {
                    maskPixels[to + x] = shades[Math.min(255, widened[from + x])];
                }
            }
            g.drawImage(mask, area.x, area.y, area.x + w, area.y + h, 0, 0, w, h, null);
        } finally {
            g.setTransform(userSpace);
        }
    }

    /** The premultiplied pixel of {@code colour} at each opacity 0..255 (made again only for a new colour). */
    private int[] shades(Color colour) {
        int rgb = colour.getRGB() | 0xff000000;
        if (shades == null || shadesOf != rgb) {
            shades = new int[256];
            for (int a = 1; a < 256; a++) {
                shades[a] = RasterFill.premultiplied(new Color(rgb & 0xffffff | a << 24, true));
            }
            shadesOf = rgb;
        }
        return shades;
    }

    /**
     * widened[y * w + x] = the largest glyph cover within the radius of (x, y), each weighed by its
     * distance: every covered pixel of the mask (a small part of it) spreads its cover to the pixels
     * around it.
     */
    private void widen(int w, int h, int stride, double radius) {
        if (radius != offsetsRadius) {
            offsets(radius);
        }
        if (widened.length < w * h) {
            widened = new int[Math.max(w * h, widened.length * 2)];
        }
        Arrays.fill(widened, 0, w * h, 0);
        int n = offsetX.length;
        int reach = offsetsReach;
        for (int y = 0; y < h; y++) {
            int row = y * stride;
            boolean inside = y >= reach && y < h - reach;
            for (int x = 0; x < w; x++) {
                int a = maskPixels[row + x] >>> 24;
                if (a == 0) {
                    continue;
                }
                int at = y * w + x;
                if (inside && x >= reach && x < w - reach) {
                    for (int k = 0; k < n; k++) {
                        int v = a * offsetWeight[k] >> 8;
                        int i = at + offsetY[k] * w + offsetX[k];
                        if (v > widened[i]) {
                            widened[i] = v;
                        }
                    }
                } else {
                    for (int k = 0; k < n; k++) {
                        int tx = x + offsetX[k];
                        int ty = y + offsetY[k];
                        if (tx < 0 || ty < 0 || tx >= w || ty >= h) {
                            continue;
                        }
                        int v = a * offsetWeight[k] >> 8;
                        int i = ty * w + tx;
                        if (v > widened[i]) {
                            widened[i] = v;
                        }
                    }
                }
            }
        }
    }

    /** The pixel offsets nearer than {@code radius} + 1, weighed 1 up to the radius and less beyond. */
    private void offsets(double radius) {
        int reach = (int) Math.ceil(radius + 1);
        int[] xs = new int[(2 * reach + 1) * (2 * reach + 1)];
        int[] ys = new int[xs.length];
        int[] ws = new int[xs.length];
        int n = 0;
        for (int dy = -reach; dy <= reach; dy++) {
            for (int dx = -reach; dx <= reach; dx++) {
                double weight = Math.min(1, radius + 1 - Math.sqrt(dx * dx + dy * dy));
                if (weight > 0) {
                    xs[n] = dx;
                    ys[n] = dy;
                    ws[n] = (int) Math.round(weight * 256);
                    n++;
                }
            }
        }
        offsetX = Arrays.copyOf(xs, n);
        offsetY = Arrays.copyOf(ys, n);
        offsetWeight = Arrays.copyOf(ws, n);
        offsetsReach = reach;
        offsetsRadius = radius;
    }

    private void ensureScratch(int w, int h) {
        if (mask != null && mask.getWidth() >= w && mask.getHeight() >= h) {
            return;
        }
        if (maskGraphics != null) {
            maskGraphics.dispose();
        }
        int mw = Math.max(w, mask == null ? 256 : mask.getWidth());
        int mh = Math.max(h, mask == null ? 64 : mask.getHeight());
        mask = new BufferedImage(mw, mh, BufferedImage.TYPE_INT_ARGB_PRE);
        maskPixels = ((DataBufferInt) mask.getRaster().getDataBuffer()).getData();
        maskGraphics = mask.createGraphics();
        maskGraphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        maskGraphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        maskGraphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        maskGraphics.setComposite(AlphaComposite.SrcOver);
        maskGraphics.setColor(Color.WHITE);
    }

    /** Lets go of the scratch images' graphics. */
    void dispose() {
        if (maskGraphics != null) {
            maskGraphics.dispose();
            maskGraphics = null;
        }
    }
}
