package de.trassenwerk.style;

import java.awt.Color;
import java.util.List;
import java.util.Objects;

/**
 * An SE {@code Stroke}: colour (opacity folded into alpha), width, dash pattern, join and cap.
 * Lengths are in the symbolizer's unit of measure. Immutable.
 *
 * @param colour     line colour with alpha
 * @param width      line width, at least 0
 * @param dashArray  alternating dash and gap lengths; empty for a solid line
 * @param dashOffset where in the pattern the line starts
 * @param join       how segments meet
 * @param cap        how the line ends
 */
public record Stroke(Color colour, double width, List<Double> dashArray, double dashOffset, LineJoin join,
        LineCap cap) {
    /** The SE default stroke: black, 1 pixel, solid, mitred joins, butt caps. */
    public static final Stroke DEFAULT = new Stroke(Color.BLACK, 1, List.of(), 0, LineJoin.MITRE, LineCap.BUTT);

    public Stroke {
        Objects.requireNonNull(colour, "colour");
        dashArray = List.copyOf(dashArray == null ? List.of() : dashArray);
        join = join == null ? LineJoin.MITRE : join;
        cap = cap == null ? LineCap.BUTT : cap;
        width = Math.max(0, width);
    }

    /** A solid line with round joins and caps, as most map lines are drawn. */
    public static Stroke solid(Color colour, double width) {
        return new Stroke(colour, width, List.of(), 0, LineJoin.ROUND, LineCap.ROUND);
    }

    /** The same stroke dashed with {@code dashAndGap} (alternating lengths), butt caps. */
    public Stroke dashed(double... dashAndGap) {
        List<Double> d = java.util.Arrays.stream(dashAndGap).boxed().toList();
        return new Stroke(colour, width, d, 0, join, LineCap.BUTT);
    }
}
