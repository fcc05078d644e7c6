package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.testing.Fixtures;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;

/**
 * Routes over the map: on a 200 × 100 pixel view of 200 × 100 m (1 m per pixel, y up), a route along
 * y = 50 m is the pixel row 50.
 */
class RouteDrawingPainterTest {
    private static final Viewport VIEW = new Viewport(100, 50, 1, 200, 100);
    private static final Color GREEN = new Color(26, 152, 80);
    private static final Color ORANGE = new Color(253, 141, 60);
    private static final Color HALO = new Color(30, 30, 30);

    private static LineString line(String wkt) {
        return (LineString) Fixtures.wkt(wkt);
    }

    private static BufferedImage white() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_ARGB_PRE);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        return image;
    }

    private static Color at(BufferedImage image, int x, int y) {
        return new Color(image.getRGB(x, y), true);
    }

    @Test
    void eachPieceOfASolidRouteIsDrawnInItsColourOverAHaloAlongTheWholeRoute() {
        RouteDrawing drawing = new RouteDrawing(List.of(new RouteDrawing.Track(List.of(
                new RouteDrawing.Piece(line("LINESTRING (20 50, 100 50)"), GREEN),
                new RouteDrawing.Piece(line("LINESTRING (100 50, 180 50)"), ORANGE)), 6, false, HALO)), List.of());
        BufferedImage image = white();

        RouteDrawingPainter.paint(image, VIEW, drawing, () -> false);

        assertEquals(GREEN, at(image, 60, 50), "the duct stretch");
        assertEquals(ORANGE, at(image, 140, 50), "the trench stretch");
        assertEquals(HALO, at(image, 60, 54), "the halo, beyond the 6-pixel stroke");
        assertEquals(Color.WHITE, at(image, 60, 60), "nothing farther away");
    }

    @Test
    void aDashedAlternativeLeavesGapsBetweenItsDashesWhereTheHaloShows() {
        RouteDrawing drawing = new RouteDrawing(List.of(new RouteDrawing.Track(List.of(
                new RouteDrawing.Piece(line("LINESTRING (0 50, 200 50)"), ORANGE)), 4, true, HALO)), List.of());
        BufferedImage image = white();

        RouteDrawingPainter.paint(image, VIEW, drawing, () -> false);

        int orange = 0;
        int halo = 0;
        for (int x = 10; x < 190; x++) {
            Color c = at(image, x, 50);
            orange += c.equals(ORANGE) ? 1 : 0;
            halo += c.equals(HALO) ? 1 : 0;
        }
        assertTrue(orange > 80 && orange < 130, "dashes of 12 pixels, gaps of 8: about 60 % coloured, " + orange);
        assertTrue(halo > 50, "the gaps show the halo: " + halo);
    }

    @Test
    void markersAreLabelledDiscsAndRoutesOutsideTheViewLeaveTheImageAlone() {
        RouteDrawing outside = new RouteDrawing(List.of(new RouteDrawing.Track(List.of(
                new RouteDrawing.Piece(line("LINESTRING (500 500, 600 500)"), GREEN)), 6, false, HALO)), List.of());
        BufferedImage image = white();
        RouteDrawingPainter.paint(image, VIEW, outside, () -> false);
        for (int x = 0; x < 200; x += 7) {
            for (int y = 0; y < 100; y += 7) {
                assertEquals(Color.WHITE, at(image, x, y));
            }
        }

        Color red = new Color(165, 0, 38);
        RouteDrawingPainter.paint(image, VIEW, new RouteDrawing(List.of(),
                List.of(new RouteDrawing.Marker(50, 50, "", red))), () -> false);
        assertEquals(red, at(image, 50, 50), "the marker's middle");
        assertEquals(Color.WHITE, at(image, 50 + 8, 50), "its white rim");
        assertEquals(Color.WHITE, at(image, 50 + 20, 50), "and no more");
    }
}
