package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.coordination.FindingKind;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.Feature;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The coordination panel on (a writable copy of) the sample city, used as a coordinator would. */
@ExtendWith(ApplicationExtension.class)
class CoordinationPanelTest {
    @TempDir
    static Path dir;
    private static Path city;

    private CoordinationPanel panel;
    private final AtomicReference<FindingFocus> focus = new AtomicReference<>();

    @BeforeAll
    static void copySampleCity() throws Exception {
        city = dir.resolve("duisburg.gpkg");
        Files.copy(Fixtures.sampleCity(), city);
        city.toFile().setWritable(true);
    }

    @Start
    void start(Stage stage) {
        panel = new CoordinationPanel(city);
        panel.setOnFindingFocus(focus::set);
        stage.setScene(new Scene(panel, 1200, 740));
        stage.show();
    }

    @Test
    void runShowsFindingsOfEveryKindTotalsAndTheChartAndSavesThem(FxRobot robot) throws Exception {
        robot.clickOn("#coordinationRun");
        waitUntil(() -> !panel.shownRows().isEmpty());

        List<FindingRow> rows = onFx(panel::shownRows);
        for (FindingKind k : FindingKind.values()) {
            assertTrue(rows.stream().anyMatch(r -> r.finding().kind() == k), k.key());
        }
        assertEquals(FindingKind.CO_LAYING, rows.get(0).finding().kind(), "sorted by saving, largest first");
        assertTrue(rows.get(0).finding().savingEur() >= rows.get(1).finding().savingEur());
        String message = onFx(() -> robot.lookup("#coordinationMessage").queryAs(Label.class).getText());
        assertTrue(message.contains("2026-09-01"), message);

        XYChart.Series<String, Number> series = onFx(() -> panel.summaryView().chart().getData().get(0));
        assertFalse(onFx(() -> series.getData().isEmpty()), "savings by district");
        long charted = onFx(() -> series.getData().stream().mapToLong(d -> d.getYValue().longValue()).sum());
        long saving = rows.stream().filter(r -> r.finding().savingEur() != null)
                .mapToLong(r -> r.finding().savingEur()).sum();
        assertEquals(saving, charted);
        assertEquals(Integer.toString((int) rows.stream().filter(r -> r.finding().kind() == FindingKind.DOUBLE_DIG).count()),
                onFx(() -> robot.lookup("#total-double_dig").queryAs(Label.class).getText()));
        TreeView<?> contacts = robot.lookup("#contactList").queryAs(TreeView.class);
        assertTrue(onFx(() -> contacts.getRoot().getChildren().size()) > 1);

        try (GeoPackageStore store = GeoPackageStore.open(city, GeoPackageStore.Mode.READ_ONLY)) {
            assertEquals(rows.size(), store.count(ThemeLayers.COORDINATION_FINDINGS, Query.ALL));
        }
    }

    @Test
    void filteringByKindSelectingAFindingAndRecordingItsStatus(FxRobot robot) throws Exception {
        robot.clickOn("#coordinationRun");
        waitUntil(() -> !panel.shownRows().isEmpty());

        ComboBox<String> kind = robot.lookup("#filterKind").queryComboBox();
        WaitForAsyncUtils.asyncFx(() -> kind.setValue(FindingKind.DOUBLE_DIG.key())).get(10, TimeUnit.SECONDS);
        List<FindingRow> rows = onFx(panel::shownRows);
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.finding().kind() == FindingKind.DOUBLE_DIG));

        TableView<?> table = robot.lookup("#findingsTable").queryAs(TableView.class);
        WaitForAsyncUtils.asyncFx(() -> table.getSelectionModel().select(0)).get(10, TimeUnit.SECONDS);
        waitUntil(() -> focus.get() != null);
        FindingFocus f = focus.get();
        assertEquals(rows.get(0).finding().id(), f.findingId());
        assertNotNull(f.site());
        assertNotNull(f.otherSite());
        assertNotNull(f.section());
        assertTrue(f.extent().contains(f.section().getEnvelopeInternal()));

        ComboBox<String> status = robot.lookup("#findingStatus").queryComboBox();
        WaitForAsyncUtils.asyncFx(() -> status.setValue("contacted")).get(10, TimeUnit.SECONDS);
        robot.clickOn("#findingComment");
        robot.write("Termin am Montag");
        robot.clickOn("#findingStatusSave");
        String id = rows.get(0).finding().id();
        waitUntil(() -> "contacted".equals(panel.shownRows().get(0).statusProperty().get()));

        try (GeoPackageStore store = GeoPackageStore.open(city, GeoPackageStore.Mode.READ_ONLY)) {
            List<Feature> saved = store.read(ThemeLayers.COORDINATION_FINDINGS,
                    Query.where(AttributeFilter.eq("finding_id", id)));
            assertEquals("contacted", saved.get(0).getString("user_status"));
            assertEquals("Termin am Montag", saved.get(0).getString("user_comment"));
        }

        Path csv = dir.resolve("doppelt.csv");
        onFx(() -> panel.exportCsv(csv)).get(20, TimeUnit.SECONDS);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(rows.size() + 1, lines.size());
        assertTrue(lines.get(0).endsWith(",saving_eur,user_status,user_comment"), lines.get(0));
        assertTrue(lines.get(1).endsWith(",contacted,Termin am Montag"), lines.get(1));
        assertFalse(Files.readString(csv).contains("Mustermann"));
        assertEquals("Termin am Montag", onFx(() -> robot.lookup("#findingComment").queryAs(TextField.class).getText()));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
