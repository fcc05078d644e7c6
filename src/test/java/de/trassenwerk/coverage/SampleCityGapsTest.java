package de.trassenwerk.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.coordination.AnalysisMonitor;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The gap analysis on the generated sample city, whose industrial clusters Logport Rheinhausen,
 * Hüttenheim, Hafen Walsum and Neumühl were planted poorly served: their plots must come out as gaps far
 * more often than the plots of the well-served clusters.
 */
class SampleCityGapsTest {
    private static final Set<String> POORLY_SERVED = Set.of("Logport Rheinhausen", "Hüttenheim", "Hafen Walsum",
            "Neumühl");

    @Test
    void plantedPoorlyServedClustersAreTheGaps() {
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            long t0 = System.nanoTime();
            CoverageGaps.Result r = CoverageGaps.analyse(store, GapParameters.DEFAULT, AnalysisMonitor.NONE);
            System.out.printf("coverage gaps of the sample city: %d sites, %d under-served, %.1f ha, %d ms%n",
                    r.sites().size(), r.underserved().size(), r.underservedHa(), (System.nanoTime() - t0) / 1_000_000);

            assertEquals(store.count(ThemeLayers.COMMERCIAL_SITES, Query.ALL), r.sites().size());
            assertEquals(0, r.sitesWithoutArea());
            for (SiteGap s : r.sites()) {
                assertNotNull(s.district(), s.siteNo());
                assertNotNull(s.quarter(), s.siteNo());
                assertTrue(!r.cells(s.fid()).isEmpty(), "every plot lies under the city's grid: " + s.siteNo());
            }
            List<SiteGap> poor = r.sites().stream().filter(s -> POORLY_SERVED.contains(cluster(s))).toList();
            List<SiteGap> good = r.sites().stream().filter(s -> !POORLY_SERVED.contains(cluster(s))).toList();
            double poorShare = share(poor);
            double goodShare = share(good);
            assertTrue(poorShare >= 0.6, "poorly served clusters: " + poorShare);
            assertTrue(goodShare <= 0.4, "well served clusters: " + goodShare);

            int sites = r.districts().stream().mapToInt(DistrictGapSummary::sites).sum();
            int underserved = r.districts().stream().mapToInt(DistrictGapSummary::underservedSites).sum();
            double ha = r.districts().stream().mapToDouble(DistrictGapSummary::underservedHa).sum();
            assertEquals(r.sites().size(), sites);
            assertEquals(r.underserved().size(), underserved);
            assertEquals(r.underservedHa(), ha, 1e-6);
        }
    }

    /** The cluster a sample plot belongs to: its name before ", Fläche". */
    private static String cluster(SiteGap s) {
        return s.name().substring(0, s.name().indexOf(", Fläche"));
    }

    private static double share(List<SiteGap> sites) {
        return (double) sites.stream().filter(SiteGap::underserved).count() / sites.size();
    }
}
