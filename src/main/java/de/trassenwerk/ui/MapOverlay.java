package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.render.MapDecorations;
import de.trassenwerk.render.Viewport;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What the map draws over its picture with a handful of JavaFX shapes: the box being dragged, the
 * line or area being measured with its figures, a scale bar and a north arrow. Nothing here reads
 * data or paints features. FX thread only.
 *
 * <p>Measurements are taken in the project CRS (EPSG:25832, metres); the UTM grid scale in Duisburg
 * makes grid distances about 0.03 % shorter than on the ground, well below what a click can hit.
 */
final class MapOverlay extends Pane {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final Rectangle box = new Rectangle();
    private final Polyline measureLine = new Polyline();
    private final Polygon measureArea = new Polygon();
    private final Label measureLabel = new Label();
    private final ReadOnlyStringWrapper measurement = new ReadOnlyStringWrapper(this, "measurement", "");
    private final Line scaleBar = new Line();
    private final Line scaleTickLeft = new Line();
    private final Line scaleTickRight = new Line();
    private final Text scaleText = new Text();
    private final Polygon northArrow = new Polygon(0, -18, 7, 6, 0, 1, -7, 6);
    private final Text northText = new Text("N");
    private final List<double[]> measurePoints = new ArrayList<>();
    private double boxX;
    private double boxY;
    private boolean measuringArea;
    private boolean measureFinished;
    private double[] cursorPixel;
    private Viewport viewport;

    MapOverlay() {
        getStyleClass().add("map-overlay");
        setMouseTransparent(true);
        box.getStyleClass().add("map-box");
        box.setVisible(false);
        measureLine.getStyleClass().add("map-measure");
        measureArea.getStyleClass().addAll("map-measure", "map-measure-area");
        measureLabel.getStyleClass().add("map-measure-label");
        measureLabel.setId("measureLabel");
        measureLabel.setVisible(false);
        for (Line l : List.of(scaleBar, scaleTickLeft, scaleTickRight)) {
            l.getStyleClass().add("map-scale-bar");
        }
        scaleText.getStyleClass().add("map-scale-text");
        scaleText.setId("scaleBarText");
        northArrow.getStyleClass().add("map-north-arrow");
        northText.getStyleClass().add("map-north-text");
        getChildren().addAll(measureArea, measureLine, box, measureLabel, scaleBar, scaleTickLeft, scaleTickRight,
                scaleText, northArrow, northText);
    }

    ReadOnlyStringProperty measurementProperty() {
        return measurement.getReadOnlyProperty();
    }

    /** The text of the scale bar, e.g. "500 m"; for tests. */
    String scaleBarText() {
        return scaleText.getText();
    }

    void setViewport(Viewport vp) {
        viewport = vp;
        layoutDecorations();
        redrawMeasure();
    }

    @Override
    public void resize(double width, double height) {
        super.resize(width, height);
        layoutDecorations();
    }

    // ------------------------------------------------------------------ box

    void startBox(double x, double y) {
        boxX = x;
        boxY = y;
        box.setX(x);
        box.setY(y);
        box.setWidth(0);
        box.setHeight(0);
        box.setVisible(true);
    }

    boolean hasBox() {
        return box.isVisible();
    }

    void dragBox(double x, double y) {
        box.setX(Math.min(x, boxX));
        box.setY(Math.min(y, boxY));
        box.setWidth(Math.abs(x - boxX));
        box.setHeight(Math.abs(y - boxY));
    }

    /** Hides the box and returns it as {minX, minY, maxX, maxY} in pixels. */
    double[] endBox() {
        box.setVisible(false);
        return new double[] {box.getX(), box.getY(), box.getX() + box.getWidth(), box.getY() + box.getHeight()};
    }

    // ------------------------------------------------------------------ measuring

    void addMeasurePoint(double mapX, double mapY, boolean area) {
        if (measureFinished || area != measuringArea) {
            measurePoints.clear();
            measureFinished = false;
        }
        measuringArea = area;
        measurePoints.add(new double[] {mapX, mapY});
        redrawMeasure();
    }

    void finishMeasure() {
        if (!measurePoints.isEmpty()) {
            measureFinished = true;
            redrawMeasure();
        }
    }

    void clearMeasure() {
        measurePoints.clear();
        measureFinished = false;
        measurement.set("");
        redrawMeasure();
    }

    void trackCursor(double x, double y) {
        cursorPixel = new double[] {x, y};
        if (!measurePoints.isEmpty() && !measureFinished) {
            redrawMeasure();
        }
    }

    private void redrawMeasure() {
        List<double[]> pts = new ArrayList<>(measurePoints);
        if (!measureFinished && cursorPixel != null && viewport != null && !pts.isEmpty()) {
            pts.add(new double[] {viewport.toMapX(cursorPixel[0]), viewport.toMapY(cursorPixel[1])});
        }
        measureLine.getPoints().clear();
        measureArea.getPoints().clear();
        if (viewport == null || pts.isEmpty()) {
            measureLabel.setVisible(false);
            return;
        }
        List<Double> pixels = new ArrayList<>();
        for (double[] p : pts) {
            pixels.add(viewport.toPixelX(p[0]));
            pixels.add(viewport.toPixelY(p[1]));
        }
        if (measuringArea) {
            measureArea.getPoints().setAll(pixels);
        } else {
            measureLine.getPoints().setAll(pixels);
        }
        String text = measuringArea ? areaText(pts) : lengthText(pts);
        measurement.set(text);
        measureLabel.setText(text);
        measureLabel.setVisible(true);
        double[] last = pts.get(pts.size() - 1);
        measureLabel.autosize();
        measureLabel.relocate(viewport.toPixelX(last[0]) + 12, viewport.toPixelY(last[1]) + 12);
    }

    private static String lengthText(List<double[]> pts) {
        return Messages.get("ui.measure.length", metres(length(pts, false)));
    }

    private static String areaText(List<double[]> pts) {
        if (pts.size() < 3) {
            return lengthText(pts);
        }
        Coordinate[] ring = new Coordinate[pts.size() + 1];
        for (int i = 0; i < pts.size(); i++) {
            ring[i] = new Coordinate(pts.get(i)[0], pts.get(i)[1]);
        }
        ring[pts.size()] = ring[0];
        double area = GEOMETRY.createPolygon(ring).getArea();
        NumberFormat f = NumberFormat.getNumberInstance(Messages.locale());
        String areaText = area >= 100_000 ? formatted(f, area / 1_000_000, 3) + " km²" : formatted(f, area, 0) + " m²";
        return Messages.get("ui.measure.area", areaText, metres(length(pts, true)));
    }

    static double length(List<double[]> pts, boolean closed) {
        double sum = 0;
        for (int i = 1; i < pts.size(); i++) {
            sum += Math.hypot(pts.get(i)[0] - pts.get(i - 1)[0], pts.get(i)[1] - pts.get(i - 1)[1]);
        }
        if (closed && pts.size() > 2) {
            double[] a = pts.get(pts.size() - 1);
            double[] b = pts.get(0);
            sum += Math.hypot(a[0] - b[0], a[1] - b[1]);
        }
        return sum;
    }

    private static String metres(double m) {
        NumberFormat f = NumberFormat.getNumberInstance(Messages.locale());
        return m >= 10_000 ? formatted(f, m / 1000, 2) + " km" : formatted(f, m, 1) + " m";
    }

    private static String formatted(NumberFormat f, double value, int digits) {
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(value);
    }

    // ------------------------------------------------------------------ scale bar and north arrow

    private void layoutDecorations() {
        boolean show = viewport != null;
        for (var n : List.of(scaleBar, scaleTickLeft, scaleTickRight, scaleText, northArrow, northText)) {
            n.setVisible(show);
        }
        if (!show) {
            return;
        }
        double metres = MapDecorations.niceLength(MapDecorations.MAX_BAR_PIXELS * viewport.metresPerPixel());
        double px = metres / viewport.metresPerPixel();
        double x0 = 16;
        double y = getHeight() - 18;
        scaleBar.setStartX(x0);
        scaleBar.setEndX(x0 + px);
        scaleBar.setStartY(y);
        scaleBar.setEndY(y);
        setTick(scaleTickLeft, x0, y);
        setTick(scaleTickRight, x0 + px, y);
        scaleText.setText(MapDecorations.label(metres));
        scaleText.setX(x0 + px / 2 - scaleText.getLayoutBounds().getWidth() / 2);
        scaleText.setY(y - 7);
        double ax = getWidth() - 28;
        double ay = 44;
        northArrow.setLayoutX(ax);
        northArrow.setLayoutY(ay);
        northText.setX(ax - northText.getLayoutBounds().getWidth() / 2);
        northText.setY(ay - 22);
    }

    private static void setTick(Line tick, double x, double y) {
        tick.setStartX(x);
        tick.setEndX(x);
        tick.setStartY(y - 5);
        tick.setEndY(y + 1);
    }
}
