package de.trassenwerk.render;

import org.locationtech.jts.geom.Envelope;

/**
 * What part of the map an image shows: the map coordinates of the image centre, the ground size of
 * one pixel and the image size in pixels. Pixel (0, 0) is the top-left corner of the image; map y
 * grows upwards, pixel y downwards. Immutable; any thread.
 *
 * @param centreX        map x of the image centre (metres in a projected CRS)
 * @param centreY        map y of the image centre
 * @param metresPerPixel ground size of one pixel, greater than zero
 * @param width          image width in pixels, at least 1
 * @param height         image height in pixels, at least 1
 */
public record Viewport(double centreX, double centreY, double metresPerPixel, int width, int height) {
    /** The OGC standard rendering pixel: 0.28 mm (SLD/SE, WMS). */
    public static final double STANDARD_PIXEL_METRES = 0.00028;

    public Viewport {
        if (!(metresPerPixel > 0) || Double.isInfinite(metresPerPixel)) {
            throw new IllegalArgumentException("metresPerPixel must be a positive number, not " + metresPerPixel);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, not " + width + "x" + height);
        }
    }

    /**
     * The viewport that shows all of {@code extent} in a {@code width} x {@code height} image, centred,
     * keeping the pixels square: the extent is widened in the direction the image has room to spare.
     * An empty or point extent gets one metre per pixel.
     */
    public static Viewport fit(Envelope extent, int width, int height) {
        double mpp = Math.max(extent.getWidth() / width, extent.getHeight() / height);
        if (!(mpp > 0)) {
            mpp = 1;
        }
        return new Viewport(extent.centre().x, extent.centre().y, mpp, width, height);
    }

    public double minX() {
        return centreX - width * metresPerPixel / 2;
    }

    public double maxY() {
        return centreY + height * metresPerPixel / 2;
    }

    /** The map area the image covers. */
    public Envelope envelope() {
        double halfW = width * metresPerPixel / 2;
        double halfH = height * metresPerPixel / 2;
        return new Envelope(centreX - halfW, centreX + halfW, centreY - halfH, centreY + halfH);
    }

    public double toPixelX(double mapX) {
        return (mapX - centreX) / metresPerPixel + width / 2.0;
    }

    public double toPixelY(double mapY) {
        return (centreY - mapY) / metresPerPixel + height / 2.0;
    }

    public double toMapX(double pixelX) {
        return (pixelX - width / 2.0) * metresPerPixel + centreX;
    }

    public double toMapY(double pixelY) {
        return centreY - (pixelY - height / 2.0) * metresPerPixel;
    }

    /** The map scale 1:n for the OGC standard pixel of 0.28 mm: n = metres per pixel / 0.00028. */
    public double scaleDenominator() {
        return metresPerPixel / STANDARD_PIXEL_METRES;
    }

    /** The same view with its content moved by the given pixels (drag right = positive dx). */
    public Viewport pannedBy(double dxPixels, double dyPixels) {
        return new Viewport(centreX - dxPixels * metresPerPixel, centreY + dyPixels * metresPerPixel,
                metresPerPixel, width, height);
    }

    /**
     * Zoomed by {@code factor} (2 = twice as close) so that the map point under pixel
     * ({@code pixelX}, {@code pixelY}) stays where it is.
     */
    public Viewport zoomedAt(double factor, double pixelX, double pixelY) {
        double mapX = toMapX(pixelX);
        double mapY = toMapY(pixelY);
        double mpp = metresPerPixel / factor;
        double cx = mapX - (pixelX - width / 2.0) * mpp;
        double cy = mapY + (pixelY - height / 2.0) * mpp;
        return new Viewport(cx, cy, mpp, width, height);
    }

    /** The same centre and resolution in an image of another size. */
    public Viewport resized(int newWidth, int newHeight) {
        return new Viewport(centreX, centreY, metresPerPixel, newWidth, newHeight);
    }
}
