package de.trassenwerk.explore;

import static de.trassenwerk.testing.Fixtures.attrs;
import static de.trassenwerk.testing.Fixtures.wkt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.ChangeSet;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

class FeatureSearchTest {
    @TempDir
    Path dir;

    @Test
    void ranksExactThenPrefixThenWordThenContains() {
        Path file = dir.resolve("streets.gpkg");
        try (GeoPackageStore s = GeoPackageStore.create(file)) {
            s.createLayer(ThemeLayers.schema(ThemeLayers.STREETS));
            ChangeSet c = new ChangeSet();
            int x = 0;
            for (String name : List.of("Obermarktweg", "Alter Markt", "Marktstraße", "Markt", "Rathausplatz")) {
                c.insert(ThemeLayers.STREETS, Feature.create(wkt("LINESTRING (" + x + " 0, " + x + " 10)"),
                        attrs("name", name)));
                x += 100;
            }
            s.apply(c);
            List<SearchHit> hits = new FeatureSearch(s).find("MARKT", 10);
            assertEquals(List.of("Markt", "Marktstraße", "Alter Markt", "Obermarktweg"),
                    hits.stream().map(SearchHit::title).toList());
            assertEquals(List.of(SearchHit.Match.EXACT, SearchHit.Match.PREFIX, SearchHit.Match.WORD_PREFIX,
                    SearchHit.Match.CONTAINS), hits.stream().map(SearchHit::match).toList());
            assertEquals(new Envelope(300, 300, 0, 10), hits.get(0).envelope());
            assertEquals(List.of("Marktstraße"), titles(new FeatureSearch(s).find("marktstrasse", 10)));
            assertEquals(List.of("Marktstraße"), titles(new FeatureSearch(s).find("Marktstr.", 10)));
            assertEquals(List.of(), titles(new FeatureSearch(s).find("M_rkt", 10)),
                    "a LIKE wildcard typed by the user matches nothing that does not contain the text");
            assertEquals(List.of("Markt"), titles(new FeatureSearch(s).find("markt", 1)));
        }
    }

    @Test
    void aStreetIsOneHitCoveringAllItsSegments() {
        try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            String name = s.read(ThemeLayers.STREETS, Query.ALL.withFields(List.of("name"), false).page(0, 1))
                    .get(0).getString("name");
            List<Feature> segments = s.read(ThemeLayers.STREETS, Query.where(AttributeFilter.eq("name", name)));
            assertTrue(segments.size() > 1, "the sample city's first street has several segments");
            Envelope all = new Envelope();
            segments.forEach(f -> all.expandToInclude(f.geometry().getEnvelopeInternal()));

            SearchHit hit = new FeatureSearch(s).find(name.toLowerCase(java.util.Locale.GERMAN), 5).get(0);
            assertEquals(SearchHit.Kind.STREET, hit.kind());
            assertEquals(name, hit.title());
            assertEquals(SearchHit.Match.EXACT, hit.match());
            assertEquals(segments.stream().map(Feature::fid).sorted().toList(), hit.fids().stream().sorted().toList());
            assertEquals(all, hit.envelope());
        }
    }

    @Test
    void findsQuarterByCodeSiteByNumberAndWorksByReference() {
        try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            FeatureSearch search = new FeatureSearch(s);
            SearchHit altstadt = search.find("501", 5).get(0);
            assertEquals(SearchHit.Kind.QUARTER, altstadt.kind());
            assertEquals("Altstadt (501)", altstadt.title());

            SearchHit quarter = search.find("neudorf-süd", 5).get(0);
            assertEquals("Neudorf-Süd (506)", quarter.title(), "umlauts in any case");

            Feature site = s.read(ThemeLayers.COMMERCIAL_SITES, Query.ALL.page(7, 1)).get(0);
            SearchHit siteHit = search.find(site.getString("site_no").toLowerCase(java.util.Locale.ROOT), 5).get(0);
            assertEquals(SearchHit.Kind.COMMERCIAL_SITE, siteHit.kind());
            assertEquals(List.of(site.fid()), siteHit.fids());
            assertEquals(site.geometry().getEnvelopeInternal(), siteHit.envelope());

            Feature works = s.read(ThemeLayers.CONSTRUCTION_SITES, Query.ALL.page(42, 1)).get(0);
            SearchHit worksHit = search.find(works.getString("site_ref"), 5).get(0);
            assertEquals(SearchHit.Kind.CONSTRUCTION_SITE, worksHit.kind());
            assertEquals(List.of(works.fid()), worksHit.fids());
            assertTrue(worksHit.title().startsWith(works.getString("site_ref")) && worksHit.title().contains(
                    works.getString("title")), worksHit.title());

            assertEquals(SearchHit.Kind.DISTRICT, search.find("Walsum", 5).get(0).kind(),
                    "the district comes before the quarter Alt-Walsum and streets");
            assertTrue(search.find("   ", 5).isEmpty());
        }
    }

    @Test
    void printsHowLongASearchTakesOnTheSampleCity() {
        try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            FeatureSearch search = new FeatureSearch(s);
            List<String> texts = List.of("düsseldorfer", "strasse", "501", "hafen", "BS-2026", "DU-01", "x");
            for (int warm = 0; warm < 5; warm++) {
                texts.forEach(t -> search.find(t, 10));
            }
            for (String t : texts) {
                long start = System.nanoTime();
                int n = 0;
                for (int i = 0; i < 10; i++) {
                    n = search.find(t, 10).size();
                }
                System.out.printf("find %-14s %2d hits  %.1f ms%n", '"' + t + '"', n, (System.nanoTime() - start) / 1e7);
                assertTrue(n > 0, t);
            }
        }
    }

    private static List<String> titles(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::title).toList();
    }
}
