package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The import wizard clicked through as a planner would: source, preview, choices, import. */
@ExtendWith(ApplicationExtension.class)
class ImportWizardTest {
    @TempDir
    static Path dir;
    static Path source;

    private ImportWizard wizard;
    private final AtomicReference<Path> imported = new AtomicReference<>();
    private Path target;

    @BeforeAll
    static void englishAndASource() throws Exception {
        Messages.setLocale(Locale.ENGLISH);
        source = dir.resolve("sites.geojson");
        Files.writeString(source, """
                {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:25832"}},"features":[
                {"type":"Feature","properties":{"ref":"A"},"geometry":{"type":"Polygon","coordinates":[[[343000,5702000],[343100,5702000],[343100,5702100],[343000,5702100],[343000,5702000]]]}},
                {"type":"Feature","properties":{"ref":"bow"},"geometry":{"type":"Polygon","coordinates":[[[343200,5702000],[343300,5702100],[343300,5702000],[343200,5702100],[343200,5702000]]]}},
                {"type":"Feature","properties":{"ref":"C"},"geometry":{"type":"Polygon","coordinates":[[[344000,5702000],[344100,5702000],[344100,5702100],[344000,5702100],[344000,5702000]]]}}]}
                """);
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
        wizard = ImportWizard.show(owner, target, imported::set);
    }

    private void openSource(FxRobot robot) throws Exception {
        robot.clickOn("#importSource").write(source.toString());
        robot.clickOn("#importOpen");
        waitUntil(() -> robot.lookup("#importPreviewCaption").queryAs(Label.class).getText().startsWith("3 features"));
        assertEquals("EPSG:25832", onFx(() -> robot.lookup("#importCrs").<javafx.scene.control.ComboBox<String>>query().getValue()));
    }

    @Test
    void invalidGeometriesAreListedAndNothingIsWrittenUnlessLeftOut(FxRobot robot) throws Exception {
        openSource(robot);
        robot.clickOn("#importGo");
        waitUntil(() -> robot.lookup("#importReport").queryAs(TextArea.class).getText().contains("cannot be imported"));
        String failure = onFx(() -> robot.lookup("#importReport").queryAs(TextArea.class).getText());
        assertTrue(failure.contains("sites.geojson, feature 2 (line 3): invalid geometry: Self-intersection"), failure);
        assertFalse(Files.exists(target));

        robot.clickOn("#importInvalidSkip");
        robot.clickOn("#importGo");
        waitUntil(() -> robot.lookup("#importStatus").queryAs(Label.class).getText().equals("Import finished"));
        String report = onFx(() -> robot.lookup("#importReport").queryAs(TextArea.class).getText());
        assertTrue(report.contains("Added 2"), report);
        assertTrue(report.contains("Left out 1 features"), report);
        assertEquals(target, imported.get());
        try (GeoPackageStore s = GeoPackageStore.open(target, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(2, s.count("sites", Query.ALL), "the target layer is named after the source layer");
        }
    }

    @Test
    void anExistingLayerIsReplacedOnlyWhenChosen(FxRobot robot) throws Exception {
        openSource(robot);
        robot.clickOn("#importInvalidRepair");
        robot.clickOn("#importGo");
        waitUntil(() -> robot.lookup("#importStatus").queryAs(Label.class).getText().equals("Import finished"));
        assertTrue(onFx(() -> robot.lookup("#importReport").queryAs(TextArea.class).getText()).contains("Repaired 1"));
        robot.clickOn("#importGo");
        waitUntil(() -> robot.lookup("#importReport").queryAs(TextArea.class).getText().contains("exists already"));
        robot.clickOn("#importMode").clickOn("Replace the layer");
        robot.clickOn("#importGo");
        waitUntil(() -> robot.lookup("#importStatus").queryAs(Label.class).getText().equals("Import finished"));
        try (GeoPackageStore s = GeoPackageStore.open(target, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(3, s.count("sites", Query.ALL));
        }
        onFx(() -> {
            wizard.stage().close();
            return null;
        });
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
