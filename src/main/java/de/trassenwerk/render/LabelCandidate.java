package de.trassenwerk.render;

import de.trassenwerk.style.TextSymbolizer;
import org.locationtech.jts.geom.Geometry;

/**
 * A label a layer job would like to have drawn: the text, how (the text symbolizer), and the
 * feature's geometry in map coordinates. The {@link LabelEngine} decides after all layers whether
 * and where it goes. Immutable; any thread.
 *
 * @param text       the label, not empty
 * @param symbolizer font, placement, halo, priority
 * @param geometry   the labelled feature's geometry
 * @param sequence   the order in which the layer produced it
 */
record LabelCandidate(String text, TextSymbolizer symbolizer, Geometry geometry, int sequence) {
}
