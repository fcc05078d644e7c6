package de.trassenwerk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.trassenwerk.render.LegendEntry;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.style.StyleLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Envelope;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The layer tree on its own, with the project's styles: legends, reordering, visibility, opacity. */
@ExtendWith(ApplicationExtension.class)
class LayerListTest {
    private LayerList tree;
    private final List<List<String>> visibleChanges = new ArrayList<>();
    private final List<Map<String, Double>> opacityChanges = new ArrayList<>();

    @Start
    void start(Stage stage) {
        tree = new LayerList();
        tree.setStyles(StyleLibrary.load(Path.of("styles")));
        tree.setLayers(List.of(layer(ThemeLayers.DISTRICTS, 7), layer(ThemeLayers.COVERAGE_CELLS, 23284),
                layer(ThemeLayers.STREETS, 10973), layer(ThemeLayers.NETWORK_NODES, 197)));
        tree.setOnVisibleLayersChanged(visibleChanges::add);
        tree.setOnLayerOpacityChanged(opacityChanges::add);
        stage.setScene(new Scene(tree, 320, 600));
        stage.show();
    }

    private static MapLayer layer(String name, long count) {
        return new MapLayer(new LayerInfo(ThemeLayers.schema(name), "EPSG:25832", count, new Envelope(0, 1, 0, 1)),
                "duisburg.gpkg");
    }

    @Test
    void layersAreListedTopFirstWithTheirLegendBelow() throws Exception {
        assertEquals(List.of(ThemeLayers.NETWORK_NODES, ThemeLayers.STREETS, ThemeLayers.COVERAGE_CELLS, ThemeLayers.DISTRICTS),
                onFx(() -> tree.layers().stream().map(MapLayer::name).toList()));
        TreeItem<Object> nodes = onFx(() -> tree.getRoot().getChildren().get(0));
        List<String> titles = onFx(() -> nodes.getChildren().stream().map(i -> ((LegendEntry) i.getValue()).title()).toList());
        assertEquals(3, titles.size(), titles::toString);
        assertTrue(titles.contains(de.trassenwerk.i18n.Messages.get("style.network_nodes.pop")), titles::toString);
        onFx(() -> {
            nodes.setExpanded(true);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        String pop = de.trassenwerk.i18n.Messages.get("style.network_nodes.pop");
        TreeCell<?> cell = (TreeCell<?>) new FxRobot().lookup((Node n) -> n instanceof TreeCell<?> c && pop.equals(c.getText())).query();
        assertNotNull(((ImageView) cell.getGraphic()).getImage(), "legend icon");
    }

    @Test
    void layerOfOneRuleShowsItsIconInItsOwnRow(FxRobot robot) throws Exception {
        TreeItem<Object> districts = onFx(() -> tree.getRoot().getChildren().get(3));
        assertTrue(onFx(() -> districts.getChildren().isEmpty()), "one rule: no legend rows");
        String title = onFx(() -> ((MapLayer) districts.getValue()).title());
        TreeCell<?> cell = robot.lookup((Node n) -> n instanceof TreeCell<?> c && title.equals(c.getText())).query();
        ImageView icon = robot.from(cell).lookup((Node n) -> n instanceof ImageView).queryAs(ImageView.class);
        assertNotNull(icon.getImage());
        assertTrue(onFx(() -> cell.getTooltip().getText()).contains("duisburg.gpkg"));
        assertTrue(onFx(() -> cell.getTooltip().getText()).contains("districts.sld"));
    }

    @Test
    void altUpAndAltDownMoveTheSelectedLayerAndReportTheNewOrder(FxRobot robot) throws Exception {
        String title = onFx(() -> tree.layers().get(2).title()); // coverage
        robot.clickOn((Node n) -> n instanceof TreeCell<?> c && title.equals(c.getText()));
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        assertEquals(List.of(ThemeLayers.NETWORK_NODES, ThemeLayers.COVERAGE_CELLS, ThemeLayers.STREETS, ThemeLayers.DISTRICTS),
                onFx(() -> tree.layers().stream().map(MapLayer::name).toList()));
        assertEquals(List.of(ThemeLayers.DISTRICTS, ThemeLayers.STREETS, ThemeLayers.COVERAGE_CELLS, ThemeLayers.NETWORK_NODES),
                visibleChanges.get(visibleChanges.size() - 1), "bottom to top for the renderer");
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        assertEquals(ThemeLayers.COVERAGE_CELLS, onFx(() -> tree.layers().get(3).name()));
        assertFalse(onFx(() -> tree.moveLayer(tree.layers().get(3), 1)), "the bottom layer cannot go lower");
    }

    @Test
    void untickingALayerReportsTheLayersStillShown(FxRobot robot) throws Exception {
        String title = onFx(() -> tree.layers().get(1).title()); // streets
        TreeCell<?> cell = robot.lookup((Node n) -> n instanceof TreeCell<?> c && title.equals(c.getText())).query();
        robot.clickOn(robot.from(cell).lookup(".check-box").queryAs(CheckBox.class));
        assertEquals(List.of(ThemeLayers.DISTRICTS, ThemeLayers.COVERAGE_CELLS, ThemeLayers.NETWORK_NODES),
                visibleChanges.get(visibleChanges.size() - 1));
        assertFalse(onFx(() -> tree.layers().get(1).isVisible()));
    }

    @Test
    void opacityFromTheContextMenuIsReportedAndShown(FxRobot robot) throws Exception {
        String title = onFx(() -> tree.layers().get(2).title()); // coverage
        MapLayer coverage = onFx(() -> tree.layers().get(2));
        TreeCell<?> cell = robot.lookup((Node n) -> n instanceof TreeCell<?> c && c.getItem() == coverage).query();
        Slider slider = onFx(() -> cell.getContextMenu().getItems().stream()
                .filter(i -> i instanceof CustomMenuItem).map(i -> ((CustomMenuItem) i).getContent().lookup("#layerOpacitySlider"))
                .filter(java.util.Objects::nonNull).map(Slider.class::cast).findFirst().orElseThrow());
        onFx(() -> {
            slider.setValue(40);
            return null;
        });
        Map<String, Double> last = opacityChanges.get(opacityChanges.size() - 1);
        assertEquals(0.4, last.get(ThemeLayers.COVERAGE_CELLS), 1e-9);
        assertEquals(1.0, last.get(ThemeLayers.STREETS), 1e-9);
        assertNotNull(robot.lookup((Node n) -> n instanceof TreeCell<?> c && (title + " (40 %)").equals(c.getText()))
                .tryQuery().orElse(null), "the row shows the opacity");
        assertNull(robot.lookup((Node n) -> n instanceof TreeCell<?> c && title.equals(c.getText())).tryQuery().orElse(null));
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }
}
