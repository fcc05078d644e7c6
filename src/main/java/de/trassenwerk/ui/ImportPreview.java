package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import java.text.NumberFormat;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A small map of the first features of a source, with their number and extent, so that a planner
 * sees before importing whether the data lies where it should. Drawn in the source's own
 * coordinates. FX thread only; the sample is read on a worker and handed over as a {@link Sample}.
 */
final class ImportPreview extends VBox {
    /** The first features of a source: their geometries, how many were read, whether there are more, the extent. */
    record Sample(List<Geometry> geometries, long count, boolean more, Envelope extent, String crs) {
        Sample {
            geometries = List.copyOf(geometries);
        }
    }

    private final Canvas canvas = new Canvas(360, 220);
    private final Label caption = new Label();

    ImportPreview() {
        setId("importPreview");
        setSpacing(4);
        caption.setId("importPreviewCaption");
        caption.setWrapText(true);
        caption.setMaxWidth(canvas.getWidth()); // long extents wrap instead of widening the wizard's right column
        getChildren().addAll(canvas, caption);
        clear();
    }

    void clear() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setStroke(Color.LIGHTGRAY);
        g.strokeRect(0.5, 0.5, canvas.getWidth() - 1, canvas.getHeight() - 1);
        caption.setText("");
    }

    void show(Sample s) {
        clear();
        NumberFormat n = NumberFormat.getIntegerInstance(Messages.locale());
        String count = s.more() ? Messages.get("ui.import.preview.more", n.format(s.count())) : n.format(s.count());
        if (s.extent() == null || s.extent().isNull()) {
            caption.setText(Messages.get("ui.import.preview.noGeometry", count));
            return;
        }
        Envelope e = s.extent();
        caption.setText(Messages.get("ui.import.preview.caption", count, String.format(Messages.locale(),
                "%.2f %.2f – %.2f %.2f", e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()), s.crs()));
        double w = canvas.getWidth() - 10;
        double h = canvas.getHeight() - 10;
        double scale = Math.min(w / Math.max(e.getWidth(), 1e-9), h / Math.max(e.getHeight(), 1e-9));
        double ox = 5 + (w - e.getWidth() * scale) / 2;
        double oy = 5 + (h - e.getHeight() * scale) / 2;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setLineWidth(1);
        for (Geometry geom : s.geometries()) {
            for (int i = 0; i < geom.getNumGeometries(); i++) {
                Geometry part = geom.getGeometryN(i);
                if (part.getDimension() == 0) {
                    Coordinate c = part.getCoordinate();
                    if (c != null) {
                        g.setFill(Color.web("#b03a2e"));
                        g.fillOval(ox + (c.x - e.getMinX()) * scale - 2, oy + (e.getMaxY() - c.y) * scale - 2, 4, 4);
                    }
                    continue;
                }
                Coordinate[] ring = part instanceof Polygon p ? p.getExteriorRing().getCoordinates() : part.getCoordinates();
                double[] xs = new double[ring.length];
                double[] ys = new double[ring.length];
                for (int k = 0; k < ring.length; k++) {
                    xs[k] = ox + (ring[k].x - e.getMinX()) * scale;
                    ys[k] = oy + (e.getMaxY() - ring[k].y) * scale;
                }
                if (part.getDimension() == 2) {
                    g.setFill(Color.web("#2e86c1", 0.25));
                    g.fillPolygon(xs, ys, xs.length);
                    g.setStroke(Color.web("#1b4f72"));
                    g.strokePolygon(xs, ys, xs.length);
                } else {
                    g.setStroke(Color.web("#b03a2e"));
                    g.strokePolyline(xs, ys, xs.length);
                }
            }
        }
    }
}
