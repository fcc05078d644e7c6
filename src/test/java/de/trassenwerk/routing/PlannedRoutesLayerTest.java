package de.trassenwerk.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving the best route as a draft planned route. */
class PlannedRoutesLayerTest {
    @TempDir
    Path dir;

    @Test
    void saveWritesOneDraftPlannedRouteWithItsBreakdown() throws Exception {
        Path file = dir.resolve("save.gpkg");
        Route route;
        long fid;
        try (RoutingCity city = new RoutingCity(file)) {
            city.street("Industriestraße", "primary", null, "LINESTRING (0 0, 400 0)");
            city.street("Nebenweg", "LINESTRING (400 0, 400 100)");
            city.duct("existing", 2, "LINESTRING (0 0, 200 0)");
            city.plot("DU-0042", "MULTIPOLYGON (((-50 -20, -10 -20, -10 20, -50 20, -50 -20)))");
            city.node("cabinet", "KVz 9", 400, 100);
            RoutePlanner planner = city.planner();
            route = planner.plan(RouteRequest.of(Origin.site("DU-0042"), Destination.node("KVz 9")).withRoutes(2))
                    .get(0);
            fid = PlannedRoutesLayer.saveDraft(city.store, route, planner.srsId());
        }
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            List<Feature> saved = store.read(ThemeLayers.PLANNED_ROUTES, Query.ALL);
            assertEquals(1, saved.size());
            Feature f = saved.get(0);
            assertEquals(fid, f.fid());
            assertEquals("draft", f.getString("status"));
            assertEquals("DU-0042", f.getString("from_ref"));
            assertEquals("KVz 9", f.getString("to_ref"));
            assertNull(f.get("needed_by"));
            // 10 m connection (primary, 150) + 205 m in the duct (8; its end reaches 5 m further) + 195 m primary
            // trench (150) + 100 m residential (90)
            assertEquals(510.0, f.getDouble("length_m"));
            assertEquals(1500 + 1640 + 29250 + 9000, f.getDouble("cost_eur"));
            assertEquals(route.geometry().getLength(), f.geometry().getLength(), 1e-6);
            JsonNode breakdown = new ObjectMapper().readTree(f.getString("cost_breakdown"));
            assertEquals(Map.of("site_connection", 10.0, "duct_reuse", 205.0, "trench_primary", 195.0,
                    "trench_residential", 100.0), metres(breakdown));
            assertEquals(1640, breakdown.get("duct_reuse").get("eur").asLong());
        }
    }

    private static Map<String, Double> metres(JsonNode breakdown) {
        Map<String, Double> out = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = breakdown.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().get("m").asDouble());
        }
        return out;
    }
}
