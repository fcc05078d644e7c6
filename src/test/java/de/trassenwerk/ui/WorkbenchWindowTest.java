package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.app.WorkbenchApp;
import de.trassenwerk.render.Viewport;
import de.trassenwerk.sample.SampleCityGenerator;
import de.trassenwerk.sample.SampleCityWriter;
import de.trassenwerk.store.ThemeLayers;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main window on a generated sample city, clicked through as a user would. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    private static final int WHITE = 0xFFFFFFFF;

    @TempDir
    static Path dir;
    private static Path city;

    private MainWindow window;

    @BeforeAll
    static void writeSampleCity() {
        city = dir.resolve("city.gpkg");
        SampleCityWriter.write(city, 1, 1929, SampleCityGenerator.DEFAULT_REFERENCE_DATE, msg -> { });
    }

    @Start
    void start(Stage stage) {
        window = WorkbenchApp.showMainWindow(stage, city);
    }

    @Test
    void layerListShowsTheThemeLayersTopmostFirst(FxRobot robot) throws Exception {
        MapView map = robot.lookup("#mapView").queryAs(MapView.class);
        waitUntil(() -> map.framesShown() >= 1);
        LayerList list = robot.lookup("#layerList").queryAs(LayerList.class);
        List<String> names = onFx(() -> list.layers().stream().map(MapLayer::name).toList());
        assertTrue(names.containsAll(List.of(ThemeLayers.DISTRICTS, ThemeLayers.STREETS, ThemeLayers.COVERAGE_CELLS,
                ThemeLayers.NETWORK_NODES)), names::toString);
        assertTrue(names.indexOf(ThemeLayers.NETWORK_NODES) < names.indexOf(ThemeLayers.DISTRICTS),
                "nodes are drawn over districts, so they are listed above them");
    }

    @Test
    void mapIsDrawnAndNotBlank(FxRobot robot) throws Exception {
        MapView map = robot.lookup("#mapView").queryAs(MapView.class);
        waitUntil(() -> map.framesShown() >= 1);
        int[] pixels = onFx(map::copyOfShownPixels);
        assertNotNull(pixels);
        long coloured = java.util.Arrays.stream(pixels).filter(p -> p != WHITE).count();
        assertTrue(coloured > pixels.length / 20, "only " + coloured + " of " + pixels.length + " pixels drawn");
        String scale = onFx(() -> robot.lookup("#statusScale").queryAs(javafx.scene.control.TextField.class).getText());
        assertTrue(scale.matches("1:[\\d.,\u00a0 ]+"), scale);
    }

    @Test
    void untickingALayerDrawsTheMapWithoutIt(FxRobot robot) throws Exception {
        MapView map = robot.lookup("#mapView").queryAs(MapView.class);
        waitUntil(() -> map.framesShown() >= 1);
        int before = onFx(map::framesShown);
        assertTrue(onFx(map::layers).contains(ThemeLayers.COVERAGE_CELLS));

        String title = onFx(() -> robot.lookup("#layerList").queryAs(LayerList.class).layers().stream()
                .filter(l -> l.name().equals(ThemeLayers.COVERAGE_CELLS)).findFirst().orElseThrow().title());
        Node cell = robot.lookup((Node n) -> n instanceof TreeCell<?> c && title.equals(c.getText())).query();
        CheckBox box = robot.from(cell).lookup(".check-box").queryAs(CheckBox.class);
        robot.clickOn(box);

        waitUntil(() -> map.framesShown() > before);
        assertFalse(onFx(box::isSelected));
        assertFalse(onFx(map::layers).contains(ThemeLayers.COVERAGE_CELLS));
        assertEquals(0, (int) onFx(() -> map.lastFrameProperty().get().featuresDrawn()
                .getOrDefault(ThemeLayers.COVERAGE_CELLS, 0)));
    }

    @Test
    void altUpMovesTheSelectedLayerAndTheMapIsDrawnInTheNewOrder(FxRobot robot) throws Exception {
        MapView map = robot.lookup("#mapView").queryAs(MapView.class);
        waitUntil(() -> map.framesShown() >= 1);
        LayerList list = robot.lookup("#layerList").queryAs(LayerList.class);
        String title = onFx(() -> list.layers().stream().filter(l -> l.name().equals(ThemeLayers.WATER))
                .findFirst().orElseThrow().title());
        List<String> before = onFx(map::layers);
        int frames = onFx(map::framesShown);
        robot.clickOn((Node n) -> n instanceof TreeCell<?> c && title.equals(c.getText()));
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        waitUntil(() -> map.framesShown() > frames && !map.layers().equals(before));
        List<String> after = onFx(map::layers);
        int i = before.indexOf(ThemeLayers.WATER);
        assertEquals(before.get(i + 1), after.get(i), "the layer above water is now below it");
        assertEquals(ThemeLayers.WATER, after.get(i + 1));
    }

    @Test
    void stylesComeFromTheStylesFolderAndTheLegendIsUnderTheLayer(FxRobot robot) throws Exception {
        MapView map = robot.lookup("#mapView").queryAs(MapView.class);
        waitUntil(() -> map.framesShown() >= 1);
        LayerList list = robot.lookup("#layerList").queryAs(LayerList.class);
        List<String> legend = onFx(() -> list.getRoot().getChildren().stream()
                .filter(i -> ((MapLayer) i.getValue()).name().equals(ThemeLayers.COVERAGE_CELLS)).findFirst().orElseThrow()
                .getChildren().stream().map(i -> ((de.trassenwerk.render.LegendEntry) i.getValue()).ruleName()).toList());
        assertEquals(List.of("no_households", "gigabit", "mbit250", "mbit100", "mbit30", "below30", "none"), legend,
                "the rules of styles/coverage_cells.sld");
    }

    @Test
    void plusKeyZoomsInAroundTheCentreAndRedraws(FxRobot robot) throws Exception {
        MapView map = robot.lookup("#mapView").queryAs(MapView.class);
        waitUntil(() -> map.framesShown() >= 1);
        robot.clickOn(map);
        double before = onFx(() -> map.viewportProperty().get().metresPerPixel());
        int frames = onFx(map::framesShown);
        robot.type(KeyCode.ADD);
        waitUntil(() -> map.framesShown() > frames);
        assertEquals(before / 2, onFx(() -> map.viewportProperty().get().metresPerPixel()), before * 1e-9);
        assertEquals(map.viewportProperty().get(), onFx(() -> map.lastFrameProperty().get().viewport()));
    }

    @Test
    void draggingMovesTheMapWithTheMouse(FxRobot robot) throws Exception {
        MapView map = robot.lookup("#mapView").queryAs(MapView.class);
        waitUntil(() -> map.framesShown() >= 1);
        Viewport before = onFx(() -> map.viewportProperty().get());
        robot.drag(map).moveBy(120, 0).drop();
        waitUntil(() -> map.lastFrameProperty().get().viewport().equals(map.viewportProperty().get()));
        Viewport after = onFx(() -> map.viewportProperty().get());
        assertEquals(before.centreX() - 120 * before.metresPerPixel(), after.centreX(), 2 * before.metresPerPixel());
        assertEquals(before.centreY(), after.centreY(), 2 * before.metresPerPixel());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
