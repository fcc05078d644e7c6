package de.trassenwerk.ui;

import javafx.scene.Node;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.SVGPath;

/** The tool bar's icons: simple shapes on a 24-unit grid, drawn in the text colour. */
final class Icons {
    static final String OPEN = "M2 5h7l2 2h11v13H2zM4 9v9h16V9z";
    static final String PAN = "M12 1l4 4h-3v6h6V8l4 4-4 4v-3h-6v6h3l-4 4-4-4h3v-6H5v3l-4-4 4-4v3h6V5H8z";
    static final String ZOOM_BOX = "M2 2h4v2H4v2H2zM18 2h4v4h-2V4h-2zM2 18h2v2h2v2H2zM20 18h2v4h-4v-2h2z"
            + "M11 6a5 5 0 1 0 2.9 9.1l3.4 3.4 1.4-1.4-3.4-3.4A5 5 0 0 0 11 6zm0 2a3 3 0 1 1 0 6 3 3 0 0 1 0-6z";
    static final String ZOOM_IN = "M10 2a8 8 0 1 0 4.9 14.3l5.4 5.4 1.4-1.4-5.4-5.4A8 8 0 0 0 10 2zm0 2a6 6 0 1 1 0 12"
            + " 6 6 0 0 1 0-12zM9 6h2v3h3v2h-3v3H9v-3H6V9h3z";
    static final String ZOOM_OUT = "M10 2a8 8 0 1 0 4.9 14.3l5.4 5.4 1.4-1.4-5.4-5.4A8 8 0 0 0 10 2zm0 2a6 6 0 1 1 0 12"
            + " 6 6 0 0 1 0-12zM6 9h8v2H6z";
    static final String FULL_EXTENT = "M2 2h7v2H4v5H2zM15 2h7v7h-2V4h-5zM2 15h2v5h5v2H2zM20 15h2v7h-7v-2h5zM8 8h8v8H8z";
    static final String PREVIOUS = "M15 4l-8 8 8 8V4z";
    static final String NEXT = "M9 4l8 8-8 8V4z";
    static final String IDENTIFY = "M12 1a11 11 0 1 0 0 22 11 11 0 0 0 0-22zm0 2a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM11 10h2v8h-2zM11 6h2v2h-2z";
    static final String SELECT = "M5 2l14 9-6 1.5 3.5 7-2.5 1.2-3.4-7L6 17z";
    static final String MEASURE_DISTANCE = "M1 16L16 1l7 7L8 23zM4 16l4 4 1.4-1.4-2-2 1.4-1.4 2 2 1.4-1.4-2-2 1.4-1.4 2 2"
            + " 1.4-1.4-2-2 1.4-1.4 2 2 1.4-1.4-2-2 1.4-1.4 2 2L20 8l-4-4z";
    static final String MEASURE_AREA = "M3 6l9-4 10 6-3 13H5zM6 8v11h11.4l2.4-10.2L12 4.3z";
    static final String EXPORT = "M2 4h20v16H2zM4 6v12h16V6zM5 17l5-6 3 4 2-2 4 4z";
    static final String TIME = "M12 1a11 11 0 1 0 0 22 11 11 0 0 0 0-22zm0 2a9 9 0 1 1 0 18 9 9 0 0 1 0-18zM11 5h2v6.4l4 2.4-1 1.7-5-3z";
    /** A grid of cells with one missing: coverage gaps. */
    static final String GAPS = "M2 2h6v6H2zM9 2h6v6H9zM16 2h6v6h-6zM2 9h6v6H2zM16 9h6v6h-6zM2 16h6v6H2zM9 16h6v6H9z"
            + "M16 16h6v6h-6zM12 10.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z";
    /** Two places joined by a path along streets: the route planner. */
    static final String ROUTE = "M5 16a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM19 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM4 16V11h14V8h2v5H6v3z";

    private Icons() {
    }

    /** A node showing {@code path}, scaled to about 18 pixels. */
    static Node of(String path) {
        SVGPath svg = new SVGPath();
        svg.setContent(path);
        svg.setFillRule(FillRule.EVEN_ODD);
        svg.getStyleClass().add("tool-icon");
        svg.setScaleX(0.75);
        svg.setScaleY(0.75);
        return new javafx.scene.Group(svg);
    }
}
