package de.trassenwerk.io.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.SourceSchema;
import de.trassenwerk.io.mapping.FieldMapping.Conversion;
import de.trassenwerk.io.mapping.FieldMapping.Rule;
import de.trassenwerk.io.mapping.MappingProblem.Kind;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the mapping editor builds and what it says before an import starts. */
class MappingCheckTest {
    private static final SourceSchema PORTAL = new SourceSchema("baustellen", List.of(
            FieldInfo.of("NUMMER_AB", FieldType.TEXT), FieldInfo.of("BEZEICHNUNG_BM", FieldType.TEXT),
            FieldInfo.of("ANLASS_TXT_BM", FieldType.TEXT), FieldInfo.of("BAUZEIT_BM", FieldType.TEXT),
            FieldInfo.of("title", FieldType.TEXT)), GeometryType.MULTIPOLYGON, 25832, null);
    private static final MappingTarget SITES = MappingTarget.forImport(ThemeLayers.CONSTRUCTION_SITES, null, false);

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

    private static List<String> names(SourceSchema s) {
        return s.fields().stream().map(FieldInfo::name).toList();
    }

    private static List<MappingProblem> check(List<Rule> rules) {
        return MappingCheck.check(new FieldMapping(null, ThemeLayers.CONSTRUCTION_SITES, rules, null), PORTAL, SITES);
    }

    @Test
    void aNewMappingTakesOnlyTheFieldsTheThemeLayerHasByName() {
        assertEquals(List.of(Rule.copy("title", "title")), RuleEdits.byName(names(PORTAL), SITES));
    }

    @Test
    void aNewMappingIntoANewLayerTakesEveryFieldAndRenamesTheLayersOwnColumns() {
        MappingTarget fresh = MappingTarget.forImport("baustellen_2025", null, false);
        assertTrue(fresh.open());
        assertEquals(List.of(Rule.copy("fid", "fid_2"), Rule.copy("Name", "Name"), Rule.copy("name", "name_2")),
                RuleEdits.byName(List.of("fid", "Name", "name"), fresh));
    }

    @Test
    void anExistingLayerThatIsKeptGivesTheFieldsOtherwiseTheThemeLayer() {
        LayerSchema existing = LayerSchema.features(ThemeLayers.CONSTRUCTION_SITES, GeometryType.MULTIPOLYGON, 25832,
                List.of(new FieldInfo("site_ref", FieldType.TEXT, false), FieldInfo.of("remark", FieldType.TEXT)));
        MappingTarget appended = MappingTarget.forImport(ThemeLayers.CONSTRUCTION_SITES, existing, true);
        assertEquals(List.of("site_ref", "remark"), appended.fieldNames());
        assertEquals(List.of("site_ref"), appended.required().stream().map(FieldInfo::name).toList());
        MappingTarget replaced = MappingTarget.forImport(ThemeLayers.CONSTRUCTION_SITES, existing, false);
        assertEquals(ThemeLayers.schema(ThemeLayers.CONSTRUCTION_SITES).fields(), replaced.fields());
    }

    @Test
    void theNextRuleReadsTheFirstUnreadFieldIntoTheFirstUnfilledOne() {
        List<Rule> rules = List.of(Rule.copy("NUMMER_AB", "site_ref"));
        assertEquals(new Rule("BEZEICHNUNG_BM", List.of("title"), Conversion.COPY, null, null, null, null),
                RuleEdits.next(rules, names(PORTAL), SITES));
        assertEquals(new Rule("title", List.of("title"), Conversion.COPY, null, null, null, null),
                RuleEdits.next(List.of(Rule.copy("NUMMER_AB", "site_ref"), Rule.copy("BEZEICHNUNG_BM", "kind"),
                        Rule.copy("ANLASS_TXT_BM", "organisation"), Rule.copy("BAUZEIT_BM", "contact_person")),
                        names(PORTAL), SITES), "the source field of the same name as a target field goes there");
    }

    @Test
    void aDateRangeGoesIntoTheLayersStartAndEndDates() {
        Rule r = RuleEdits.withConversion(RuleEdits.withFrom(Rule.copy("x", "title"), "BAUZEIT_BM"),
                Conversion.GERMAN_DATE_RANGE, SITES);
        assertEquals(new Rule("BAUZEIT_BM", List.of("start_date", "end_date"), Conversion.GERMAN_DATE_RANGE, null, null,
                null, null), r);
        assertEquals(List.of(), check(List.of(r)));
        Rule fromEnd = RuleEdits.withConversion(Rule.copy("BAUZEIT_BM", "end_date"), Conversion.GERMAN_DATE_RANGE, SITES);
        assertEquals(List.of("end_date", "start_date"), fromEnd.to(), "the chosen date field stays the start");
    }

    @Test
    void changingTheConversionKeepsWhatStillApplies() {
        Rule classify = FieldMapping.shipped("dugis-construction-sites").orElseThrow().fields().get(2);
        Rule lookup = RuleEdits.withConversion(classify, Conversion.LOOKUP, SITES);
        assertEquals(classify.keywords(), lookup.values());
        assertEquals("road_renewal", lookup.otherwise());
        Rule constant = RuleEdits.withConversion(lookup, Conversion.CONSTANT, SITES);
        assertEquals(new Rule(null, List.of("kind"), Conversion.CONSTANT, null, null, null, ""), constant);
        assertEquals(List.of(MappingProblem.of(Kind.VALUE_MISSING, 1, 1)), check(List.of(constant)));
        Rule copy = RuleEdits.withConversion(constant, Conversion.COPY, SITES);
        assertEquals(List.of(MappingProblem.of(Kind.SOURCE_MISSING, 1, 1)), check(List.of(copy)));
    }

    @Test
    void aValueTableKeepsItsOrderAndLeavesOutEntriesWithoutKey() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("Abwasser", "sewer");
        entries.put("", "ignored");
        entries.put("Wasser", "water");
        Rule r = RuleEdits.withTable(new Rule("ANLASS_TXT_BM", List.of("kind"), Conversion.CLASSIFY, null, Map.of(), null,
                null), entries, " ");
        assertEquals(List.of("Abwasser", "Wasser"), new ArrayList<>(r.keywords().keySet()));
        assertEquals(null, r.otherwise(), "a blank otherwise means: other values fail");
        BoundMapping b = new BoundMapping(new FieldMapping(null, null, List.of(r), null), List.of("ANLASS_TXT_BM"),
                ThemeLayers.schema(ThemeLayers.CONSTRUCTION_SITES));
        assertEquals("sewer", b.apply(Map.of("ANLASS_TXT_BM", "Abwasserkanal erneuern"), null).get("kind"));
    }

    @Test
    void everyProblemIsListedWithItsRule() {
        List<Rule> rules = List.of(
                Rule.copy("NUMMER_AB", "site_ref"),
                Rule.copy("BEZEICHNUNG_BM", "title"),
                Rule.copy("STRASSE", "title"),
                new Rule(null, List.of("open_trench"), Conversion.CONSTANT, null, null, null, "vielleicht"),
                Rule.copy("ANLASS_TXT_BM", "remark"),
                new Rule("BAUZEIT_BM", List.of("start_date", "start_date"), Conversion.GERMAN_DATE_RANGE, null, null, null,
                        null),
                new Rule("ANLASS_TXT_BM", List.of("kind"), Conversion.LOOKUP, Map.of(), null, null, null),
                new Rule("NUMMER_AB", List.of(""), Conversion.COPY, null, null, null, null));
        List<MappingProblem> problems = check(rules);
        List<String> messages = problems.stream().map(MappingProblem::message).toList();
        assertEquals(List.of(
                "Rule 3 reads \"STRASSE\", which this source does not have",
                "Rule 4: the constant \"vielleicht\" is not a valid BOOLEAN value for field \"open_trench\"",
                "Rule 5 writes \"remark\", which layer \"construction_sites\" does not have",
                "Rule 7: the table is empty and there is no \"otherwise\" value, so every value would fail",
                "Rule 8: choose the target field (a date range needs two)",
                "Target field \"title\" is filled more than once (rules 2, 3)",
                "Target field \"start_date\" is filled more than once (rule 6)"), messages);
        assertEquals(List.of(2, 3), problems.get(5).rules(), "both rules that fill title are marked");
        assertEquals(List.of(3), problems.get(0).rules());
    }

    @Test
    void aMappingWithoutRulesWouldImportOnlyGeometries() {
        List<MappingProblem> p = check(List.of());
        assertEquals(List.of("The mapping has no rules yet: only the geometries would be imported"),
                p.stream().map(MappingProblem::message).toList());
        assertEquals(List.of(), p.get(0).rules());
        assertFalse(MappingCheck.savable(p));
    }

    @Test
    void onlyUnfinishedRulesKeepAMappingFromBeingSaved() {
        assertTrue(MappingCheck.savable(check(List.of(Rule.copy("STRASSE", "title"), Rule.copy("NUMMER_AB", "title")))));
        assertFalse(MappingCheck.savable(check(List.of(new Rule(null, List.of("title"), Conversion.COPY, null, null, null,
                null)))));
    }

    @Test
    void aRequiredFieldOfTheExistingLayerMustBeFilled() {
        LayerSchema existing = LayerSchema.features("baustellen", GeometryType.MULTIPOLYGON, 25832,
                List.of(new FieldInfo("ref", FieldType.TEXT, false), FieldInfo.of("title", FieldType.TEXT)));
        MappingTarget target = MappingTarget.forImport("baustellen", existing, true);
        List<MappingProblem> p = MappingCheck.check(new FieldMapping(null, null, List.of(Rule.copy("BEZEICHNUNG_BM",
                "title")), null), PORTAL, target);
        assertEquals(List.of("Field \"ref\" of layer \"baustellen\" must have a value, but no rule fills it"),
                p.stream().map(MappingProblem::message).toList());
    }

    @Test
    void linesIntoThePolygonLayerNeedFootprints() {
        SourceSchema lines = new SourceSchema("baustellen", PORTAL.fields(), GeometryType.MULTILINESTRING, 25832, null);
        FieldMapping m = new FieldMapping(null, null, List.of(Rule.copy("BEZEICHNUNG_BM", "title")), null);
        assertEquals(List.of(MappingProblem.of(Kind.NEEDS_FOOTPRINTS, 0, ThemeLayers.CONSTRUCTION_SITES)),
                MappingCheck.check(m, lines, SITES));
        FieldMapping withFootprints = new FieldMapping(null, null, m.fields(),
                new FieldMapping.Footprints(8.0, "streets", "width_m", 15.0));
        assertEquals(List.of(), MappingCheck.check(withFootprints, lines, SITES));
    }

    @Test
    void theShippedMappingsFitTheirLayers() {
        for (String name : FieldMapping.shippedNames()) {
            FieldMapping m = FieldMapping.shipped(name).orElseThrow();
            MappingTarget t = MappingTarget.forImport(m.layer(), null, false);
            List<FieldInfo> fields = m.fields().stream().map(Rule::from).filter(f -> f != null)
                    .map(f -> FieldInfo.of(f, FieldType.TEXT)).toList();
            assertEquals(List.of(), MappingCheck.check(m, new SourceSchema(name, fields, GeometryType.MULTIPOLYGON, 25832,
                    null), t), name);
        }
    }

    @Test
    void savingReplacesTheFileInOneStepAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("baustellen.json");
        Files.writeString(file, "old");
        FieldMapping m = new FieldMapping("Baustellen", ThemeLayers.CONSTRUCTION_SITES, List.of(
                Rule.copy("BEZEICHNUNG_BM", "title"),
                new Rule("BAUZEIT_BM", List.of("start_date", "end_date"), Conversion.GERMAN_DATE_RANGE, null, null, null,
                        null),
                new Rule(null, List.of("status"), Conversion.CONSTANT, null, null, null, "planned")), null);
        m.write(file);
        assertEquals(m, FieldMapping.read(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }
}
