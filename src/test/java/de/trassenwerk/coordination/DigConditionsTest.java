package de.trassenwerk.coordination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.LineString;

/**
 * What the route planner learns about the ground: the same free ducts, joinable works and moratoria as
 * the coordination analysis finds for a planned route along the street.
 */
class DigConditionsTest {
    @TempDir
    Path dir;

    @Test
    void stretchesAndMoratoriaAreThoseOfTheCoordinationAnalysis() {
        try (TestCity city = TestCity.create(dir.resolve("a.gpkg"))) {
            city.street("Amselweg", "residential", null, "LINESTRING (0 0, 400 0)");
            city.street("Neue Straße", "residential", "2024-05-01", "LINESTRING (0 0, 0 300)");
            city.route("draft", null, "LINESTRING (0 0, 400 0)");
            city.trench("BS-1", "2027-03-01", "2027-06-30", "POLYGON ((100 -5, 200 -5, 200 5, 100 5, 100 -5))");
            city.trench("BS-SOON", "2026-10-01", "2026-10-30", "POLYGON ((300 -5, 320 -5, 320 5, 300 5, 300 -5))");
            city.conduit("existing", 2, "LINESTRING (250 1, 280 1)");
            city.conduit("existing", 0, "LINESTRING (0 1, 50 1)");

            DigConditions ground = DigConditions.read(city.store, CoordinationParameters.defaults(TestCity.TODAY),
                    "a.gpkg", "coordination.error.missing");
            LineString street = (LineString) TestCity.local("LINESTRING (0 0, 400 0)");

            // the joinable work x 100..200 buffered by 10 m; the one starting within the lead time is not joinable
            assertArrayEquals(new double[] {90, 210}, ground.joinableTrenchStretches(street), 1e-9);
            // the free duct x 250..280 with its 5 m reach, round ends: 1 m beside the street reaches 4.9 m further
            double reach = Math.sqrt(25 - 1);
            assertArrayEquals(new double[] {250 - reach, 280 + reach}, ground.freeDuctStretches(street), 1e-9);
            Finding coLaying = city.run().findings().stream().filter(f -> f.kind() == FindingKind.CO_LAYING)
                    .findFirst().orElseThrow();
            assertEquals(120.0, coLaying.roundedLengthM(), "the coordination analysis shares the same 120 m");

            assertEquals(2, ground.streets().size());
            DigConditions.Street amsel = ground.streets().stream().filter(s -> s.name().equals("Amselweg")).findFirst()
                    .orElseThrow();
            DigConditions.Street renewed = ground.streets().stream().filter(s -> s.name().equals("Neue Straße"))
                    .findFirst().orElseThrow();
            assertFalse(ground.underMoratorium(amsel));
            assertTrue(ground.underMoratorium(renewed), "resurfaced 2024-05-01: closed until 2029-05-01");
            assertFalse(DigConditions.read(city.store, CoordinationParameters.defaults(TestCity.TODAY)
                    .withMoratoriumYears(2), "a.gpkg", "coordination.error.missing").underMoratorium(renewed));
        }
    }
}
