package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.render.RenderResult;
import de.trassenwerk.render.Viewport;
import java.text.NumberFormat;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The line under the map: a message on the left, then the frame's figures, the map coordinates
 * under the cursor and the scale 1:n. FX thread only.
 */
public final class StatusBar extends HBox {
    private final Label message = label("statusMessage");
    private final Label frame = label("statusFrame");
    private final Label coordinates = label("statusCoordinates");
    private final Label scale = label("statusScale");
    private String crs = "EPSG:25832";

    public StatusBar() {
        getStyleClass().add("status-bar");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        coordinates.setMinWidth(260);
        scale.setMinWidth(110);
        getChildren().addAll(message, gap, frame, coordinates, scale);
    }

    private static Label label(String id) {
        Label l = new Label();
        l.setId(id);
        return l;
    }

    /** Follows the viewport, cursor and frames of {@code map}. */
    public void follow(MapView map) {
        map.viewportProperty().addListener((o, was, vp) -> showScale(vp));
        map.cursorMapPositionProperty().addListener((o, was, p) -> showCursor(p));
        map.lastFrameProperty().addListener((o, was, r) -> showFrame(r));
    }

    /** The CRS code the coordinates are given in. */
    public void setCrs(String code) {
        crs = code == null ? "?" : code;
    }

    public void setMessage(String text) {
        message.setText(text == null ? "" : text);
    }

    private void showScale(Viewport vp) {
        NumberFormat f = NumberFormat.getIntegerInstance(Messages.locale());
        scale.setText(vp == null ? "" : Messages.get("ui.status.scale", f.format(Math.round(vp.scaleDenominator()))));
    }

    private void showCursor(Point2D p) {
        if (p == null) {
            coordinates.setText("");
            return;
        }
        NumberFormat f = NumberFormat.getNumberInstance(Messages.locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        f.setGroupingUsed(false);
        coordinates.setText(Messages.get("ui.status.coordinates", f.format(p.getX()), f.format(p.getY()), crs));
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
