package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.render.RenderResult;
import de.trassenwerk.render.Viewport;
import java.text.NumberFormat;
import de.trassenwerk.crs.CoordinateTransform;
import de.trassenwerk.crs.SpatialReferences;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The line under the map: a message on the left, the progress of background work, the frame's
 * figures (features and render time), the map coordinates under the cursor (project CRS, or WGS84
 * when switched) and the scale 1:n, which the user may type over to go to another scale.
 * FX thread only.
 */
public final class StatusBar extends HBox {
    private final Label message = label("statusMessage");
    private final Label frame = label("statusFrame");
    private final Label coordinates = label("statusCoordinates");
    private final TextField scale = new TextField();
    private final ToggleButton wgs84 = new ToggleButton("WGS84");
    private final BackgroundWork work = new BackgroundWork();
    private String crs = "EPSG:25832";
    private int crsCode = SpatialReferences.PROJECT_SRS;
    private Point2D lastCursor;
    private MapView map;

    public StatusBar() {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        message.setMinWidth(80);
        coordinates.setMinWidth(270);
        scale.setId("statusScale");
        scale.setPrefColumnCount(9);
        scale.setTooltip(new Tooltip(Messages.get("ui.status.scale.tooltip")));
        scale.setOnAction(e -> goToTypedScale());
        scale.focusedProperty().addListener((o, was, now) -> {
            if (!now && map != null) {
                showScale(map.viewportProperty().get());
            }
        });
        wgs84.setId("statusWgs84");
        wgs84.getStyleClass().add("small-toggle");
        wgs84.setTooltip(new Tooltip(Messages.get("ui.status.wgs84.tooltip")));
        wgs84.selectedProperty().addListener((o, was, now) -> showCursor(lastCursor));
        getChildren().addAll(message, gap, work, frame, coordinates, wgs84, scale);
    }

    /** Where long work shows its progress and can be cancelled. */
    public BackgroundWork work() {
        return work;
    }

    /** Whether coordinates are shown in WGS84 (degrees) rather than the project CRS. */
    public BooleanProperty wgs84Property() {
        return wgs84.selectedProperty();
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }

    /** Follows the viewport, cursor and frames of {@code map}. */
    public void follow(MapView map) {
        this.map = map;
        map.viewportProperty().addListener((o, was, vp) -> showScale(vp));
        map.cursorMapPositionProperty().addListener((o, was, p) -> showCursor(p));
        map.lastFrameProperty().addListener((o, was, r) -> showFrame(r));
    }

    /** The CRS code the coordinates are given in. */
    public void setCrs(String code) {
        crs = code == null ? "?" : code;
        crsCode = SpatialReferences.PROJECT_SRS;
        if (code != null && code.startsWith("EPSG:")) {
            try {
                crsCode = Integer.parseInt(code.substring(5));
            } catch (NumberFormatException e) {
                crsCode = SpatialReferences.PROJECT_SRS;
            }
        }
    }

    /** Parses what the user typed ("1:25000", "25 000", "1:25.000") and zooms the map to it. */
    private void goToTypedScale() {
        double n = parseScale(scale.getText());
        if (n > 0 && map != null) {
            map.zoomToScale(n);
            map.requestFocus();
        } else if (map != null) {
            showScale(map.viewportProperty().get());
        }
    }

    /** The denominator in "1:n" or "n" with any grouping, or -1 when the text is no scale. */
    static double parseScale(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.indexOf(':');
        if (colon >= 0) {
            t = t.substring(colon + 1);
        }
        t = t.replaceAll("[\\s\u00a0\u202f.,']", "");
        if (!t.matches("\\d{1,9}")) {
            return -1;
        }
        double n = Double.parseDouble(t);
        return n >= 1 ? n : -1;
    }

    public void setMessage(String text) {
        message.setText(text == null ? "" : text);
    }

    private void showScale(Viewport vp) {
        if (scale.isFocused()) {
            return; // the user is typing
        }
        NumberFormat f = NumberFormat.getIntegerInstance(Messages.locale());
        scale.setText(vp == null ? "" : Messages.get("ui.status.scale", f.format(Math.round(vp.scaleDenominator()))));
    }

    private void showCursor(Point2D p) {
        lastCursor = p;
        if (p == null) {
            coordinates.setText("");
            return;
        }
        NumberFormat f = NumberFormat.getNumberInstance(Messages.locale());
        f.setGroupingUsed(false);
        if (wgs84.isSelected()) {
            double[] lonLat = toWgs84().transform(p.getX(), p.getY());
            f.setMinimumFractionDigits(6);
            f.setMaximumFractionDigits(6);
            coordinates.setText(Messages.get("ui.status.coordinates.wgs84", f.format(lonLat[1]), f.format(lonLat[0])));
            return;
        }
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        coordinates.setText(Messages.get("ui.status.coordinates", f.format(p.getX()), f.format(p.getY()), crs));
    }

    private CoordinateTransform toWgs84Cache;
    private int toWgs84From;

    private CoordinateTransform toWgs84() {
        if (toWgs84Cache == null || toWgs84From != crsCode) {
            toWgs84Cache = CoordinateTransform.between(crsCode, SpatialReferences.WGS84);
            toWgs84From = crsCode;
        }
        return toWgs84Cache;
    }

    private void showFrame(RenderResult r) {
        if (r == null) {
            frame.setText("");
            return;
        }
        NumberFormat f = NumberFormat.getIntegerInstance(Messages.locale());
        frame.setText(Messages.get("ui.status.frame", f.format(r.totalFeatures()), r.renderMillis()));
        if (!r.failures().isEmpty()) {
            var first = r.failures().entrySet().iterator().next();
            setMessage(Messages.get("ui.status.layerFailed", first.getKey(), first.getValue().getLocalizedMessage()));
        }
    }
}
