package de.trassenwerk.store;

import static de.trassenwerk.testing.Fixtures.attrs;
import static de.trassenwerk.testing.Fixtures.wkt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The construction-site time filter on a real GeoPackage. */
class WorksPeriodTest {
    @TempDir
    Path dir;

    @Test
    void worksOnAtAnyTimeInThePeriodPassWhateverTheirStatus() {
        LayerSchema sites = LayerSchema.features("construction_sites", GeometryType.MULTIPOLYGON, 25832,
                List.of(FieldInfo.of("site_ref", FieldType.TEXT), FieldInfo.of("status", FieldType.TEXT),
                        FieldInfo.of("start_date", FieldType.DATE), FieldInfo.of("end_date", FieldType.DATE)));
        try (GeoPackageStore s = GeoPackageStore.create(dir.resolve("works.gpkg"))) {
            s.createLayer(sites);
            ChangeSet cs = new ChangeSet();
            Object[][] rows = {
                {"before", "done", "2025-01-01", "2025-12-31"},
                {"ends-on-first-day", "done", "2025-06-01", "2026-03-01"},
                {"inside", "active", "2026-03-10", "2026-03-20"},
                {"spans", "active", "2025-01-01", "2027-01-01"},
                {"starts-on-last-day", "planned", "2026-03-31", "2026-05-01"},
                {"open-ended", "active", "2026-01-01", null},
                {"after", "planned", "2026-04-01", "2026-05-01"},
                {"open-ended-later", "planned", "2026-04-02", null},
            };
            for (Object[] r : rows) {
                cs.insert("construction_sites", Feature.create(wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))"),
                        attrs("site_ref", r[0], "status", r[1], "start_date", r[2], "end_date", r[3])));
            }
            s.apply(cs);
            WorksPeriod march = WorksPeriod.parse("2026-03-01..2026-03-31");
            List<String> refs = s.read("construction_sites", Query.where(march.filter()).orderedBy("fid", true))
                    .stream().map(f -> f.getString("site_ref")).toList();
            assertEquals(List.of("ends-on-first-day", "inside", "spans", "starts-on-last-day", "open-ended"), refs);
            assertEquals(3, s.count("construction_sites", Query.where(WorksPeriod.day(LocalDate.of(2026, 3, 15)).filter())));
        }
    }

    @Test
    void parsesDaysAndPeriodsAndRejectsTheRest() {
        assertEquals(WorksPeriod.day(LocalDate.of(2026, 9, 1)), WorksPeriod.parse("2026-09-01"));
        assertEquals(new WorksPeriod(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30)),
                WorksPeriod.parse(" 2026-01-01 .. 2026-06-30 "));
        assertThrows(IllegalArgumentException.class, () -> WorksPeriod.parse("01.03.2026"));
        assertThrows(IllegalArgumentException.class, () -> WorksPeriod.parse("2026-06-30..2026-01-01"));
    }
}
