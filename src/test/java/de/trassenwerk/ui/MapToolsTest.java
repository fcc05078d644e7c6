package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.project.ProjectFiles;
import de.trassenwerk.project.WorkbenchProject;
import de.trassenwerk.render.Viewport;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.store.WorksPeriod;
import de.trassenwerk.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The map tools of the main window, driven through its tool bar, keys and status bar. */
@ExtendWith(ApplicationExtension.class)
class MapToolsTest {
    @TempDir
    Path dir;
    private MainWindow window;
    private MapView map;

    @org.junit.jupiter.api.BeforeAll
    static void generateSampleCity() {
        Fixtures.sampleCity(); // generated here, not on the FX thread, where it would outlast the set-up timeout
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(stage, new WorkbenchProject(), null);
        stage.show();
        window.open(Fixtures.sampleCity());
        map = window.map();
    }

    @Test
    void zoomBoxToolZoomsIntoTheDraggedBox(FxRobot robot) throws Exception {
        waitForFrame();
        Viewport before = onFx(() -> map.viewportProperty().get());
        robot.clickOn("#toolZOOM_BOX");
        assertEquals(MapTool.ZOOM_BOX, onFx(() -> map.toolProperty().get()));
        Point2D centre = centreOfMap(robot);
        robot.drag(centre.subtract(100, 60)).dropTo(centre.add(100, 60));
        waitUntil(() -> !map.viewportProperty().get().equals(before));
        Viewport after = onFx(() -> map.viewportProperty().get());
        assertTrue(after.metresPerPixel() < before.metresPerPixel() / 2, after + " vs " + before);
        assertEquals(before.centreX(), after.centreX(), 3 * before.metresPerPixel());
        assertEquals(before.centreY(), after.centreY(), 3 * before.metresPerPixel());
    }

    @Test
    void theLayerContextMenuZoomsToTheLayer(FxRobot robot) throws Exception {
        waitForFrame();
        LayerList list = robot.lookup("#layerList").queryAs(LayerList.class);
        MapLayer sites = onFx(() -> list.layers().stream()
                .filter(l -> l.name().equals(ThemeLayers.COMMERCIAL_SITES)).findFirst().orElseThrow());
        Viewport before = onFx(() -> map.viewportProperty().get());
        javafx.scene.Node cell = robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.TreeCell<?> c
                && sites.title().equals(c.getText())).query();
        onFx(() -> {
            ((javafx.scene.control.TreeCell<?>) cell).getContextMenu().getItems().stream()
                    .filter(i -> "menuZoomToLayer".equals(i.getId())).findFirst().orElseThrow().fire();
            return null;
        });
        waitUntil(() -> !map.viewportProperty().get().equals(before));
        Viewport after = onFx(() -> map.viewportProperty().get());
        assertTrue(after.envelope().contains(sites.extent()), after + " shows " + sites.extent());
        assertTrue(after.metresPerPixel() <= before.metresPerPixel());
    }

    @Test
    void previousAndNextViewStepThroughTheHistory(FxRobot robot) throws Exception {
        waitForFrame();
        Viewport first = onFx(() -> map.viewportProperty().get());
        assertTrue(onFx(() -> robot.lookup("#toolPreviousView").query().isDisabled()));
        onFx(() -> {
            map.zoomTo(new org.locationtech.jts.geom.Envelope(first.centreX() - 500, first.centreX() + 500,
                    first.centreY() - 500, first.centreY() + 500));
            return null;
        });
        Viewport zoomed = onFx(() -> map.viewportProperty().get());
        robot.clickOn("#toolPreviousView");
        assertEquals(first, onFx(() -> map.viewportProperty().get()));
        robot.clickOn("#toolNextView");
        assertEquals(zoomed, onFx(() -> map.viewportProperty().get()));
    }

    @Test
    void everyToolHasItsKeyboardShortcut(FxRobot robot) throws Exception {
        waitForFrame();
        robot.clickOn(map);
        robot.press(KeyCode.SHORTCUT).type(KeyCode.M).release(KeyCode.SHORTCUT);
        assertEquals(MapTool.MEASURE_DISTANCE, onFx(() -> map.toolProperty().get()));
        robot.press(KeyCode.SHORTCUT).type(KeyCode.I).release(KeyCode.SHORTCUT);
        assertEquals(MapTool.IDENTIFY, onFx(() -> map.toolProperty().get()));
        robot.press(KeyCode.SHORTCUT).type(KeyCode.DIGIT2).release(KeyCode.SHORTCUT);
        assertEquals(MapTool.ZOOM_BOX, onFx(() -> map.toolProperty().get()));
        robot.press(KeyCode.SHORTCUT).type(KeyCode.DIGIT1).release(KeyCode.SHORTCUT);
        assertEquals(MapTool.PAN, onFx(() -> map.toolProperty().get()));
        Viewport first = onFx(() -> map.viewportProperty().get());
        robot.type(KeyCode.ADD);
        assertNotEquals(first, onFx(() -> map.viewportProperty().get()));
        robot.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        assertEquals(first, onFx(() -> map.viewportProperty().get()));
    }

    @Test
    void measuringADistanceShowsItsLength(FxRobot robot) throws Exception {
        waitForFrame();
        robot.clickOn("#toolMEASURE_DISTANCE");
        double mpp = onFx(() -> map.viewportProperty().get().metresPerPixel());
        Point2D centre = centreOfMap(robot);
        robot.clickOn(centre.subtract(100, 0)).clickOn(centre.add(100, 0));
        robot.doubleClickOn(centre.add(100, 0));
        String text = onFx(() -> map.measurementProperty().get());
        double metres = firstNumber(text);
        double expected = 200 * mpp;
        assertEquals(expected, metres * (text.contains("km") ? 1000 : 1), expected * 0.03, text);
        assertTrue(onFx(() -> robot.lookup("#measureLabel").queryAs(Label.class).isVisible()));
        robot.type(KeyCode.ESCAPE);
        assertEquals("", onFx(() -> map.measurementProperty().get()));
    }

    @Test
    void typingAScaleZoomsTheMapToIt(FxRobot robot) throws Exception {
        waitForFrame();
        TextField scale = robot.lookup("#statusScale").queryAs(TextField.class);
        robot.doubleClickOn(scale);
        onFx(() -> {
            scale.setText("1:5.000");
            scale.fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        assertEquals(5000, onFx(() -> map.viewportProperty().get().scaleDenominator()), 0.01);
        assertTrue(StatusBar.parseScale("1:25 000") == 25000 && StatusBar.parseScale("12,5") == 125
                && StatusBar.parseScale("abc") < 0);
    }

    @Test
    void coordinatesSwitchToWgs84(FxRobot robot) throws Exception {
        waitForFrame();
        robot.clickOn("#statusWgs84");
        robot.moveTo(centreOfMap(robot)).moveBy(3, 3);
        String text = onFx(() -> robot.lookup("#statusCoordinates").queryAs(Label.class).getText());
        assertTrue(text.contains("WGS84"), text);
        double lat = firstNumber(text);
        assertTrue(lat > 51.3 && lat < 51.6, "Duisburg lies at about 51.4° N: " + text);
    }

    @Test
    void exportWritesTheViewAsPng() throws Exception {
        waitForFrame();
        Path png = dir.resolve("view.png");
        onFx(() -> {
            window.exportPng(png);
            return null;
        });
        waitUntil(() -> Files.exists(png));
        BufferedImage image = ImageIO.read(png.toFile());
        Viewport vp = onFx(() -> map.viewportProperty().get());
        assertEquals(vp.width(), image.getWidth());
        assertEquals(vp.height(), image.getHeight());
        long coloured = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                coloured += (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertTrue(coloured > 1000, "the exported map has content");
    }

    @Test
    void theSessionRemembersFileLayersAndView() throws Exception {
        waitForFrame();
        Path session = dir.resolve("session.twproj");
        Stage[] second = new Stage[1];
        MainWindow[] restored = new MainWindow[1];
        onFx(() -> {
            map.zoomToScale(20_000);
            window.currentProject(); // what would be saved
            WorkbenchProject p = window.currentProject();
            p.layers.stream().filter(l -> l.name.equals(ThemeLayers.COVERAGE_CELLS)).forEach(l -> l.visible = false);
            ProjectFiles.write(p, session);
            return null;
        });
        WorkbenchProject saved = ProjectFiles.read(session);
        assertEquals(Fixtures.sampleCity().toAbsolutePath().toString(), saved.file);
        assertEquals(20_000, saved.view.scale, 0.01);
        assertTrue(saved.recentFiles.contains(saved.file));
        onFx(() -> {
            second[0] = new Stage();
            restored[0] = new MainWindow(second[0], ProjectFiles.read(session), session);
            second[0].show();
            restored[0].open(Path.of(saved.file));
            return null;
        });
        waitUntil(() -> restored[0].map().framesShown() >= 1);
        Viewport vp = onFx(() -> restored[0].map().viewportProperty().get());
        assertEquals(20_000, vp.scaleDenominator(), 0.01);
        assertEquals(saved.view.centreX, vp.centreX(), 1e-6);
        assertFalse(onFx(() -> restored[0].map().layers()).contains(ThemeLayers.COVERAGE_CELLS));
        assertNotEquals(0, onFx(() -> restored[0].map().layers()).size());
        onFx(() -> {
            second[0].close(); // saves the session on closing
            return null;
        });
        assertEquals(20_000, ProjectFiles.read(session).view.scale, 0.01);
    }

    @Test
    void theTimeSliderShowsOnlyTheWorksOnInThePeriod(FxRobot robot) throws Exception {
        waitForFrame();
        robot.clickOn("#toolTimeFilter");
        waitUntil(() -> window.timeSlider().period() != null);
        WorksPeriod first = onFx(() -> window.timeSlider().period());
        assertEquals(java.time.LocalDate.of(2026, 9, 1), first.from(), "starts at the month of the file's reference date");
        assertEquals(java.time.LocalDate.of(2026, 9, 30), first.to());
        assertDrawnWorks(expectedWorks(first), first);
        int frames = onFx(map::framesShown);
        onFx(() -> {
            window.timeSlider().stepMonth(); // what the play button does every step
            return null;
        });
        WorksPeriod next = onFx(() -> window.timeSlider().period());
        assertEquals(java.time.LocalDate.of(2026, 10, 1), next.from());
        waitUntil(() -> map.framesShown() > frames);
        assertDrawnWorks(expectedWorks(next), next);
        robot.clickOn("#toolTimeFilter"); // off again: all works
        waitUntil(() -> map.layerFilter(ThemeLayers.CONSTRUCTION_SITES) == null);
        long all;
        try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            all = s.count(ThemeLayers.CONSTRUCTION_SITES, Query.ALL);
        }
        waitUntil(() -> map.lastFrameProperty().get().featuresDrawn().getOrDefault(ThemeLayers.CONSTRUCTION_SITES, 0) == all);
    }

    private static long expectedWorks(WorksPeriod p) {
        try (GeoPackageStore s = GeoPackageStore.open(Fixtures.sampleCity(), GeoPackageStore.Mode.READ_ONLY)) {
            long n = s.count(ThemeLayers.CONSTRUCTION_SITES, Query.where(p.filter()));
            assertTrue(n > 0 && n < s.count(ThemeLayers.CONSTRUCTION_SITES, Query.ALL), "a real subset: " + n);
            return n;
        }
    }

    /** Waits until a frame of the whole city drawn with the filter of {@code p} shows {@code expected} works. */
    private void assertDrawnWorks(long expected, WorksPeriod p) throws Exception {
        onFx(() -> {
            map.zoomToFullExtent(); // every work in view
            return null;
        });
        waitUntil(() -> p.filter().equals(map.layerFilter(ThemeLayers.CONSTRUCTION_SITES))
                && map.lastFrameProperty().get().viewport().equals(map.viewportProperty().get())
                && map.lastFrameProperty().get().featuresDrawn().getOrDefault(ThemeLayers.CONSTRUCTION_SITES, 0) == expected);
    }

    private void waitForFrame() throws Exception {
        waitUntil(() -> map.framesShown() >= 1);
    }

    private Point2D centreOfMap(FxRobot robot) throws Exception {
        Bounds b = onFx(() -> map.localToScreen(map.getBoundsInLocal()));
        return new Point2D(b.getCenterX(), b.getCenterY());
    }

    /** The first number in {@code text}, as the UI's locale writes numbers. */
    private static double firstNumber(String text) throws java.text.ParseException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d[\\d.,\u00a0\u202f]*").matcher(text);
        assertTrue(m.find(), text);
        return java.text.NumberFormat.getNumberInstance(de.trassenwerk.i18n.Messages.locale()).parse(m.group()).doubleValue();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(condition));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
