package de.trassenwerk.io.mapping;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SourcePosition;
import de.trassenwerk.store.ThemeLayers;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldMappingTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(Messages.defaultLocale());
    }

    @Test
    void germanDateRangesWithTwoDigitYearsIn20yy() {
        assertEquals(Optional.of(new GermanDates.Range(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 30))),
                GermanDates.range("01.03.25 - 30.06.25"));
        assertEquals(Optional.of(new GermanDates.Range(LocalDate.of(2024, 12, 1), LocalDate.of(2026, 1, 31))),
                GermanDates.range(" 1.12.2024–31.01.26 "));
        assertEquals(Optional.of(new GermanDates.Range(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 1))),
                GermanDates.range("01.03.25"), "one day");
        assertEquals(Optional.empty(), GermanDates.range("30.06.25 - 01.03.25"), "ends before it starts");
        assertEquals(Optional.empty(), GermanDates.range("31.02.25 - 30.06.25"), "no such day");
        assertEquals(Optional.empty(), GermanDates.range("März bis Juni"));
    }

    @Test
    void shippedMappingsAreTheFilesInTheMappingsFolder() throws Exception {
        for (String name : FieldMapping.shippedNames()) {
            byte[] folder = Files.readAllBytes(Path.of("mappings", name + ".json"));
            try (InputStream in = FieldMapping.class.getResourceAsStream(name + ".json")) {
                assertArrayEquals(folder, in.readAllBytes(), name);
            }
            assertEquals(FieldMapping.read(Path.of("mappings", name + ".json")), FieldMapping.shipped(name).orElseThrow());
        }
    }

    @Test
    void aSavedMappingReadsBackTheSame() {
        FieldMapping m = FieldMapping.shipped("dugis-construction-sites").orElseThrow();
        Path f = dir.resolve("copy.json");
        m.write(f);
        assertEquals(m, FieldMapping.read(f));
    }

    @Test
    void theConstructionSiteMappingTurnsTrafficPortalFieldsIntoOurs() {
        FieldMapping m = FieldMapping.shipped("dugis-construction-sites").orElseThrow();
        BoundMapping b = new BoundMapping(m, List.of("OBJECTID", "NUMMER_AB", "BEZEICHNUNG_BM", "ANLASS_TXT_BM", "BAUZEIT_BM"),
                ThemeLayers.schema(ThemeLayers.CONSTRUCTION_SITES));
        Map<String, Object> src = new HashMap<>();
        src.put("OBJECTID", 7L);
        src.put("NUMMER_AB", 20250117L);
        src.put("BEZEICHNUNG_BM", "Düsseldorfer Straße, Höhe Nr. 12");
        src.put("ANLASS_TXT_BM", "Abwasserkanal erneuern");
        src.put("BAUZEIT_BM", "01.03.25 - 30.06.25");
        Map<String, Object> out = b.apply(src, SourcePosition.feature("layer 0", 3, 0));
        assertEquals("20250117", out.get("site_ref"));
        assertEquals("sewer", out.get("kind"));
        assertEquals("2025-03-01", out.get("start_date"));
        assertEquals("2025-06-30", out.get("end_date"));
        assertEquals("approved", out.get("status"));
        assertEquals(List.of("OBJECTID"), b.unmappedSourceFields());
        src.put("ANLASS_TXT_BM", "Gasleitung");
        assertEquals("gas", b.apply(src, SourcePosition.feature("layer 0", 3, 0)).get("kind"));
        src.put("ANLASS_TXT_BM", "Fahrbahndecke");
        assertEquals("road_renewal", b.apply(src, SourcePosition.feature("layer 0", 3, 0)).get("kind"));

        src.put("BAUZEIT_BM", "ab März 2025");
        ReadException e = assertThrows(ReadException.class, () -> b.apply(src, SourcePosition.feature("layer 0", 3, 0)));
        assertEquals("layer 0, feature 3: \"ab März 2025\" in field BAUZEIT_BM is not a date range like 01.03.25 - 30.06.25",
                e.getMessage());
    }

    @Test
    void districtsMappingAndFieldsThatDoNotExist() {
        FieldMapping m = FieldMapping.shipped("dugis-districts").orElseThrow();
        BoundMapping b = new BoundMapping(m, List.of("stbnr", "StbName", "SHAPE_Area"), ThemeLayers.schema(ThemeLayers.DISTRICTS));
        Map<String, Object> out = b.apply(Map.of("stbnr", 5.0, "StbName", "Mitte"), SourcePosition.record("d.shp", 1));
        assertEquals(Map.of("code", "5", "name", "Mitte"), out, "field names match whatever their case; 5.0 is code 5");
        MappingException missing = assertThrows(MappingException.class,
                () -> new BoundMapping(m, List.of("NR", "NAME"), ThemeLayers.schema(ThemeLayers.DISTRICTS)));
        assertTrue(missing.getMessage().contains("\"STBNR\""), missing.getMessage());
        assertTrue(missing.getMessage().contains("NR, NAME"), missing.getMessage());
    }

    @Test
    void malformedMappingFilesSayWhatIsWrong() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"fields\":[{\"from\":\"A\",\"to\":\"x\"},{\"from\":\"B\",\"to\":\"y\",\"convert\":\"german_date_range\"}]}");
        MappingException e = assertThrows(MappingException.class, () -> FieldMapping.read(f));
        assertEquals(f + ", rule 2: needs 2 target field(s) in \"to\"", e.getMessage());
        Files.writeString(f, "{\"fields\":[{\"from\":\"A\",\"to\":\"x\",\"convert\":\"uppercase\"}]}");
        assertTrue(assertThrows(MappingException.class, () -> FieldMapping.read(f)).getMessage().contains("not a valid mapping"));
    }
}
