package de.trassenwerk.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.GeoPackageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCityWriterTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedWritesTheSameBytes() throws Exception {
        Path a = dir.resolve("a.gpkg");
        Path b = dir.resolve("b.gpkg");
        SampleCityWriter.write(a, 1, 42, LocalDate.of(2025, 1, 1), m -> { });
        SampleCityWriter.write(b, 1, 42, LocalDate.of(2025, 1, 1), m -> { });
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        try (var dirs = Files.list(dir)) {
            assertEquals(2, dirs.count(), "no temporary files left behind");
        }
    }

    @Test
    void scaleTilesCopiesSideBySideWithUniqueIdentifiers() {
        Path two = dir.resolve("two.gpkg");
        SampleCityWriter.Summary s = SampleCityWriter.write(two, 2, 42, LocalDate.of(2025, 1, 1), m -> { });
        try (GeoPackageStore store = GeoPackageStore.open(two, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(14, store.layerInfo("districts").count());
            assertEquals(s.counts().get("streets"), store.layerInfo("streets").count());
            assertTrue(store.layerInfo("districts").extent().getWidth() > 28_000);
            long distinct = store.read("commercial_sites", de.trassenwerk.store.Query.ALL).stream()
                    .map(f -> f.getString("site_no")).distinct().count();
            assertEquals(store.layerInfo("commercial_sites").count(), distinct);
            assertEquals("2", store.metadata().get(SampleCityWriter.SCALE_KEY));
        }
    }
}
