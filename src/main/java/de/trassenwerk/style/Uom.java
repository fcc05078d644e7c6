package de.trassenwerk.style;

/**
 * The unit of measure of a symbolizer's sizes (SE 1.1 {@code uom} attribute): pixels of the OGC
 * standard rendering pixel (the default), or ground metres or feet that scale with the map.
 */
public enum Uom {
    PIXEL, METRE, FOOT;

    /** The unit named by an SE {@code uom} URI; null for an unknown one. */
    static Uom fromUri(String uri) {
        if (uri == null || uri.isBlank()) {
            return PIXEL;
        }
        String u = uri.trim().toLowerCase(java.util.Locale.ROOT);
        if (u.endsWith("/pixel")) {
            return PIXEL;
        }
        if (u.endsWith("/metre") || u.endsWith("/meter")) {
            return METRE;
        }
        if (u.endsWith("/foot")) {
            return FOOT;
        }
        return null;
    }

    /** A size in this unit as pixels of a view with {@code metresPerPixel}. */
    public double toPixels(double size, double metresPerPixel) {
        return switch (this) {
            case PIXEL -> size;
            case METRE -> size / metresPerPixel;
            case FOOT -> size * 0.3048 / metresPerPixel;
        };
    }
}
