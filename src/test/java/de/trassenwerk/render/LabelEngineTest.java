package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.style.Expression;
import de.trassenwerk.style.Fill;
import de.trassenwerk.style.LabelFont;
import de.trassenwerk.style.LabelOptions;
import de.trassenwerk.style.LabelPlacement;
import de.trassenwerk.style.TextSymbolizer;
import de.trassenwerk.style.Uom;
import de.trassenwerk.testing.Fixtures;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/** Placement decisions of the label engine, at one metre per pixel (map and pixel sizes agree). */
class LabelEngineTest {
    private final Viewport view = Viewport.fit(new Envelope(0, 1200, 0, 300), 1200, 300);

    @Test
    void segmentsOfOneStreetAreMergedAndLabelledOnce() {
        TextSymbolizer grouped = lineLabel(true, 0);
        List<LabelCandidate> segments = List.of(
                candidate("Hafenstraße", "LINESTRING (100 150, 300 150)", grouped),
                candidate("Hafenstraße", "LINESTRING (300 150, 500 152)", grouped),
                candidate("Hafenstraße", "LINESTRING (500 152, 700 150)", grouped));
        assertEquals(1, placed(segments));
    }

    @Test
    void withoutGroupingEverySegmentGetsItsOwnLabel() {
        TextSymbolizer single = lineLabel(false, 0);
        assertEquals(3, placed(List.of(
                candidate("Hafenstraße", "LINESTRING (100 150, 300 150)", single),
                candidate("Hafenstraße", "LINESTRING (300 150, 500 152)", single),
                candidate("Hafenstraße", "LINESTRING (500 152, 700 150)", single))));
    }

    @Test
    void mergedSegmentsCarryANameThatFitsNoSingleOne() {
        TextSymbolizer grouped = lineLabel(true, 0);
        List<LabelCandidate> shortPieces = new ArrayList<>();
        for (int x = 100; x < 400; x += 30) {
            shortPieces.add(candidate("Hafenstraße", "LINESTRING (" + x + " 150, " + (x + 30) + " 150)", grouped));
        }
        assertEquals(1, placed(shortPieces), "30 px pieces, 300 px together");
        TextSymbolizer single = lineLabel(false, 0);
        List<LabelCandidate> apart = new ArrayList<>();
        for (int x = 100; x < 400; x += 30) {
            apart.add(candidate("Hafenstraße", "LINESTRING (" + x + " 150, " + (x + 30) + " 150)", single));
        }
        assertEquals(0, placed(apart), "each piece alone is shorter than the name");
    }

    @Test
    void longStreetRepeatsItsName() {
        int n = placed(List.of(candidate("Hafenstraße", "LINESTRING (0 150, 1200 150)", lineLabel(true, 250))));
        assertTrue(n >= 3, "labels along 1200 px every 250 px or more: " + n);
    }

    @Test
    void bentStreetIsLabelledOnItsLongestStraightStretch() {
        // a short leg up, then a long leg to the right: the name goes on the long leg
        BufferedImage img = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_ARGB);
        LabelEngine engine = new LabelEngine(view);
        engine.add(0, List.of(candidate("Hafenstraße", "LINESTRING (100 50, 100 120, 600 120)", lineLabel(false, 0))));
        Graphics2D g = img.createGraphics();
        engine.paint(g, () -> false);
        g.dispose();
        assertEquals(1, engine.placed());
        int onLongLeg = 0;
        for (int x = 120; x < 600; x++) {
            for (int y = 170; y < 190; y++) {
                onLongLeg += (img.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
            }
        }
        assertTrue(onLongLeg > 50, "text pixels around pixel row 180: " + onLongLeg);
    }

    @Test
    void areaNameOnlyWhereItFitsInside() {
        TextSymbolizer inside = new TextSymbolizer(new Expression.PropertyName("name"), new LabelFont(List.of(), 12, false, false),
                new LabelPlacement.PointPlacement(0.5, 0.5, 0, 0, 0), null, new Fill(Color.BLACK), LabelOptions.DEFAULT, Uom.PIXEL);
        String square = "POLYGON ((100 100, 160 100, 160 160, 100 160, 100 100))";
        assertEquals(1, placed(List.of(candidate("A 1", square, inside))));
        assertEquals(0, placed(List.of(candidate("Gewerbegebiet Hafen Ruhrort", square, inside))));
        String ring = "POLYGON ((300 50, 700 50, 700 250, 300 250, 300 50), (320 70, 680 70, 680 230, 320 230, 320 70))";
        assertEquals(0, placed(List.of(candidate("Gewerbegebiet", ring, inside))), "no room inside a thin ring");
    }

    @Test
    void longAreaNameWrapsIntoLinesThatFit() {
        String tall = "POLYGON ((100 20, 190 20, 190 280, 100 280, 100 20))";
        TextSymbolizer oneLine = area(0);
        assertEquals(0, placed(List.of(candidate("Homberg/Ruhrort/Baerl", tall, oneLine))), "one line is wider than 90 px");
        assertEquals(1, placed(List.of(candidate("Homberg/Ruhrort/Baerl", tall, area(80)))));
    }

    @Test
    void wrappingBreaksAfterSpacesSlashesAndHyphens() {
        java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12);
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
        assertEquals(List.of("Homberg/", "Ruhrort/", "Baerl"), LabelEngine.wrapped("Homberg/Ruhrort/Baerl", font, frc, 60));
        assertEquals(List.of("Hafen Ruhrort,", "Fläche 12"), LabelEngine.wrapped("Hafen Ruhrort, Fläche 12", font, frc, 100));
        assertEquals(List.of("Neudorf-", "Süd"), LabelEngine.wrapped("Neudorf-Süd", font, frc, 30));
        assertEquals(List.of("Altstadt"), LabelEngine.wrapped("Altstadt", font, frc, 10), "a word is never split");
    }

    @Test
    void lowerPriorityLabelGivesWayAndEqualLabelsOfOtherLayersStack() {
        TextSymbolizer low = point(100);
        TextSymbolizer high = point(500);
        LabelEngine engine = new LabelEngine(view);
        engine.add(0, List.of(candidate("Mitte", "POINT (600 150)", low)));
        engine.add(1, List.of(candidate("Altstadt", "POINT (602 151)", high), candidate("Ruhrort", "POINT (100 100)", high)));
        Graphics2D g = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_ARGB).createGraphics();
        engine.paint(g, () -> false);
        g.dispose();
        assertEquals(2, engine.placed(), "Altstadt and Ruhrort; Mitte would overlap Altstadt");
    }

    @Test
    void cancelledPassPlacesNothing() {
        LabelEngine engine = new LabelEngine(view);
        engine.add(0, List.of(candidate("Mitte", "POINT (600 150)", point(1))));
        Graphics2D g = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_ARGB).createGraphics();
        engine.paint(g, () -> true);
        g.dispose();
        assertEquals(0, engine.placed());
    }

    private int placed(List<LabelCandidate> candidates) {
        LabelEngine engine = new LabelEngine(view);
        engine.add(0, candidates);
        Graphics2D g = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_ARGB).createGraphics();
        engine.paint(g, () -> false);
        g.dispose();
        return engine.placed();
    }

    @Test
    void haloIsAnOpaqueRimOfItsRadiusAroundTheGlyphs() {
        for (double angle : new double[] {0, 30}) {
            BufferedImage img = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.BLACK);
            g.fillRect(0, 0, 1200, 300);
            TextSymbolizer haloed = new TextSymbolizer(new Expression.PropertyName("name"),
                    new LabelFont(List.of(), 20, false, true), new LabelPlacement.PointPlacement(0.5, 0.5, 0, 0, angle),
                    new de.trassenwerk.style.Halo(2, new Fill(Color.WHITE)), new Fill(new Color(200, 30, 30)),
                    new LabelOptions(1000, false, 0, 2, 0), Uom.PIXEL);
            LabelEngine engine = new LabelEngine(view);
            engine.add(0, List.of(candidate("Hochfeld", "POINT (600 150)", haloed)));
            engine.paint(g, () -> false);
            g.dispose();
            assertEquals(1, engine.placed());
            int text = 0;
            int rim = 0;
            int farLit = 0;
            for (int y = 2; y < 298; y++) {
                for (int x = 2; x < 1198; x++) {
                    int rgb = img.getRGB(x, y);
                    boolean red = ((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 80;
                    boolean white = (rgb & 0xff) > 230 && ((rgb >> 8) & 0xff) > 230 && ((rgb >> 16) & 0xff) > 230;
                    text += red ? 1 : 0;
                    rim += white ? 1 : 0;
                    if (red) {
                        // every pixel one step from a text pixel is text or halo, none shows the black ground
                        for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                            int n = img.getRGB(x + d[0], y + d[1]) & 0xffffff;
                            assertTrue(((n >> 16) & 0xff) > 100, "halo around the glyphs at " + (x + d[0]) + ","
                                    + (y + d[1]) + " turned " + angle + ": " + Integer.toHexString(n));
                        }
                    } else if (!white && (rgb & 0xffffff) != 0 && Math.abs(x - 600) > 200) {
                        farLit++;
                    }
                }
            }
            assertTrue(text > 100, "the text is drawn: " + text);
            assertTrue(rim > text / 2, "an opaque white rim: " + rim + " against " + text + " text pixels");
            assertEquals(0, farLit, "nothing drawn far from the label");
        }
    }

    @Test
    void labelsDrawnInTwoHalvesAtOnceAreTheLabelsDrawnWhole() throws Exception {
        List<LabelEngine.Placed> placed = threeTurnedLabels(1.5, Color.BLACK);
        BufferedImage whole = grey();
        Graphics2D g = whole.createGraphics();
        LabelEngine.draw(g, placed);
        g.dispose();
        BufferedImage halves = grey();
        List<LabelEngine.Placed> copies = LabelEngine.copies(placed);
        Thread lower = new Thread(() -> {
            Graphics2D lg = halves.createGraphics();
            lg.clipRect(0, 150, 1200, 150);
            LabelEngine.draw(lg, copies);
            lg.dispose();
        });
        lower.start();
        Graphics2D ug = halves.createGraphics();
        ug.clipRect(0, 0, 1200, 150);
        LabelEngine.draw(ug, placed);
        ug.dispose();
        lower.join();
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 1200; x++) {
                assertEquals(whole.getRGB(x, y), halves.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void labelsDrawnIntoTheirOwnImageAndLaidOverTheMapLookAsDrawnOnIt() {
        List<LabelEngine.Placed> placed = threeTurnedLabels(2, new Color(40, 40, 120));
        BufferedImage onMap = grey();
        Graphics2D g = onMap.createGraphics();
        LabelEngine.draw(g, placed);
        g.dispose();
        BufferedImage own = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_ARGB_PRE);
        TileMask painted = new TileMask(1200, 300);
        for (LabelEngine.Placed p : placed) {
            java.awt.geom.Rectangle2D r = LabelEngine.reach(p);
            painted.mark(r.getMinX(), r.getMinY(), r.getMaxX(), r.getMaxY());
        }
        Graphics2D og = own.createGraphics();
        LabelEngine.draw(og, placed);
        og.dispose();
        BufferedImage laid = grey();
        LayerCompositor.over(laid, List.of(new LayerCompositor.Layer(own, 1, painted)));
        int changed = 0;
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 1200; x++) {
                int expected = onMap.getRGB(x, y);
                if (expected != 0xFF808080) {
                    changed++;
                }
                for (int shift = 0; shift <= 16; shift += 8) {
                    int d = Math.abs(((expected >> shift) & 0xff) - ((laid.getRGB(x, y) >> shift) & 0xff));
                    assertTrue(d <= 2, "pixel " + x + "," + y + " differs by " + d);
                }
            }
        }
        assertTrue(changed > 1000, "the labels are drawn: " + changed);
    }

    /** Three labels turned by 20°, with a white halo of {@code halo} pixels, placed in the view. */
    private List<LabelEngine.Placed> threeTurnedLabels(double halo, Color colour) {
        TextSymbolizer haloed = new TextSymbolizer(new Expression.PropertyName("name"),
                new LabelFont(List.of(), 18, false, true), new LabelPlacement.PointPlacement(0.5, 0.5, 0, 0, 20),
                new de.trassenwerk.style.Halo(halo, new Fill(Color.WHITE)), new Fill(colour),
                new LabelOptions(1000, false, 0, 2, 0), Uom.PIXEL);
        LabelEngine engine = new LabelEngine(view);
        engine.add(0, List.of(candidate("Ruhrort", "POINT (300 150)", haloed),
                candidate("Hochfeld", "POINT (700 152)", haloed), candidate("Meiderich", "POINT (1000 60)", haloed)));
        List<LabelEngine.Placed> placed = engine.layout(() -> false);
        assertEquals(3, placed.size());
        return placed;
    }

    private static BufferedImage grey() {
        BufferedImage img = new BufferedImage(1200, 300, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 1200, 300);
        g.dispose();
        return img;
    }

    private static LabelCandidate candidate(String text, String wkt, TextSymbolizer s) {
        return new LabelCandidate(text, s, Fixtures.wkt(wkt), 0);
    }

    private static TextSymbolizer lineLabel(boolean group, double repeat) {
        return new TextSymbolizer(new Expression.PropertyName("name"), new LabelFont(List.of(), 12, false, false),
                new LabelPlacement.LinePlacement(0), null, new Fill(Color.BLACK),
                new LabelOptions(1000, group, repeat, 2, 0), Uom.PIXEL);
    }

    private static TextSymbolizer area(double autoWrap) {
        return new TextSymbolizer(new Expression.PropertyName("name"), new LabelFont(List.of(), 14, false, true),
                new LabelPlacement.PointPlacement(0.5, 0.5, 0, 0, 0), null, new Fill(Color.BLACK),
                new LabelOptions(1000, false, 0, 2, autoWrap), Uom.PIXEL);
    }

    private static TextSymbolizer point(double priority) {
        return new TextSymbolizer(new Expression.PropertyName("name"), new LabelFont(List.of(), 14, false, true),
                new LabelPlacement.PointPlacement(0.5, 0.5, 0, 0, 0), null, new Fill(Color.BLACK),
                new LabelOptions(priority, false, 0, 2, 0), Uom.PIXEL);
    }
}
