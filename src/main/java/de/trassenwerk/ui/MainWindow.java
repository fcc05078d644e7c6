package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.style.StyleLibrary;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.concurrent.Task;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.locationtech.jts.geom.Envelope;

/**
 * The workbench's main window: menu bar, layer list on the left, map in the centre, status bar
 * below. Owns the store of the open file.
 *
 * <p>Thread rules: made and used on the FX thread. Opening a file (and listing its layers) runs in
 * a {@link Task} on a worker; the store is then read only by the map's render thread, and closed
 * there too, after the last render that used it.
 */
public final class MainWindow {
    private final Stage stage;
    private final MapView map = new MapView();
    private final LayerList layerList = new LayerList();
    private final StatusBar statusBar = new StatusBar();
    private GeoPackageStore store;
    private Path file;

    public MainWindow(Stage stage) {
        this.stage = Objects.requireNonNull(stage);
        Label layersTitle = new Label(Messages.get("ui.layers.title"));
        layersTitle.getStyleClass().add("pane-title");
        VBox left = new VBox(layersTitle, layerList);
        left.getStyleClass().add("layer-pane");
        VBox.setVgrow(layerList, javafx.scene.layout.Priority.ALWAYS);
        left.setMinWidth(180);
        SplitPane split = new SplitPane(left, map);
        split.setDividerPositions(0.18);
        SplitPane.setResizableWithParent(left, false);
        BorderPane root = new BorderPane(split, menuBar(), null, statusBar, null);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth() * 0.92), Math.min(900, screen.getHeight() * 0.92));
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("workbench.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Trassenwerk");
        statusBar.follow(map);
        layerList.setOnVisibleLayersChanged(map::setLayers);
        stage.setOnHidden(e -> {
            GeoPackageStore last = store;
            store = null;
            map.dispose(last == null ? null : last::close);
        });
    }

    public Stage stage() {
        return stage;
    }

    public MapView map() {
        return map;
    }

    /** Shows the hint that no file is open. */
    public void showNoFile() {
        map.showHint(Messages.get("ui.map.noFile"));
        layerList.setLayers(List.of());
    }

    /** Opens {@code gpkg} read-only on a worker and shows it when it is ready. */
    public void open(Path gpkg) {
        statusBar.setMessage(Messages.get("ui.status.opening", gpkg.getFileName()));
        Task<OpenedFile> task = new Task<>() {
            @Override
            protected OpenedFile call() {
                StyleLibrary styles = StyleLibrary.standard();
                GeoPackageStore s = GeoPackageStore.open(gpkg, GeoPackageStore.Mode.READ_ONLY);
                try {
                    return new OpenedFile(gpkg, s, s.layers(), styles);
                } catch (RuntimeException e) {
                    s.close();
                    throw e;
                }
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> failed(gpkg, task.getException()));
        Thread t = new Thread(task, "open-file");
        t.setDaemon(true);
        t.start();
    }

    private record OpenedFile(Path file, GeoPackageStore store, List<LayerInfo> layers, StyleLibrary styles) {
    }

    private void show(OpenedFile opened) {
        GeoPackageStore previous = store;
        store = opened.store();
        file = opened.file();
        List<MapLayer> drawingOrder = drawingOrder(opened.layers(), file.getFileName().toString());
        map.setStyles(opened.styles());
        layerList.setStyles(opened.styles());
        layerList.setLayers(drawingOrder);
        Envelope extent = new Envelope();
        String crs = null;
        for (LayerInfo i : opened.layers()) {
            if (i.extent() != null) {
                extent.expandToInclude(i.extent());
            }
            if (crs == null && i.crs() != null) {
                crs = i.crs();
            }
        }
        statusBar.setCrs(crs);
        if (extent.isNull()) {
            map.showHint(Messages.get("ui.map.empty", file.getFileName()));
        } else {
            map.setContent(store, layerList.visibleLayersBottomToTop(), extent);
        }
        if (previous != null) {
            map.runAfterRendering(previous::close);
        }
        stage.setTitle("Trassenwerk – " + file.getFileName());
        List<String> styleProblems = opened.styles().messages();
        statusBar.setMessage(styleProblems.isEmpty() ? file.toString() : styleProblems.size() == 1
                ? styleProblems.get(0) : Messages.get("ui.status.styles", styleProblems.get(0), styleProblems.size() - 1));
    }

    /** Feature layers bottom to top: theme layers in their drawing order, then the others as the file lists them. */
    private static List<MapLayer> drawingOrder(List<LayerInfo> infos, String source) {
        List<MapLayer> out = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (LayerSchema theme : ThemeLayers.all()) {
            for (LayerInfo i : infos) {
                if (i.schema().hasGeometry() && i.name().equalsIgnoreCase(theme.name())) {
                    out.add(new MapLayer(i, source));
                    taken.add(i.name());
                }
            }
        }
        for (LayerInfo i : infos) {
            if (i.schema().hasGeometry() && !taken.contains(i.name())) {
                out.add(new MapLayer(i, source));
            }
        }
        return out;
    }

    private void failed(Path gpkg, Throwable e) {
        String reason = e instanceof UserFacingException u ? u.localizedMessage() : String.valueOf(e.getMessage());
        statusBar.setMessage(reason);
        if (store == null) {
            map.showHint(Messages.get("ui.map.noFile"));
        }
        Alert alert = new Alert(Alert.AlertType.ERROR, reason);
        alert.initOwner(stage);
        alert.setHeaderText(Messages.get("ui.open.failed", gpkg.getFileName()));
        alert.show();
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem(Messages.get("ui.menu.file.open"));
        open.setId("menuOpen");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseFile());
        MenuItem quit = new MenuItem(Messages.get("ui.menu.file.quit"));
        quit.setId("menuQuit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> stage.close());
        Menu fileMenu = new Menu(Messages.get("ui.menu.file"), null, open, new SeparatorMenuItem(), quit);
        MenuItem full = new MenuItem(Messages.get("ui.menu.view.fullExtent"));
        full.setId("menuFullExtent");
        full.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        full.setOnAction(e -> map.zoomToFullExtent());
        Menu viewMenu = new Menu(Messages.get("ui.menu.view"), null, full);
        return new MenuBar(fileMenu, viewMenu);
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("ui.open.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("ui.open.filter"), "*.gpkg"));
        if (file != null && file.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(file.toAbsolutePath().getParent().toFile());
        }
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }
}
