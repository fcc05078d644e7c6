package de.trassenwerk.render;

import java.awt.Color;
import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * Features an analysis colours by its own result, laid over the map: a few classes, each with a fill, an
 * outline and its geometries in the map's CRS. The gap view colours commercial sites by coverage this way,
 * without a field or a style of its own in the store. A map draws it over the composited layers (under
 * the selection highlight) while {@link #layer} is shown. Immutable; any thread.
 *
 * @param layer   the layer whose features are coloured; the overlay is drawn only while it is visible
 * @param classes the classes, drawn in this order
 */
public record ThematicOverlay(String layer, List<ThematicClass> classes) {

    public ThematicOverlay {
        Objects.requireNonNull(layer, "layer");
        classes = List.copyOf(classes);
    }

    /**
     * One class of an overlay.
     *
     * @param fill       the fill of areas (usually translucent); null for none
     * @param edge       the outline of areas and the stroke of lines
     * @param geometries what to draw, in the map's CRS
     */
    public record ThematicClass(Color fill, Color edge, List<Geometry> geometries) {
        public ThematicClass {
            Objects.requireNonNull(edge, "edge");
            geometries = List.copyOf(geometries);
        }
    }
}
