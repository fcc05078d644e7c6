package de.trassenwerk.ui;

/**
 * What a click or drag on the map does. Panning by dragging with the middle button, the wheel zoom
 * and the arrow keys work with every tool; a drag with Shift held zooms to a box with every tool.
 */
public enum MapTool {
    /** Drag moves the map. */
    PAN,
    /** Drag a box to zoom into it; a click zooms in around the point. */
    ZOOM_BOX,
    /** Click shows the attributes of the features under the cursor. */
    IDENTIFY,
    /** Click or drag a box selects features of the current layer; Ctrl/Shift adds to the selection. */
    SELECT,
    /** Clicks add points of a line; shows its length. Double-click or right-click ends, Esc clears. */
    MEASURE_DISTANCE,
    /** Clicks add corners of an area; shows its area and perimeter. */
    MEASURE_AREA,
    /**
     * A panel asked for a point ({@link MapView#pickPoint}): a click hands it over and the tool before
     * returns; drag pans; Esc cancels.
     */
    PICK_POINT
}
