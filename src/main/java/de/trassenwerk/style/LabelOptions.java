package de.trassenwerk.style;

/**
 * How the label engine treats a text symbolizer's labels, from SLD {@code VendorOption}s (the
 * names GeoServer uses): {@code priority} (labels with higher values are placed first),
 * {@code group} (lines with the same label are merged and labelled as one), {@code repeat} (pixels
 * between repeated labels of a long line; 0 labels it once), {@code spaceAround} (free pixels
 * kept around the label) and {@code autoWrap} (labels of points and areas wider than this many
 * pixels are broken into lines after spaces, slashes and hyphens). Immutable.
 *
 * @param priority    placement order, higher first
 * @param group       merge lines (and areas) with the same label
 * @param repeat      distance between repeated labels along a line in pixels; 0 for one label
 * @param spaceAround free margin around the label in pixels
 * @param autoWrap    width in pixels above which point and area labels wrap; 0 for never
 */
public record LabelOptions(double priority, boolean group, double repeat, double spaceAround, double autoWrap) {
    /** Priority 1000, not grouped, not repeated, 2 pixels around, not wrapped. */
    public static final LabelOptions DEFAULT = new LabelOptions(1000, false, 0, 2, 0);
}
