package de.trassenwerk.opendata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.trassenwerk.store.FieldType;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The policy file: its shipped default, strict reading, and the plan it makes of a GeoPackage's layers. */
class PublicationPolicyTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedDefaultIsTheDocumentedCopyInTheOpendataFolder() throws Exception {
        byte[] resource = PublicationPolicy.class.getResourceAsStream(PublicationPolicy.DEFAULT_RESOURCE).readAllBytes();
        assertArrayEquals(Files.readAllBytes(Path.of("opendata", "publication-policy.json")), resource,
                "opendata/publication-policy.json is the copy users read; keep it equal to the resource");
    }

    @Test
    void theDefaultSaysWhatTheCityPublishes() {
        PublicationPolicy p = PublicationPolicy.defaults();
        assertEquals(List.of("contact_person"), p.personalFields());
        for (String pub : List.of("construction_sites", "commercial_sites", "coverage_cells", "districts", "quarters",
                "streets", "land_use_plans")) {
            assertEquals(LayerAccess.PUBLIC, p.rule(pub).orElseThrow().access(), pub);
        }
        assertEquals(LayerAccess.RESTRICTED, p.rule("conduits").orElseThrow().access());
        assertEquals(LayerAccess.RESTRICTED, p.rule("network_nodes").orElseThrow().access());
        for (String internal : List.of("planned_routes", "coordination_findings", "review_notes")) {
            assertEquals(LayerAccess.INTERNAL, p.rule(internal).orElseThrow().access(), internal);
        }
        assertTrue(p.rule("conduits").orElseThrow().reason().contains("TKG § 79"));
        assertEquals(List.of(RowCondition.in("status", List.of("planned", "approved", "active"))),
                p.rule("construction_sites").orElseThrow().rows());
        DatasetInfo sites = p.rule("construction_sites").orElseThrow().dataset();
        assertEquals(Licence.DL_DE_BY_2_0, sites.licence());
        assertEquals("http://dcat-ap.de/def/licenses/dl-by-de/2.0", sites.licence().uri());
        assertEquals("05112000", p.catalogue().municipalityKey());
        assertTrue(sites.contactPoint().email().startsWith("opendata@"), "a team mailbox");
    }

    @Test
    void deniedByDefaultUnlistedLayersAndFieldsAreWithheldWithTheirReason() {
        List<LayerInfo> layers = List.of(info(ThemeLayers.schema("construction_sites")),
                info(LayerSchema.features("parking_permits", de.trassenwerk.store.GeometryType.POINT, 25832,
                        List.of(de.trassenwerk.store.FieldInfo.of("holder", FieldType.TEXT)))),
                info(ThemeLayers.schema("conduits")), info(ThemeLayers.schema("quarters")));
        PublicationPlan plan = PublicationPlanner.plan(PublicationPolicy.defaults(), layers, null);
        assertEquals(List.of(new WithheldLayer("parking_permits", Reason.NOT_IN_POLICY, null)),
                plan.withheld().stream().filter(w -> w.layer().equals("parking_permits")).toList());
        PlannedDataset sites = plan.datasets().get(0);
        FieldDecision person = sites.fields().stream().filter(f -> f.field().equals("contact_person")).findFirst().orElseThrow();
        assertEquals(Reason.PERSONAL, person.reason());
        assertTrue(sites.output().field("contact_person").isEmpty());
        assertEquals(List.of("construction_sites", "quarters_free_ducts", "quarters"),
                plan.datasets().stream().map(PlannedDataset::outputLayer).toList());
    }

    @Test
    void onlyTheSelectedLayersArePublished() {
        List<LayerInfo> layers = List.of(info(ThemeLayers.schema("construction_sites")), info(ThemeLayers.schema("quarters")));
        PublicationPlan plan = PublicationPlanner.plan(PublicationPolicy.defaults(), layers, List.of("QUARTERS"));
        assertEquals(List.of("quarters"), plan.datasets().stream().map(PlannedDataset::outputLayer).toList());
        assertEquals(Reason.NOT_SELECTED, plan.withheld().get(0).reason());
    }

    @Test
    void aRowConditionOnAMissingFieldWithholdsTheLayerRatherThanPublishUncheckedRows() {
        LayerSchema s = ThemeLayers.schema("construction_sites");
        List<de.trassenwerk.store.FieldInfo> fields = new ArrayList<>(s.fields());
        fields.removeIf(f -> f.name().equals("status"));
        LayerInfo noStatus = info(LayerSchema.features(s.name(), s.geometryType(), 25832, fields));
        PublicationPlan plan = PublicationPlanner.plan(PublicationPolicy.defaults(), List.of(noStatus), null);
        assertEquals(List.of(new WithheldLayer("construction_sites", Reason.CONDITION_FIELD_MISSING, "status")),
                plan.withheld());
    }

    @Test
    void aMisspeltEntryIsAnErrorNotASilentlyMissingRule() {
        PolicyException e = assertThrows(PolicyException.class, () -> edited(p -> {
            p.set("persnal_fields", p.remove("personal_fields"));
        }));
        assertEquals("opendata.policy.error.unknownKey", e.key());
        assertTrue(e.getMessage().contains("persnal_fields"), e.getMessage());
        e = assertThrows(PolicyException.class, () -> edited(p -> field(p, "construction_sites").put("start_date", "mnth")));
        assertTrue(e.getMessage().contains("layers.construction_sites.fields.start_date"), e.getMessage());
    }

    @Test
    void aPersonalFieldCanOnlyBeDropped() {
        PolicyException e = assertThrows(PolicyException.class,
                () -> edited(p -> field(p, "commercial_sites").put("contact_person", "keep")));
        assertEquals("opendata.policy.error.personalKept", e.key());
    }

    @Test
    void datasetNamesFollowThePortalRule() {
        PolicyException e = assertThrows(PolicyException.class, () -> edited(p -> ((ObjectNode) p.get("layers")
                .get("streets").get("dataset")).put("name", "Straßen Duisburg")));
        assertEquals("opendata.policy.error.datasetName", e.key());
        assertTrue(PolicyReader.NAME.matcher("duisburg-baustellen_2").matches());
        assertTrue(!PolicyReader.NAME.matcher("x").matches() && !PolicyReader.NAME.matcher("a".repeat(101)).matches());
    }

    @Test
    void anAggregateCannotTakeTheNameOfALayer() {
        PolicyException e = assertThrows(PolicyException.class, () -> edited(p -> ((ObjectNode) p.get("layers")
                .get("conduits").get("aggregate")).put("layer", "quarters")));
        assertEquals("opendata.policy.error.duplicate", e.key());
    }

    @Test
    void licencesAreTheDcatApDeOnes() {
        assertEquals("http://dcat-ap.de/def/licenses/cc-by-de/3.0", Licence.byId("cc-by-de/3.0").orElseThrow().uri());
        PolicyException e = assertThrows(PolicyException.class,
                () -> edited(p -> ((ObjectNode) p.get("catalogue")).put("licence", "cc-by-sa")));
        assertEquals("opendata.policy.error.licence", e.key());
    }

    @Test
    void notJsonNamesTheLine() {
        PolicyException e = assertThrows(PolicyException.class, () -> PublicationPolicy.parse("{\n\"format\": ,", "x.json"));
        assertEquals("opendata.policy.error.json", e.key());
        assertEquals(2, e.args()[3]);
    }

    @Test
    void aPolicyWithoutItsOwnListStillDropsContactPerson() throws Exception {
        PublicationPolicy p = edited(n -> n.remove("personal_fields"));
        assertTrue(p.isPersonal("contact_person"));
        assertNull(p.rule("water").orElse(null));
    }

    private static PublicationPolicy edited(Consumer<ObjectNode> change) throws Exception {
        ObjectNode p = (ObjectNode) JSON.readTree(PublicationPolicy.class.getResourceAsStream(PublicationPolicy.DEFAULT_RESOURCE));
        change.accept(p);
        return PublicationPolicy.parse(p.toString(), "test.json");
    }

    private static ObjectNode field(ObjectNode p, String layer) {
        return (ObjectNode) p.get("layers").get(layer).get("fields");
    }

    private static LayerInfo info(LayerSchema s) {
        return new LayerInfo(s, "EPSG:25832", 0, null);
    }
}
