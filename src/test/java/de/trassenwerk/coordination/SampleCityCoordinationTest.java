package de.trassenwerk.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sample city holds the situations its generator planted: every kind of finding turns up. */
class SampleCityCoordinationTest {

    @Test
    void sampleCityYieldsFindingsOfAllThreeKindsAndNoPersonalNames() throws Exception {
        CoordinationResult r;
        Set<String> persons = new HashSet<>();
        try (GeoPackageStore store = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            LocalDate today = CoordinationParameters.defaultToday(store.metadata(), LocalDate.of(2000, 1, 1));
            assertEquals(LocalDate.of(2026, 9, 1), today, "the sample's reference date");
            r = CoordinationAnalysis.run(store, "duisburg.gpkg", CoordinationParameters.defaults(today),
                    CostModel.DEFAULT, AnalysisMonitor.NONE);
            store.read(ThemeLayers.CONSTRUCTION_SITES, Query.ALL.withFields(java.util.List.of("contact_person"), false),
                    f -> persons.add(f.getString("contact_person")));
        }
        Map<FindingKind, CoordinationResult.Totals> summary = r.summary();
        System.out.println("sample city coordination summary: " + summary);
        for (FindingKind k : FindingKind.values()) {
            assertTrue(summary.get(k).count() > 0, k + " " + summary);
        }
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == FindingKind.MORATORIUM_CLASH && f.routeFid() != null),
                "a planned route through a street under moratorium");
        assertTrue(summary.get(FindingKind.CO_LAYING).savingEur() > 0);
        assertTrue(r.findings().stream().allMatch(f -> f.district() != null), "every finding lies in a district");

        java.io.StringWriter text = new java.io.StringWriter();
        FindingsJson.write(r, text);
        String json = text.toString();
        assertEquals(r.findings().size(), new ObjectMapper().readTree(json).get("findings").size());
        persons.remove(null);
        assertFalse(persons.isEmpty());
        for (String person : persons) {
            assertFalse(json.contains(person), person);
        }
        assertTrue(ContactList.of(r.findings()).organisations().stream()
                .noneMatch(o -> persons.contains(o.name())));
    }
}
