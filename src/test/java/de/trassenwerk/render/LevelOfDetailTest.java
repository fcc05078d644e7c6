package de.trassenwerk.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.style.StyleLibrary;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The 98 % rule of the level of detail, on the sample city with the project's SLD styles (labels
 * included): a level-of-detail picture agrees with the full-detail picture of the same view in at
 * least 98 % of its pixels within the tolerance of {@link PictureComparison}.
 */
class LevelOfDetailTest {

    @Test
    void levelOfDetailMatchesFullDetailAtFullExtentAndZoomedIn() {
        StyleLibrary styles = StyleLibrary.load(Path.of("styles"));
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            List<String> layers = new ArrayList<>();
            Envelope extent = new Envelope();
            for (LayerSchema theme : ThemeLayers.all()) {
                for (LayerInfo i : store.layers()) {
                    if (i.schema().hasGeometry() && i.name().equals(theme.name())) {
                        layers.add(i.name());
                        if (i.extent() != null) {
                            extent.expandToInclude(i.extent());
                        }
                    }
                }
            }
            Envelope centre = new Envelope(extent.centre());
            centre.expandBy(1500);
            for (Envelope area : List.of(extent, centre)) {
                Viewport vp = Viewport.fit(area, 800, 500);
                RenderSettings settings = RenderSettings.defaults().withLayerCachePixels(0);
                RenderResult lod = MapRenderer.withSettings(styles::styleFor, settings)
                        .render(store, layers, vp, () -> false);
                RenderResult full = MapRenderer.withSettings(styles::styleFor, settings.withDetail(Detail.FULL))
                        .render(store, layers, vp, () -> false);
                assertTrue(lod.failures().isEmpty() && full.failures().isEmpty(), () -> lod.failures().toString());
                double share = PictureComparison.matchingShare(lod.image(), full.image(), PictureComparison.TOLERANCE);
                System.out.printf("level of detail vs full detail at 1:%.0f: %.4f of the pixels agree%n",
                        vp.scaleDenominator(), share);
                assertTrue(share >= PictureComparison.REQUIRED_MATCH, "only " + share + " of the pixels agree");
            }
        }
    }
}
