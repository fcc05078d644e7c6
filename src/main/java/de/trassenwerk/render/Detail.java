package de.trassenwerk.render;

/**
 * How exactly a map is drawn. {@link #LEVEL_OF_DETAIL} is the normal, fast way; {@link #FULL} draws
 * every vertex of every feature as it is and is the reference the level of detail is measured
 * against: at least 98 % of the pixels of both must agree within a small colour tolerance.
 */
public enum Detail {
    /**
     * Every feature with its true shape, every vertex, from the store: slow on big layers, used as
     * the reference picture.
     */
    FULL,
    /**
     * Vertices closer than half a pixel to the previous one left out, features smaller than a pixel
     * drawn as one pixel in their colour (without reading their geometry when the header gives the
     * envelope), and big layers drawn from their overviews when the view shows most of them.
     */
    LEVEL_OF_DETAIL
}
