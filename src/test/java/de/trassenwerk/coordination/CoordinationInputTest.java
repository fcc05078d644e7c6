package de.trassenwerk.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the analysis needs from a file and from a cost file, and how it says what is missing. */
class CoordinationInputTest {
    @TempDir
    Path dir;

    private static CoordinationResult run(GeoPackageStore store) {
        return CoordinationAnalysis.run(store, "x.gpkg", CoordinationParameters.defaults(TestCity.TODAY),
                CostModel.DEFAULT, AnalysisMonitor.NONE);
    }

    @Test
    void missingLayersAndFieldsAreAllNamedInOneMessage() {
        try (GeoPackageStore store = GeoPackageStore.create(dir.resolve("x.gpkg"))) {
            store.createLayer(ThemeLayers.schema(ThemeLayers.STREETS));
            LayerSchema sites = ThemeLayers.schema(ThemeLayers.CONSTRUCTION_SITES);
            List<FieldInfo> fewer = sites.fields().stream()
                    .filter(f -> !f.name().equals("open_trench") && !f.name().equals("start_date"))
                    .collect(Collectors.toList());
            store.createLayer(LayerSchema.features(sites.name(), GeometryType.MULTIPOLYGON, 25832, fewer));

            CoordinationException e = assertThrows(CoordinationException.class, () -> run(store));

            assertEquals("x.gpkg lacks what the coordination analysis needs: planned_routes; "
                    + "construction_sites.start_date, construction_sites.open_trench", e.getMessage());
        }
    }

    @Test
    void aDateThatIsNoDateNamesLayerFeatureAndField() {
        try (TestCity city = TestCity.create(dir.resolve("d.gpkg"))) {
            long fid = city.trench("BS", "im Frühjahr", "2027-04-01", "POLYGON ((0 0, 10 0, 10 10, 0 0))");
            CoordinationException e = assertThrows(CoordinationException.class, city::run);
            assertEquals("Layer \"construction_sites\", feature " + fid + ": start_date \"im Frühjahr\" is not a date "
                    + "(YYYY-MM-DD)", e.getMessage());
        }
    }

    @Test
    void geographicCoordinatesAreRefused() {
        try (GeoPackageStore store = GeoPackageStore.create(dir.resolve("w.gpkg"))) {
            for (String l : List.of(ThemeLayers.STREETS, ThemeLayers.PLANNED_ROUTES, ThemeLayers.CONSTRUCTION_SITES)) {
                LayerSchema s = ThemeLayers.schema(l);
                store.createLayer(LayerSchema.features(l, s.geometryType(), 4326, s.fields()));
            }
            CoordinationException e = assertThrows(CoordinationException.class, () -> run(store));
            assertTrue(e.getMessage().contains("geographic"), e.getMessage());
        }
    }

    @Test
    void defaultTodayIsTheFilesReferenceDateElseTheClock() {
        LocalDate clock = LocalDate.of(2030, 1, 1);
        assertEquals(LocalDate.of(2026, 9, 1), CoordinationParameters.defaultToday(
                Map.of(CoordinationParameters.REFERENCE_DATE_KEY, "2026-09-01"), clock));
        assertEquals(clock, CoordinationParameters.defaultToday(Map.of(), clock));
        assertEquals(clock, CoordinationParameters.defaultToday(
                Map.of(CoordinationParameters.REFERENCE_DATE_KEY, "bald"), clock));
    }

    @Test
    void parametersOutOfRangeAreRefused() {
        CoordinationParameters p = CoordinationParameters.defaults(TestCity.TODAY);
        assertEquals("--buffer-m is out of range: -1",
                assertThrows(CoordinationException.class, () -> p.withBufferM(-1)).getMessage());
        assertThrows(CoordinationException.class, () -> p.withLeadWeeks(-2));
    }

    @Test
    void costFileDefaultsMissingMembersAndRefusesUnknownOnes() throws Exception {
        Path file = dir.resolve("kosten.json");
        Files.writeString(file, "{\"trench_eur_per_m\": {\"primary\": 180, \"footway\": 70}, \"duct_reuse_eur_per_m\": 6}");
        CostModel m = CostModel.load(file);
        assertEquals(180, m.trenchRate("primary"));
        assertEquals(70, m.trenchRate("Footway"));
        assertEquals(120, m.trenchRate("secondary"));
        assertEquals(90, m.trenchRate("motorway"), "unlisted classes are priced as residential");
        assertEquals(90, m.trenchRate(null));
        assertEquals(15, m.coLayingEurPerM());
        assertEquals(6, m.ductReuseEurPerM());
        assertEquals(3, m.moratoriumFactor());
        java.io.StringWriter written = new java.io.StringWriter();
        try (com.fasterxml.jackson.core.JsonGenerator g = new ObjectMapper().getFactory().createGenerator(written)) {
            m.writeJson(g);
        }
        assertEquals(m, CostModel.parse(new ObjectMapper().readTree(written.toString()), "round trip"));

        Files.writeString(file, "{\"co_layng_eur_per_m\": 12}");
        assertTrue(assertThrows(CoordinationException.class, () -> CostModel.load(file)).getMessage()
                .contains("unknown member \"co_layng_eur_per_m\""));
        Files.writeString(file, "{\"co_laying_eur_per_m\": -1}");
        assertThrows(CoordinationException.class, () -> CostModel.load(file));
        Files.writeString(file, "{\"moratorium_factor\": 0.5}");
        assertThrows(CoordinationException.class, () -> CostModel.load(file));
        Files.writeString(file, "{\"trench_eur_per_m\": ");
        assertTrue(assertThrows(CoordinationException.class, () -> CostModel.load(file)).getMessage()
                .contains("not valid JSON"));
    }
}
