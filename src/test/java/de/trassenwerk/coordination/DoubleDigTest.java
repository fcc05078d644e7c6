package de.trassenwerk.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Double digs: works on one street whose sections overlap, within six months of each other. */
class DoubleDigTest {
    @TempDir
    Path dir;

    private static List<Finding> doubleDigs(CoordinationResult r) {
        return r.findings().stream().filter(f -> f.kind() == FindingKind.DOUBLE_DIG).collect(Collectors.toList());
    }

    @Test
    void overlappingWorksMonthsApartAreOneDoubleDigWithTheLowerFidFirst() {
        try (TestCity city = TestCity.create(dir.resolve("a.gpkg"))) {
            long street = city.street("Lindenallee", "secondary", null, "LINESTRING (0 0, 400 0)");
            long later = city.trench("B", "2027-05-01", "2027-06-30", "POLYGON ((100 -6, 300 -6, 300 6, 100 6, 100 -6))");
            long earlier = city.site("A", "water", "Netze Duisburg", "2027-01-01", "2027-02-28", "planned", true,
                    "POLYGON ((0 -6, 150 -6, 150 6, 0 6, 0 -6))");
            // touches B end to end: no overlap
            city.trench("C", "2027-07-01", "2027-07-31", "POLYGON ((300 -6, 400 -6, 400 6, 300 6, 300 -6))");

            List<Finding> found = doubleDigs(city.run());

            assertEquals(1, found.size(), found::toString);
            Finding f = found.get(0);
            assertEquals(Finding.doubleDigId(later, earlier), f.id());
            assertEquals(later, f.siteFid(), "site_fid is the lower fid, whatever the dates");
            assertEquals(earlier, f.otherSiteFid());
            assertNull(f.routeFid());
            assertEquals("B", f.siteRef());
            assertEquals("A", f.otherSiteRef());
            assertEquals("Wirtschaftsbetriebe Duisburg", f.organisation());
            assertEquals("Netze Duisburg", f.otherOrganisation());
            assertEquals(street, f.streetFid());
            assertEquals("Lindenallee", f.streetName());
            assertEquals(50.0, f.roundedLengthM(), "sections 100..300 and 0..150 share 100..150");
            assertEquals(62L, f.gapDays(), "2027-05-01 minus 2027-02-28");
            assertEquals(LocalDate.of(2027, 1, 1), f.startDate());
            assertEquals(LocalDate.of(2027, 6, 30), f.endDate());
            assertNull(f.savingEur());
            assertEquals(50.0, f.section().getLength(), 1e-9);
        }
    }

    @Test
    void theWindowOfSixMonthsIsInclusive() {
        try (TestCity city = TestCity.create(dir.resolve("b.gpkg"))) {
            city.street("Lindenallee", "secondary", null, "LINESTRING (0 0, 400 0)");
            long first = city.trench("B", "2027-05-01", "2027-06-30", "POLYGON ((100 -6, 300 -6, 300 6, 100 6, 100 -6))");
            long inWindow = city.trench("E1", "2027-12-30", "2028-01-31", "POLYGON ((200 -6, 260 -6, 260 6, 200 6, 200 -6))");
            city.trench("E2", "2027-12-31", "2028-01-31", "POLYGON ((140 -6, 180 -6, 180 6, 140 6, 140 -6))");

            List<Finding> found = doubleDigs(city.run());

            assertEquals(1, found.size(), found::toString);
            assertEquals(first, found.get(0).siteFid());
            assertEquals(inWindow, found.get(0).otherSiteFid());
            assertEquals(183L, found.get(0).gapDays());
            assertEquals(60.0, found.get(0).roundedLengthM());
            assertEquals(0, doubleDigs(city.run(CoordinationParameters.defaults(TestCity.TODAY).withDoubleDigMonths(5)))
                    .size());
        }
    }

    @Test
    void lineShapedWorksOverlapByTheirProjectionsAndTouchingOnesDoNot() {
        try (TestCity city = TestCity.create(dir.resolve("c.gpkg"))) {
            city.street("Kanalstraße", "residential", null, "LINESTRING (0 100, 400 100)");
            long f = city.trench("F", "2027-03-01", "2027-04-30", "LINESTRING (50 100, 250 100)");
            long g = city.trench("G", "2027-04-01", "2027-05-31", "LINESTRING (200 101, 350 101)");
            city.trench("I", "2027-06-01", "2027-06-30", "LINESTRING (350 100, 400 100)");

            List<Finding> found = doubleDigs(city.run());

            assertEquals(1, found.size(), found::toString);
            assertEquals(f, found.get(0).siteFid());
            assertEquals(g, found.get(0).otherSiteFid());
            assertEquals(50.0, found.get(0).roundedLengthM());
            assertEquals(0L, found.get(0).gapDays(), "the windows overlap in April");
        }
    }

    @Test
    void worksOnCrossingStreetsThatOnlyMeetAtTheJunctionAreNoDoubleDig() {
        try (TestCity city = TestCity.create(dir.resolve("d.gpkg"))) {
            city.street("Lindenallee", "secondary", null, "LINESTRING (0 0, 100 0)");
            city.street("Lindenallee", "secondary", null, "LINESTRING (100 0, 200 0)");
            city.street("Birkenweg", "residential", null, "LINESTRING (100 0, 100 200)");
            city.trench("ALONG", "2027-03-01", "2027-04-30", "POLYGON ((0 -6, 200 -6, 200 6, 0 6, 0 -6))");
            city.trench("ACROSS", "2027-03-01", "2027-04-30", "POLYGON ((95 0, 105 0, 105 150, 95 150, 95 0))");

            assertEquals(List.of(), doubleDigs(city.run()));
        }
    }

    @Test
    void overlapsOnTheSegmentsOfOneStreetAddUp() {
        try (TestCity city = TestCity.create(dir.resolve("e.gpkg"))) {
            long west = city.street("Lindenallee", "secondary", null, "LINESTRING (0 0, 100 0)");
            long east = city.street("Lindenallee", "secondary", null, "LINESTRING (100 0, 200 0)");
            city.street("Birkenweg", "residential", null, "LINESTRING (100 0, 100 200)");
            city.trench("ONE", "2027-03-01", "2027-04-30", "POLYGON ((0 -6, 160 -6, 160 6, 0 6, 0 -6))");
            city.trench("TWO", "2027-05-01", "2027-05-31", "POLYGON ((70 -6, 200 -6, 200 6, 70 6, 70 -6))");

            List<Finding> found = doubleDigs(city.run());

            assertEquals(1, found.size(), found::toString);
            assertEquals(90.0, found.get(0).roundedLengthM(), "30 m on the west segment, 60 m on the east one");
            assertEquals(east, found.get(0).streetFid(), "the segment with the larger overlap names the street");
            assertEquals(1L, found.get(0).gapDays());
            assertEquals(90.0, found.get(0).section().getLength(), 1e-9);
            assertEquals(1, found.get(0).parts(), "the two stretches join into one line");
            assertEquals(true, west > 0);
        }
    }
}
