package de.trassenwerk.render;

import java.awt.image.BufferedImage;

/**
 * How alike two pictures of the same size are: the share of pixels whose colour channels all differ
 * by no more than a tolerance. The measure behind the level-of-detail rule: a level-of-detail
 * picture must match the full-detail picture of the same view in at least 98 % of its pixels within
 * a tolerance of {@value #TOLERANCE} per channel. Stateless; any thread.
 */
public final class PictureComparison {
    /** The per-channel tolerance (of 255) of the level-of-detail rule. */
    public static final int TOLERANCE = 24;
    /** The share of pixels that must match under the level-of-detail rule. */
    public static final double REQUIRED_MATCH = 0.98;

    private PictureComparison() {
    }

    /** The share (0..1) of pixels of {@code a} and {@code b} whose channels differ by at most {@code tolerance}. */
    public static double matchingShare(BufferedImage a, BufferedImage b, int tolerance) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            throw new IllegalArgumentException("pictures of different sizes");
        }
        int w = a.getWidth();
        int h = a.getHeight();
        int[] rowA = new int[w];
        int[] rowB = new int[w];
        long matching = 0;
        for (int y = 0; y < h; y++) {
            a.getRGB(0, y, w, 1, rowA, 0, w);
            b.getRGB(0, y, w, 1, rowB, 0, w);
            for (int x = 0; x < w; x++) {
                if (close(rowA[x], rowB[x], tolerance)) {
                    matching++;
                }
            }
        }
        return (double) matching / ((long) w * h);
    }

    private static boolean close(int p, int q, int tolerance) {
        return Math.abs(((p >>> 24) & 0xff) - ((q >>> 24) & 0xff)) <= tolerance
                && Math.abs(((p >> 16) & 0xff) - ((q >> 16) & 0xff)) <= tolerance
                && Math.abs(((p >> 8) & 0xff) - ((q >> 8) & 0xff)) <= tolerance
                && Math.abs((p & 0xff) - (q & 0xff)) <= tolerance;
    }
}
