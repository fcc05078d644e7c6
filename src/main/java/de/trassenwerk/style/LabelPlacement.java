package de.trassenwerk.style;

/**
 * Where a label goes: at a point (points, interior point of areas, middle of lines) or along a
 * line. Immutable.
 */
public sealed interface LabelPlacement {
    /** The SE default: the label's left middle at the point. */
    PointPlacement DEFAULT_POINT = new PointPlacement(0, 0.5, 0, 0, 0);

    /**
     * A label at a point.
     *
     * @param anchorX       which point of the label lies on the anchor: 0 left .. 1 right
     * @param anchorY       0 bottom .. 1 top
     * @param displacementX shift right, in the symbolizer's unit
     * @param displacementY shift up, in the symbolizer's unit
     * @param rotation      clockwise rotation in degrees
     */
    record PointPlacement(double anchorX, double anchorY, double displacementX, double displacementY,
            double rotation) implements LabelPlacement {
    }

    /**
     * A label along a line, rotated to its direction and reading left to right.
     *
     * @param perpendicularOffset distance from the line, positive above it (to the left of the
     *                            reading direction), in the symbolizer's unit
     */
    record LinePlacement(double perpendicularOffset) implements LabelPlacement {
    }
}
