package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.cli.TrassenwerkCommand;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.mapping.FieldMapping;
import de.trassenwerk.io.mapping.FieldMapping.Conversion;
import de.trassenwerk.io.mapping.FieldMapping.Rule;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The field mapping edited in the import wizard as a planner would: a new mapping for the traffic
 * portal's construction sites, rules added and changed in the table, the check that stops Import,
 * saving, loading again, importing with it in the wizard and with the command line.
 */
@ExtendWith(ApplicationExtension.class)
class ImportWizardMappingTest {
    @TempDir
    static Path dir;
    static Path source;
    static Path city;

    private ImportWizard wizard;
    private Path target;

    @BeforeAll
    static void englishAndAFeed() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        source = dir.resolve("baustellen.geojson");
        Files.writeString(source, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"features":[
                {"type":"Feature","properties":{"NUMMER_AB":"2025-0117","BEZEICHNUNG_BM":"Düsseldorfer Straße, Höhe Nr. 12","BAUZEIT_BM":"01.03.25 - 30.06.25","organisation":"Stadtwerke Duisburg"},"geometry":{"type":"Polygon","coordinates":[[[343000,5702000],[343100,5702000],[343100,5702010],[343000,5702010],[343000,5702000]]]}},
                {"type":"Feature","properties":{"NUMMER_AB":"2025-0204","BEZEICHNUNG_BM":"Mülheimer Straße, Leerrohrverlegung","BAUZEIT_BM":"15.07.25 – 31.12.2025","organisation":"DVV"},"geometry":{"type":"Polygon","coordinates":[[[344000,5702000],[344100,5702000],[344100,5702010],[344000,5702010],[344000,5702000]]]}}]}
                """);
        city = Fixtures.sampleCity();
    }

    @AfterAll
    static void restore() {
        Messages.setLocale(Messages.defaultLocale());
    }

    @Start
    void start(Stage owner) throws Exception {
        target = Files.createTempDirectory(dir, "t").resolve("out.gpkg");
        owner.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
        owner.show();
        wizard = ImportWizard.show(owner, target, p -> { });
    }

    @Test
    void aNewMappingIsEditedCheckedSavedLoadedAgainAndImportedWith(FxRobot robot) throws Exception {
        openSource(robot);
        chooseTargetLayer(robot, ThemeLayers.CONSTRUCTION_SITES);
        waitUntil(() -> table(robot).targetFields().contains("start_date"));

        robot.clickOn("#importNewMapping");
        assertEquals(List.of(Rule.copy("organisation", "organisation")), rules(robot), "by name: the one field both have");
        assertEquals("New mapping", comboText(robot));
        assertEquals("modified, not saved", text(robot, "#importMappingState"));

        robot.clickOn("#mappingAdd");
        robot.clickOn("#mappingAdd");
        robot.type(KeyCode.INSERT);
        assertEquals(List.of(Rule.copy("organisation", "organisation"), Rule.copy("NUMMER_AB", "site_ref"),
                Rule.copy("BEZEICHNUNG_BM", "title"), Rule.copy("BAUZEIT_BM", "kind")), rules(robot),
                "each new rule reads the next unread field into the next unfilled one");

        pick(robot, "ruleConvert", 3, "German date range (start, end)");
        assertEquals(new Rule("BAUZEIT_BM", List.of("start_date", "end_date"), Conversion.GERMAN_DATE_RANGE, null, null,
                null, null), rules(robot).get(3));
        assertTrue(isEnabled(robot, "#importGo"));

        robot.clickOn("#mappingAdd");
        assertEquals(List.of("Rule 5: choose the source field"), problems(robot));
        assertFalse(isEnabled(robot, "#importGo"), "an unfinished rule stops the import");
        assertFalse(isEnabled(robot, "#importSaveMapping"), "and cannot be saved");
        pick(robot, "ruleFrom", 4, "BEZEICHNUNG_BM");
        pick(robot, "ruleTo", 4, "title");
        assertEquals(Rule.copy("BEZEICHNUNG_BM", "title"), rules(robot).get(4));
        assertEquals(List.of("Target field \"title\" is filled more than once (rules 3, 5)"), problems(robot));
        assertFalse(isEnabled(robot, "#importGo"), "a target field filled twice stops the import");
        assertTrue(isEnabled(robot, "#importSaveMapping"), "but such a mapping may be saved and finished later");

        robot.clickOn(cell(robot, "ruleNumber", 4));
        robot.type(KeyCode.DELETE);
        assertEquals(4, rules(robot).size());
        assertEquals(List.of(), problems(robot));
        assertTrue(isEnabled(robot, "#importGo"));

        Path saved = dir.resolve("baustellen-mapping.json");
        AtomicReference<String> suggested = useDialog(robot, saved);
        robot.clickOn("#importSaveMapping");
        assertEquals("construction_sites-mapping.json", suggested.get());
        List<Rule> expected = List.of(Rule.copy("organisation", "organisation"), Rule.copy("NUMMER_AB", "site_ref"),
                Rule.copy("BEZEICHNUNG_BM", "title"), new Rule("BAUZEIT_BM", List.of("start_date", "end_date"),
                        Conversion.GERMAN_DATE_RANGE, null, null, null, null));
        FieldMapping written = FieldMapping.read(saved);
        assertEquals(expected, written.fields());
        assertEquals(ThemeLayers.CONSTRUCTION_SITES, written.layer());
        assertEquals("baustellen-mapping.json", comboText(robot));
        assertEquals("saved as " + saved, text(robot, "#importMappingState"));

        robot.clickOn("#importMapping").clickOn("Fields by name");
        assertEquals(List.of(), rules(robot));
        robot.clickOn("#importLoadMapping");
        assertEquals(expected, rules(robot), "the saved file loads as it was saved");

        robot.clickOn("#importGo");
        waitUntil(() -> text(robot, "#importStatus").equals("Import finished"));
        assertSites(target);

        Path cliTarget = dir.resolve("cli.gpkg");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = TrassenwerkCommand.execute(new String[] {"import", source.toString(), "--into", cliTarget.toString(),
            "--layer", ThemeLayers.CONSTRUCTION_SITES, "--mapping", saved.toString()}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, exit, err.toString());
        assertSites(cliTarget);
    }

    @Test
    void editingAShippedMappingMakesAModifiedCopyWithItsOwnKeywordsAndAddsToTheLayer(FxRobot robot) throws Exception {
        Path copy = target.resolveSibling("city.gpkg");
        Files.copy(city, copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().setWritable(true);
        robot.clickOn("#importTarget").push(KeyCode.CONTROL, KeyCode.A).write(copy.toString()).type(KeyCode.ENTER);
        openSource(robot);
        robot.clickOn("#importMapping").clickOn("dugis-construction-sites");
        assertEquals(ThemeLayers.CONSTRUCTION_SITES, onFx(() -> robot.lookup("#importTargetLayer")
                .<ComboBox<String>>query().getValue()), "the mapping names the layer it was made for");
        assertEquals("shipped with Trassenwerk; editing makes a copy", text(robot, "#importMappingState"));
        assertEquals(List.of("Rule 3 reads \"ANLASS_TXT_BM\", which this source does not have"), problems(robot));
        assertFalse(isEnabled(robot, "#importGo"));

        pick(robot, "ruleFrom", 2, "BEZEICHNUNG_BM");
        assertEquals("dugis-construction-sites (modified)", comboText(robot));
        assertEquals("modified, not saved", text(robot, "#importMappingState"));
        waitUntil(() -> robot.lookup("#mappingValues").query().isVisible());
        assertEquals(12, onFx(() -> valuesTable(robot).getItems().size()), "the keywords of the rule");
        robot.clickOn("#mappingValueAdd").write("Leerrohr").type(KeyCode.ENTER);
        robot.doubleClickOn(onFx(() -> robot.lookup("#mappingValuesTable .table-cell").match((TableCell<?, ?> c) ->
                c.getTableColumn() != null && "valueValue".equals(c.getTableColumn().getId()) && c.getIndex() == 12)
                .<Node>query()));
        robot.write("telecom").type(KeyCode.ENTER);
        Map<String, String> keywords = rules(robot).get(2).keywords();
        assertEquals(13, keywords.size());
        assertEquals(Map.entry("Leerrohr", "telecom"), List.copyOf(keywords.entrySet()).get(12), "the new keyword comes last");
        assertEquals("BEZEICHNUNG_BM", rules(robot).get(2).from());

        robot.clickOn("#importMode").clickOn("Add the features");
        waitUntil(() -> problems(robot).equals(List.of()));
        assertTrue(isEnabled(robot, "#importGo"));
        robot.clickOn("#importGo");
        waitUntil(() -> text(robot, "#importStatus").equals("Import finished"));
        try (GeoPackageStore s = GeoPackageStore.open(copy, GeoPackageStore.Mode.READ_ONLY)) {
            Map<String, Feature> added = new HashMap<>();
            s.read(ThemeLayers.CONSTRUCTION_SITES, Query.ALL).stream().filter(f -> f.getString("site_ref") != null
                    && f.getString("site_ref").startsWith("2025-0")).forEach(f -> added.put(f.getString("site_ref"), f));
            assertEquals(2, added.size());
            assertEquals("approved", added.get("2025-0117").getString("status"), "the shipped constant rule");
            assertEquals("2025-03-01", added.get("2025-0117").getString("start_date"));
            assertEquals("road_renewal", added.get("2025-0117").getString("kind"), "no keyword: otherwise");
            assertEquals("telecom", added.get("2025-0204").getString("kind"), "the keyword added in the wizard");
        }

        robot.clickOn("#importMapping").clickOn("dugis-construction-sites");
        assertEquals("ANLASS_TXT_BM", rules(robot).get(2).from(), "the shipped mapping is as it was");
        assertEquals(12, rules(robot).get(2).keywords().size());
        robot.clickOn("#importMapping").clickOn("dugis-construction-sites (modified)");
        assertEquals(keywords, rules(robot).get(2).keywords(), "the modified copy keeps its edits");
        onFx(() -> {
            wizard.stage().close();
            return null;
        });
    }

    @Test
    void intoANewLayerEverySourceFieldIsTakenAndAnyTargetNameCanBeTyped(FxRobot robot) throws Exception {
        openSource(robot);
        assertEquals("baustellen", onFx(() -> robot.lookup("#importTargetLayer").<ComboBox<String>>query().getValue()));
        waitUntil(() -> table(robot).targetFields().size() == 4);
        robot.clickOn("#importNewMapping");
        assertEquals(List.of(Rule.copy("NUMMER_AB", "NUMMER_AB"), Rule.copy("BEZEICHNUNG_BM", "BEZEICHNUNG_BM"),
                Rule.copy("BAUZEIT_BM", "BAUZEIT_BM"), Rule.copy("organisation", "organisation")), rules(robot));
        Node cell = cell(robot, "ruleTo", 1);
        robot.clickOn(cell);
        if (!onFx(() -> table(robot).getEditingCell() != null)) {
            robot.clickOn(cell);
        }
        robot.push(KeyCode.CONTROL, KeyCode.A).write("bezeichnung").type(KeyCode.ENTER);
        assertEquals(Rule.copy("BEZEICHNUNG_BM", "bezeichnung"), rules(robot).get(1));
        assertEquals(List.of(), problems(robot));
        robot.clickOn("#importGo");
        waitUntil(() -> text(robot, "#importStatus").equals("Import finished"));
        try (GeoPackageStore s = GeoPackageStore.open(target, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(List.of("NUMMER_AB", "bezeichnung", "BAUZEIT_BM", "organisation"),
                    s.schema("baustellen").fields().stream().map(f -> f.name()).toList());
        }
        onFx(() -> {
            wizard.stage().close();
            return null;
        });
    }

    // ---------------------------------------------------------------- steps

    private void openSource(FxRobot robot) throws Exception {
        robot.clickOn("#importSource").write(source.toString());
        robot.clickOn("#importOpen");
        waitUntil(() -> text(robot, "#importPreviewCaption").startsWith("2 features"));
        waitUntil(() -> table(robot).sourceFields().size() == 4);
    }

    private static void chooseTargetLayer(FxRobot robot, String name) throws Exception {
        robot.clickOn("#importTargetLayer .arrow-button");
        robot.clickOn(popupItem(robot, name).<Node>query());
        assertEquals(name, onFx(() -> robot.lookup("#importTargetLayer").<ComboBox<String>>query().getValue()));
    }

    /** Opens the combo box of a rule's cell (which opens its list) and clicks {@code item} in the list. */
    private static void pick(FxRobot robot, String column, int row, String item) throws Exception {
        Node cell = cell(robot, column, row);
        robot.clickOn(cell);
        if (!onFx(() -> table(robot).getEditingCell() != null)) {
            robot.clickOn(cell); // the first click selected the cell, the second starts editing it
        }
        waitUntil(() -> popupItem(robot, item).tryQuery().isPresent());
        robot.clickOn(popupItem(robot, item).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The entry {@code text} in the list of the combo box that is open. */
    private static NodeQuery popupItem(FxRobot robot, String text) {
        return robot.lookup(".combo-box-popup .list-cell").match((ListCell<?> c) -> text.equals(c.getText())
                && c.getScene() != null && c.getScene().getWindow() != null && c.getScene().getWindow().isShowing());
    }

    private static Node cell(FxRobot robot, String column, int row) throws Exception {
        return onFx(() -> robot.lookup("#importRules .table-cell").match((TableCell<?, ?> c) -> c.getTableColumn() != null
                && column.equals(c.getTableColumn().getId()) && c.getIndex() == row && !c.isEmpty()).<Node>query());
    }

    /** Lets the mapping's Load and Save dialogs answer {@code file}; the reference gets the name Save suggests. */
    private AtomicReference<String> useDialog(FxRobot robot, Path file) throws Exception {
        AtomicReference<String> suggested = new AtomicReference<>();
        onFx(() -> {
            wizard.mappingEditor().useFileDialog(new MappingEditor.FileDialog() {
                @Override
                public Path open(Window owner) {
                    return file;
                }

                @Override
                public Path save(Window owner, String suggestedName) {
                    suggested.set(suggestedName);
                    return file;
                }
            });
            return null;
        });
        return suggested;
    }

    private static void assertSites(Path gpkg) {
        try (GeoPackageStore s = GeoPackageStore.open(gpkg, GeoPackageStore.Mode.READ_ONLY)) {
            List<Feature> sites = s.read(ThemeLayers.CONSTRUCTION_SITES, Query.ALL).stream()
                    .sorted(Comparator.comparing(f -> f.getString("site_ref"))).toList();
            assertEquals(2, sites.size());
            Feature first = sites.get(0);
            assertEquals("2025-0117", first.getString("site_ref"));
            assertEquals("Düsseldorfer Straße, Höhe Nr. 12", first.getString("title"));
            assertEquals("Stadtwerke Duisburg", first.getString("organisation"));
            assertEquals("2025-03-01", first.getString("start_date"));
            assertEquals("2025-06-30", first.getString("end_date"));
            assertEquals(null, first.getString("kind"), "no rule fills it");
            assertEquals("2025-07-15", sites.get(1).getString("start_date"));
            assertEquals("2025-12-31", sites.get(1).getString("end_date"));
        }
    }

    // ---------------------------------------------------------------- reading the window

    private static MappingRuleTable table(FxRobot robot) {
        return robot.lookup("#importRules").queryAs(MappingRuleTable.class);
    }

    private static List<Rule> rules(FxRobot robot) throws Exception {
        return onFx(() -> List.copyOf(table(robot).getItems()));
    }

    private static TableView<?> valuesTable(FxRobot robot) {
        return robot.lookup("#mappingValuesTable").queryAs(TableView.class);
    }

    private static List<String> problems(FxRobot robot) throws Exception {
        return onFx(() -> robot.lookup("#importMappingProblems").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList());
    }

    private static String comboText(FxRobot robot) throws Exception {
        return onFx(() -> {
            ComboBox<Object> c = robot.lookup("#importMapping").queryAs(ComboBox.class);
            return c.getConverter().toString(c.getValue());
        });
    }

    private static String text(FxRobot robot, String id) throws Exception {
        return onFx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private static boolean isEnabled(FxRobot robot, String id) throws Exception {
        return onFx(() -> !robot.lookup(id).queryAs(Button.class).isDisabled());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
