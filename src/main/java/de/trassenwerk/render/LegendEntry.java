package de.trassenwerk.render;

/**
 * One line of a layer's legend: the rule's name, its title in the user's language, its scale range
 * and a small picture of how its features look. Immutable apart from the icon array, which the
 * receiver owns.
 *
 * @param ruleName the rule's name (may be empty)
 * @param title    what the legend says
 * @param minScale smallest scale denominator the rule is shown at
 * @param maxScale largest scale denominator (exclusive), infinity for none
 * @param size     icon width and height in pixels
 * @param argb     icon pixels, row by row, non-premultiplied ARGB
 */
public record LegendEntry(String ruleName, String title, double minScale, double maxScale, int size, int[] argb) {

    /** Whether the rule is shown at the scale 1:{@code scaleDenominator}. */
    public boolean shownAt(double scaleDenominator) {
        return scaleDenominator >= minScale && scaleDenominator < maxScale;
    }
}
