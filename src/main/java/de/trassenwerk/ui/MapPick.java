package de.trassenwerk.ui;

import org.locationtech.jts.geom.Envelope;

/**
 * A click or box drawn on the map with the identify or select tool.
 *
 * @param tool   the tool that was active
 * @param x      map x of the click (the box centre for a box)
 * @param y      map y of the click
 * @param area   what to search: a few pixels around the click, or the box dragged
 * @param box    true when the user dragged a box rather than clicked
 * @param adding true when Ctrl or Shift was held (add to the selection instead of replacing it)
 * @param metresPerPixel the ground size of a pixel at the time of the pick
 */
public record MapPick(MapTool tool, double x, double y, Envelope area, boolean box, boolean adding,
        double metresPerPixel) {
}
