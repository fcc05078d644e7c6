package de.trassenwerk.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.GeoPackageValidator;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** The committed sample city must hold what the data-model brief and the analyses expect. */
class SampleCityTest {
    static final LocalDate TODAY = SampleCityGenerator.DEFAULT_REFERENCE_DATE;
    static GeoPackageStore store;

    @BeforeAll
    static void open() {
        store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static List<Feature> all(String layer) {
        return store.read(layer, Query.ALL);
    }

    @Test
    void holdsEveryThemeLayerWithTheMinimumContent() {
        Map<String, Long> counts = new HashMap<>();
        store.layers().forEach(l -> counts.put(l.name(), l.count()));
        assertEquals(ThemeLayers.all().stream().map(s -> s.name()).collect(Collectors.toSet()), counts.keySet());
        assertEquals(7, counts.get("districts"));
        assertEquals(46, counts.get("quarters"));
        assertTrue(counts.get("streets") >= 10_000, "streets " + counts.get("streets"));
        assertTrue(counts.get("commercial_sites") >= 200);
        assertTrue(counts.get("coverage_cells") >= 20_000);
        assertTrue(counts.get("construction_sites") >= 1_500);
        assertTrue(counts.get("planned_routes") >= 20);
        assertTrue(counts.get("network_nodes") >= 30);
        double km = all("conduits").stream().mapToDouble(f -> f.geometry().getLength()).sum() / 1000;
        assertTrue(km >= 500, "conduits " + km + " km");
    }

    @Test
    void isAValidGeoPackageWithValidGeometries() {
        assertEquals(List.of(), GeoPackageValidator.validate(store, 5));
    }

    @Test
    void liesInsideDuisburgsRealExtent() {
        Envelope city = new Envelope(334_900, 349_000, 5_689_300, 5_714_700);
        for (String layer : List.of("districts", "quarters", "streets", "commercial_sites", "coverage_cells",
                "conduits", "construction_sites", "planned_routes", "network_nodes", "land_use_plans")) {
            Envelope e = store.layerInfo(layer).extent();
            assertTrue(city.contains(e), layer + " " + e);
        }
        double km2 = all("quarters").stream().mapToDouble(f -> f.geometry().getArea()).sum() / 1e6;
        assertEquals(232.8, km2, 3.0);
    }

    @Test
    void knowsDistrictsAndQuartersByTheirRealNames() {
        Set<String> districts = all("districts").stream().map(f -> f.getString("name")).collect(Collectors.toSet());
        assertEquals(Set.of("Walsum", "Hamborn", "Meiderich/Beeck", "Homberg/Ruhrort/Baerl", "Mitte", "Rheinhausen",
                "Süd"), districts);
        List<Feature> quarters = all("quarters");
        Set<String> names = quarters.stream().map(f -> f.getString("name")).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("Altstadt", "Kaßlerfeld", "Hüttenheim", "Mündelheim", "Röttgersbach",
                "Rumeln-Kaldenhausen", "Ruhrort", "Baerl")));
        Feature altstadt = quarters.stream().filter(f -> f.getString("name").equals("Altstadt")).findFirst().orElseThrow();
        assertEquals("501", altstadt.getString("code"));
        assertEquals("5", altstadt.getString("district_code"));
    }

    @Test
    void theRhineSeparatesTheWestBankQuartersFromRuhrort() {
        Geometry rhine = all("water").stream().filter(f -> f.getString("name").equals("Rhein")).findFirst()
                .orElseThrow().geometry();
        for (Feature q : all("quarters")) {
            Coordinate c = q.geometry().getInteriorPoint().getCoordinate();
            double riverX = riverXAt(rhine, c.y);
            String name = q.getString("name");
            boolean west = Set.of("Alt-Homberg", "Hochheide", "Baerl", "Rheinhausen-Mitte", "Hochemmerich", "Bergheim",
                    "Friemersheim", "Rumeln-Kaldenhausen").contains(name);
            assertEquals(west, c.x < riverX, name + " at " + c + ", river at x " + riverX);
        }
    }

    private static double riverXAt(Geometry rhine, double y) {
        GeometryFactory gf = new GeometryFactory();
        LineString across = gf.createLineString(new Coordinate[] {new Coordinate(300_000, y), new Coordinate(400_000, y)});
        return across.intersection(rhine).getCentroid().getX();
    }

    @Test
    void streetsFormOneConnectedNetworkThatMeetsAtSharedVertices() {
        Map<Coordinate, Integer> ids = new HashMap<>();
        List<int[]> edges = new java.util.ArrayList<>();
        for (Feature f : all("streets")) {
            Coordinate[] c = f.geometry().getCoordinates();
            int a = ids.computeIfAbsent(c[0], k -> ids.size());
            int b = ids.computeIfAbsent(c[c.length - 1], k -> ids.size());
            edges.add(new int[] {a, b});
        }
        int[] parent = new int[ids.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int[] e : edges) {
            parent[find(parent, e[0])] = find(parent, e[1]);
        }
        Set<Integer> roots = new HashSet<>();
        for (int i = 0; i < parent.length; i++) {
            roots.add(find(parent, i));
        }
        assertEquals(1, roots.size(), "connected parts");
        Set<String> classes = all("streets").stream().map(f -> f.getString("class")).collect(Collectors.toSet());
        assertEquals(Set.of("primary", "secondary", "residential", "service"), classes);
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            i = p[i] = p[p[i]];
        }
        return i;
    }

    @Test
    void coverageCellsFollowTheInspireGrid() {
        Pattern id = Pattern.compile("CRS3035RES100mN(\\d{7})E(\\d{7})");
        Set<String> seen = new HashSet<>();
        for (Feature f : all("coverage_cells")) {
            var m = id.matcher(f.getString("cell_id"));
            assertTrue(m.matches(), f.getString("cell_id"));
            long n = Long.parseLong(m.group(1));
            long e = Long.parseLong(m.group(2));
            assertEquals(0, n % 100);
            assertTrue(n >= 3_140_000 && n <= 3_167_000 && e >= 4_085_000 && e <= 4_101_000, f.getString("cell_id"));
            assertTrue(seen.add(f.getString("cell_id")));
            assertEquals(10_000, f.geometry().getArea(), 150); // a 1 ha LAEA cell stays about 1 ha in UTM
        }
        Set<String> tech = all("coverage_cells").stream().map(f -> f.getString("technology")).collect(Collectors.toSet());
        assertEquals(Set.of("FTTH", "FTTB", "DOCSIS", "VDSL", "ADSL", "none"), tech);
    }

    @Test
    void constructionWorksSpreadOverAtLeastFourYearsAroundTheReferenceDate() {
        assertEquals(TODAY.toString(), store.metadata().get(SampleCityWriter.REFERENCE_DATE_KEY));
        List<Feature> sites = all("construction_sites");
        LocalDate first = sites.stream().map(f -> LocalDate.parse(f.getString("start_date"))).min(LocalDate::compareTo)
                .orElseThrow();
        LocalDate last = sites.stream().map(f -> LocalDate.parse(f.getString("start_date"))).max(LocalDate::compareTo)
                .orElseThrow();
        assertTrue(ChronoUnit.DAYS.between(first, last) >= 4 * 365, first + " .. " + last);
        assertTrue(first.isBefore(TODAY) && last.isAfter(TODAY));
        Set<String> statuses = sites.stream().map(f -> f.getString("status")).collect(Collectors.toSet());
        assertEquals(Set.of("planned", "approved", "active", "done"), statuses);
    }

    @Test
    void hasRoadWorksAlongAPlannedRouteThatARouteCouldJoin() {
        long chances = 0;
        for (Feature route : store.read("planned_routes", Query.where(new AttributeFilter.Not(
                AttributeFilter.eq("status", "built"))))) {
            LocalDate neededBy = route.getString("needed_by") == null ? TODAY.plusMonths(24)
                    : LocalDate.parse(route.getString("needed_by"));
            Geometry near = route.geometry().buffer(10);
            for (Feature site : store.read("construction_sites", Query.bbox(near.getEnvelopeInternal())
                    .withFilter(AttributeFilter.eq("open_trench", true)))) {
                LocalDate start = LocalDate.parse(site.getString("start_date"));
                if (!start.isBefore(TODAY.plusWeeks(8)) && !start.isAfter(neededBy)
                        && route.geometry().intersection(site.geometry().buffer(10)).getLength() > 50) {
                    chances++;
                }
            }
        }
        assertTrue(chances >= 5, "co-laying chances " + chances);
    }

    @Test
    void hasAPlannedRouteThroughAStreetUnderItsMoratorium() {
        long clashes = 0;
        for (Feature route : store.read("planned_routes", Query.where(new AttributeFilter.Not(
                AttributeFilter.eq("status", "built"))))) {
            for (Feature street : store.read("streets", Query.bbox(route.geometry().getEnvelopeInternal()))) {
                String renewed = street.getString("surface_renewed");
                if (renewed != null && LocalDate.parse(renewed).plusYears(5).isAfter(TODAY)
                        && route.geometry().intersection(street.geometry().buffer(10)).getLength() > 21) {
                    clashes++;
                }
            }
        }
        assertTrue(clashes >= 3, "route sections in moratorium streets " + clashes);
    }

    @Test
    void hasTwoTrenchesInTheSameStreetAFewMonthsApart() {
        List<Feature> trenches = store.read("construction_sites", Query.where(AttributeFilter.eq("open_trench", true)));
        int pairs = 0;
        for (Feature a : trenches) {
            for (Feature b : store.read("construction_sites", Query.bbox(a.geometry().getEnvelopeInternal())
                    .withFilter(AttributeFilter.eq("open_trench", true)))) {
                if (a.fid() >= b.fid() || !a.geometry().intersects(b.geometry())) {
                    continue;
                }
                LocalDate aEnd = LocalDate.parse(a.getString("end_date"));
                LocalDate bStart = LocalDate.parse(b.getString("start_date"));
                long gap = ChronoUnit.DAYS.between(aEnd, bStart);
                if (gap > 0 && gap <= 183 && a.geometry().intersection(b.geometry()).getArea() > 100) {
                    pairs++;
                }
            }
        }
        assertTrue(pairs >= 5, "double digs " + pairs);
    }

    @Test
    void hasCommercialLandWithoutGigabit() {
        int without = 0;
        for (Feature site : all("commercial_sites")) {
            double best = store.read("coverage_cells", Query.bbox(site.geometry().getEnvelopeInternal())).stream()
                    .filter(c -> c.geometry().intersects(site.geometry()))
                    .mapToDouble(c -> c.getLong("max_down_mbps")).max().orElse(0);
            if (best < 1000) {
                without++;
            }
        }
        assertTrue(without >= 10, "plots without gigabit " + without);
    }

    @Test
    void personalNamesAppearOnlyInTheContactPersonFields() {
        Set<String> people = new HashSet<>();
        for (String first : SampleNames.FIRST_NAMES) {
            for (String last : SampleNames.LAST_NAMES) {
                people.add(first + " " + last);
            }
        }
        int inContactFields = 0;
        for (var layer : store.layers()) {
            for (Feature f : all(layer.name())) {
                for (var e : f.attributes().entrySet()) {
                    if (e.getValue() instanceof String v && people.contains(v)) {
                        assertEquals("contact_person", e.getKey(), layer.name() + " fid " + f.fid());
                        inContactFields++;
                    }
                }
            }
        }
        assertTrue(inContactFields >= 1_800 + 200, "contact persons " + inContactFields);
    }

    @Test
    void sameSeedGivesTheSameCityAndAnotherSeedAnother() {
        Map<String, List<Feature>> a = SampleCityGenerator.generate(7, TODAY);
        Map<String, List<Feature>> b = SampleCityGenerator.generate(7, TODAY);
        Map<String, List<Feature>> c = SampleCityGenerator.generate(8, TODAY);
        for (String layer : a.keySet()) {
            assertEquals(a.get(layer).size(), b.get(layer).size(), layer);
            for (int i = 0; i < a.get(layer).size(); i++) {
                Feature fa = a.get(layer).get(i);
                Feature fb = b.get(layer).get(i);
                assertEquals(fa.attributes(), fb.attributes(), layer + " #" + i);
                assertTrue(fa.geometry().equalsExact(fb.geometry()), layer + " #" + i);
            }
        }
        assertNotEquals(a.get("construction_sites").get(0).attributes(), c.get("construction_sites").get(0).attributes());
    }
}
