package de.trassenwerk.store;

import static de.trassenwerk.testing.Fixtures.attrs;
import static de.trassenwerk.testing.Fixtures.wkt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read-only store (the window's) learns of what another store object wrote to its file. */
class StoreRefreshTest {
    private static final LayerSchema ROUTES = LayerSchema.features("planned_routes", GeometryType.LINESTRING, 25832,
            List.of(FieldInfo.of("name", FieldType.TEXT)));

    @TempDir
    Path dir;

    @Test
    void refreshSeesANewLayerAndMovesTheDataVersion() {
        Path file = dir.resolve("city.gpkg");
        try (GeoPackageStore s = GeoPackageStore.create(file)) {
            s.createLayer(GeoPackageStoreTest.SITES);
        }
        try (GeoPackageStore window = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            long before = window.dataVersion().orElseThrow();
            try (GeoPackageStore panel = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_WRITE)) {
                panel.createLayer(ROUTES);
                panel.apply(new ChangeSet().insert("planned_routes",
                        Feature.create(wkt("LINESTRING (0 0, 100 0)"), attrs("name", "Anbindung"))));
            }
            assertFalse(window.hasLayer("planned_routes"), "the layer list was read when the file was opened");
            assertEquals(before, window.dataVersion().orElseThrow(), "writes elsewhere are not counted by themselves");

            window.refresh();

            assertTrue(window.hasLayer("planned_routes"));
            assertTrue(window.dataVersion().orElseThrow() > before, "caches of the store's data are stale now");
            List<Feature> routes = window.read("planned_routes", Query.ALL);
            assertEquals(List.of("Anbindung"), routes.stream().map(f -> f.getString("name")).toList());
            assertEquals(1, window.layerInfo("planned_routes").count());
        }
    }
}
