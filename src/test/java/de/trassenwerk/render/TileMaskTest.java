package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.style.StyleLibrary;
import de.trassenwerk.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The tile mask may mark too much but never too little: every pixel a layer job paints lies in a
 * tile its mask marks, for every layer of the sample city with the project's styles (fills,
 * outlines, wide and dashed strokes, offset lines, marks), at full extent, over a 5 km window and
 * zoomed into a street, at both levels of detail.
 */
class TileMaskTest {

    @Test
    void everyPaintedPixelLiesInAMarkedTile() throws Exception {
        StyleLibrary styles = StyleLibrary.load(Path.of("styles"));
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            Envelope extent = new Envelope();
            store.layers().stream().map(LayerInfo::extent).filter(e -> e != null).forEach(extent::expandToInclude);
            double cx = extent.centre().x;
            double cy = extent.centre().y;
            List<Viewport> views = List.of(Viewport.fit(extent, 800, 500),
                    Viewport.fit(new Envelope(cx - 2500, cx + 2500, cy - 1500, cy + 1500), 800, 500),
                    Viewport.fit(new Envelope(cx - 150, cx + 150, cy - 90, cy + 90), 800, 500));
            int layersPainted = 0;
            boolean someTileLeftOut = false;
            for (Detail detail : Detail.values()) {
                RenderSettings settings = RenderSettings.defaults().withDetail(detail);
                for (Viewport vp : views) {
                    for (LayerInfo info : store.layers()) {
                        if (!info.schema().hasGeometry()) {
                            continue;
                        }
                        LayerRenderJob.LayerImage li = new LayerRenderJob(store, LayerRequest.of(info.name()),
                                styles.styleFor(info.name()), vp, settings, null, () -> false).call();
                        if (li.image() == null) {
                            continue;
                        }
                        layersPainted++;
                        assertEquals(0, unmarkedPaintedPixels(li.image(), li.painted()),
                                info.name() + " at " + detail + ", 1:" + Math.round(vp.scaleDenominator()));
                        someTileLeftOut |= li.painted().markedShare() < 1;
                    }
                }
            }
            assertTrue(layersPainted > 20, "layers painted: " + layersPainted);
            assertTrue(someTileLeftOut, "the masks of sparse layers leave tiles out");
        }
    }

    @Test
    void outlinesAndLinesMarkTheTilesAlongThemNotTheirBounds() {
        // a ring of long diagonals (its last side closes it implicitly) and an open zigzag line
        PixelShape ring = new PixelShape(new float[] {20, 30, 380, 60, 250, 370}, new int[] {3}, true);
        PixelShape line = new PixelShape(new float[] {10, 390, 200, 10, 390, 380}, new int[] {3}, false);
        java.awt.Color red = new java.awt.Color(200, 20, 20);
        List<de.trassenwerk.style.Stroke> strokes = List.of(de.trassenwerk.style.Stroke.solid(red, 2),
                de.trassenwerk.style.Stroke.solid(red, 9),
                new de.trassenwerk.style.Stroke(red, 7, List.of(), 0, de.trassenwerk.style.LineJoin.MITRE,
                        de.trassenwerk.style.LineCap.SQUARE),
                de.trassenwerk.style.Stroke.solid(red, 3).dashed(12, 6));
        for (Detail detail : Detail.values()) {
            for (de.trassenwerk.style.Stroke stroke : strokes) {
                List<FeatureShape> shapes = List.of(
                        new FeatureShape(FeatureShape.Kind.AREA, ring, null, 2,
                                new de.trassenwerk.style.PolygonSymbolizer(null, stroke, de.trassenwerk.style.Uom.PIXEL), 0),
                        new FeatureShape(FeatureShape.Kind.LINE, line, null, 1,
                                new de.trassenwerk.style.LineSymbolizer(stroke, 0, de.trassenwerk.style.Uom.PIXEL), 0));
                for (FeatureShape shape : shapes) {
                    BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB_PRE);
                    TileMask mask = new TileMask(400, 400);
                    java.awt.Graphics2D g = image.createGraphics();
                    new FeaturePainter(g, image, 1, detail, mask).paint(shape);
                    g.dispose();
                    String what = shape.kind() + " " + stroke + " " + detail;
                    assertEquals(0, unmarkedPaintedPixels(image, mask), what);
                    assertTrue(mask.markedShare() < 0.5, what + ": " + mask.markedShare());
                }
            }
        }
    }

    @Test
    void marksOnlyTheTilesOfARectangleAndClipsToTheImage() {
        TileMask mask = new TileMask(100, 70); // 4 x 3 tiles, the last ones partial
        mask.mark(33, 1, 40, 2);
        assertTrue(mask.marked(1, 0));
        assertFalse(mask.marked(0, 0));
        assertFalse(mask.marked(2, 0));
        mask.mark(-50, 65, 500, 900);
        for (int c = 0; c < 4; c++) {
            assertTrue(mask.marked(c, 2));
        }
        mask.mark(Double.NaN, 0, 5, 5);
        mask.mark(120, 10, 130, 20); // wholly outside
        assertFalse(mask.marked(3, 0));
        assertEquals(5 / 12.0, mask.markedShare(), 1e-9);
        // runs of marked tiles in a row: row 0 has only column 1, row 2 all four
        assertEquals(1, mask.nextMarked(0, 0));
        assertEquals(2, mask.nextUnmarked(1, 0));
        assertEquals(4, mask.nextMarked(2, 0));
        assertEquals(4, mask.nextMarked(0, 1));
        assertEquals(0, mask.nextMarked(0, 2));
        assertEquals(4, mask.nextUnmarked(0, 2));
    }

    private static int unmarkedPaintedPixels(BufferedImage image, TileMask mask) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (image.getRGB(x, y) != 0 && !mask.marked(x / TileMask.TILE, y / TileMask.TILE)) {
                    n++;
                }
            }
        }
        return n;
    }
}
