package de.trassenwerk.ui;

import de.trassenwerk.coverage.SiteGap;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.project.ProjectFiles;
import de.trassenwerk.project.WorkbenchProject;
import de.trassenwerk.render.Viewport;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.sample.SampleCityWriter;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.store.WorksPeriod;
import de.trassenwerk.style.StyleLibrary;
import java.io.File;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.locationtech.jts.geom.Envelope;

/**
 * The workbench's main window: menu bar and tool bar on top, the layer tree on the left, the map in
 * the centre with a dock of panels below it (attribute table and others, collapsible), and the
 * status bar. Owns the store of the open file and the {@link WorkbenchProject} that is saved when
 * the window closes and restored on the next start.
 *
 * <p>Thread rules: made and used on the FX thread. Opening a file (and listing its layers) runs in
 * a {@link Task} on a worker; the store is then read by the map's render thread (and by panels'
 * own workers), and closed on the render thread after the last render that used it.
 */
public final class MainWindow {
    private final Stage stage;
    private final MapView map = new MapView();
    private final LayerList layerList = new LayerList();
    private final StatusBar statusBar = new StatusBar();
    private final ToolBar toolBar = new ToolBar();
    private final TabPane dock = new TabPane();
    private final SplitPane mapAndDock = new SplitPane();
    private final CheckMenuItem dockItem = new CheckMenuItem(Messages.get("ui.menu.view.dock"));
    private final Menu recentMenu = new Menu(Messages.get("ui.menu.file.recent"));
    private final ToggleGroup tools = new ToggleGroup();
    private final TimeSlider timeSlider = new TimeSlider();
    private final ToggleButton timeButton = new ToggleButton(null, Icons.of(Icons.TIME));
    private final PauseTransition saveSoon = new PauseTransition(Duration.seconds(2));
    private final WorkbenchProject project;
    private final Path sessionFile;
    private final FeatureExplorer explorer;
    private GeoPackageStore store;
    private Path file;
    private CoordinationPanel coordination;
    private Tab coordinationTab;
    private GapView gaps;
    private Tab gapsTab;
    private RoutePlannerPanel routePlanner;
    private Tab routePlannerTab;
    /** Where the route planner puts the divider between map and dock when it opens (map above). */
    private static final double ROUTE_PLANNER_DIVIDER = 0.55;
    private final ReadOnlyObjectWrapper<SiteGap> selectedGapSite =
            new ReadOnlyObjectWrapper<>(this, "selectedGapSite");
    private LocalDate referenceDate = LocalDate.now();
    private boolean timeRangeLoaded;

    /** A window that neither restores nor saves a session. */
    public MainWindow(Stage stage) {
        this(stage, new WorkbenchProject(), null);
    }

    /**
     * A window that starts from {@code project} and saves its state into {@code sessionFile} when
     * it closes (null: nothing is saved).
     */
    public MainWindow(Stage stage, WorkbenchProject project, Path sessionFile) {
        this.stage = Objects.requireNonNull(stage);
        this.project = Objects.requireNonNull(project);
        this.sessionFile = sessionFile;
        Label layersTitle = new Label(Messages.get("ui.layers.title"));
        layersTitle.getStyleClass().add("pane-title");
        VBox left = new VBox(layersTitle, layerList);
        left.getStyleClass().add("layer-pane");
        VBox.setVgrow(layerList, Priority.ALWAYS);
        left.setMinWidth(180);
        mapAndDock.setOrientation(javafx.geometry.Orientation.VERTICAL);
        mapAndDock.getItems().add(map);
        dock.setId("dock");
        dock.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        dock.setMinHeight(0);
        SplitPane split = new SplitPane(left, mapAndDock);
        split.setDividerPositions(0.18);
        SplitPane.setResizableWithParent(left, false);
        BorderPane root = new BorderPane(split, new VBox(menuBar(), buildToolBar(), timeSlider), null, statusBar, null);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1400, screen.getWidth() * 0.92), Math.min(900, screen.getHeight() * 0.92));
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("workbench.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Trassenwerk");
        explorer = new FeatureExplorer(this, javafx.beans.binding.Bindings.createStringBinding(() -> {
            javafx.scene.control.TreeItem<Object> item = layerList.getSelectionModel().getSelectedItem();
            while (item != null && !(item.getValue() instanceof MapLayer)) {
                item = item.getParent(); // a legend entry stands for its layer
            }
            return item == null ? null : ((MapLayer) item.getValue()).name();
        }, layerList.getSelectionModel().selectedItemProperty()));
        statusBar.follow(map);
        statusBar.wgs84Property().set(project.coordinatesWgs84);
        map.measurementProperty().addListener((o, was, now) -> {
            if (!now.isEmpty()) {
                statusBar.setMessage(now);
            }
        });
        layerList.setOnZoomToLayer(this::zoomToLayer);
        layerList.setOnVisibleLayersChanged(layers -> {
            map.setLayers(layers);
            saveSoon.playFromStart();
        });
        layerList.setOnLayerOpacityChanged(opacities -> {
            map.setLayerOpacities(opacities);
            saveSoon.playFromStart();
        });
        acceptDroppedFiles(map);
        timeSlider.setVisible(false);
        timeSlider.setManaged(false);
        timeSlider.setOnChange(this::timePeriodChosen);
        timeButton.selectedProperty().addListener((o, was, on) -> showTimeFilter(on));
        dockItem.setSelected(project.dockOpen);
        dockItem.selectedProperty().addListener((o, was, open) -> showDock(open));
        refreshRecentMenu();
        // The session is also saved shortly after each change, so a crash loses at most two seconds.
        saveSoon.setOnFinished(e -> saveSession());
        map.viewportProperty().addListener((o, was, now) -> saveSoon.playFromStart());
        stage.setOnHidden(e -> {
            saveSoon.stop();
            saveSession();
            closeCoordination();
            closeGaps();
            closeRoutePlanner();
            explorer.dispose();
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

    /** The status bar (its background-work indicator runs long tasks). */
    public StatusBar statusBar() {
        return statusBar;
    }

    /** The tool bar; panels may add their controls at its end. */
    public ToolBar toolBar() {
        return toolBar;
    }

    /** The attribute table, identify panel, search box and selection of this window. */
    public FeatureExplorer explorer() {
        return explorer;
    }

    /** The open file, or null. */
    public Path file() {
        return file;
    }

    /** Adds a panel to the dock below the map (it shows when the dock is open). */
    public void addDockTab(Tab tab) {
        dock.getTabs().add(tab);
    }

    /** Opens the dock and brings {@code tab} to the front. */
    public void showDockTab(Tab tab) {
        dockItem.setSelected(true);
        dock.getSelectionModel().select(tab);
    }

    /** Opens or closes the dock below the map. */
    public void showDock(boolean open) {
        dockItem.setSelected(open);
        boolean shown = mapAndDock.getItems().contains(dock);
        if (open && !shown) {
            mapAndDock.getItems().add(dock);
            mapAndDock.setDividerPositions(0.68);
        } else if (!open && shown) {
            mapAndDock.getItems().remove(dock);
        }
    }

    /** Shows the hint that no file is open. */
    public void showNoFile() {
        map.showHint(Messages.get("ui.map.noFile"));
        layerList.setLayers(List.of());
        showDock(project.dockOpen);
    }

    /** Opens {@code gpkg} read-only on a worker and shows it when it is ready. */
    public void open(Path gpkg) {
        statusBar.setMessage(Messages.get("ui.status.opening", gpkg.getFileName()));
        Task<OpenedFile> task = new Task<>() {
            @Override
            protected OpenedFile call() {
                updateTitle(Messages.get("ui.status.opening", gpkg.getFileName()));
                StyleLibrary styles = StyleLibrary.standard();
                GeoPackageStore s = GeoPackageStore.open(gpkg, GeoPackageStore.Mode.READ_ONLY);
                try {
                    String date = s.metadata().get(SampleCityWriter.REFERENCE_DATE_KEY);
                    return new OpenedFile(gpkg, s, s.layers(), styles,
                            date == null ? LocalDate.now() : LocalDate.parse(date));
                } catch (RuntimeException e) {
                    s.close();
                    throw e;
                }
            }
        };
        task.setOnSucceeded(e -> show(task.getValue()));
        task.setOnFailed(e -> failed(gpkg, task.getException()));
        statusBar.work().run("open-file", task);
    }

    private record OpenedFile(Path file, GeoPackageStore store, List<LayerInfo> layers, StyleLibrary styles,
            LocalDate referenceDate) {
    }

    private void show(OpenedFile opened) {
        GeoPackageStore previous = store;
        boolean restoring = project.file != null && opened.file().toAbsolutePath().toString().equals(project.file);
        store = opened.store();
        file = opened.file();
        referenceDate = opened.referenceDate();
        timeRangeLoaded = false;
        closeCoordination();
        closeGaps();
        closeRoutePlanner();
        List<MapLayer> drawingOrder = drawingOrder(opened.layers(), file.getFileName().toString());
        if (restoring) {
            drawingOrder = restoreLayers(drawingOrder);
        }
        map.setStyles(opened.styles());
        layerList.setStyles(opened.styles());
        layerList.setLayers(drawingOrder);
        map.setLayerOpacities(layerList.opacities());
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
        explorer.setStore(store, opened.layers());
        if (extent.isNull()) {
            map.showHint(Messages.get("ui.map.empty", file.getFileName()));
        } else {
            map.setContent(store, layerList.visibleLayersBottomToTop(), extent);
            if (restoring && project.view != null) {
                map.showAt(project.view.centreX, project.view.centreY, project.view.scale);
            }
            boolean timeFilterOn = restoring && project.timeFilter != null;
            map.setLayerFilter(ThemeLayers.CONSTRUCTION_SITES, null);
            if (timeButton.isSelected() || timeFilterOn) {
                timeButton.setSelected(true);
                showTimeFilter(true);
            }
        }
        if (previous != null) {
            map.runAfterRendering(previous::close);
        }
        project.file = file.toAbsolutePath().toString();
        project.addRecentFile(project.file);
        refreshRecentMenu();
        showDock(dockItem.isSelected());
        stage.setTitle("Trassenwerk – " + file.getFileName());
        List<String> styleProblems = opened.styles().messages();
        statusBar.setMessage(styleProblems.isEmpty() ? file.toString() : styleProblems.size() == 1
                ? styleProblems.get(0) : Messages.get("ui.status.styles", styleProblems.get(0), styleProblems.size() - 1));
    }

    /** Applies the saved order and visibility to the layers of the file; layers new in the file go on top. */
    private List<MapLayer> restoreLayers(List<MapLayer> layers) {
        List<MapLayer> ordered = new ArrayList<>();
        for (WorkbenchProject.LayerState saved : project.layers) {
            for (MapLayer l : layers) {
                if (l.name().equals(saved.name) && !ordered.contains(l)) {
                    l.visibleProperty().set(saved.visible);
                    l.opacityProperty().set(Math.max(0, Math.min(1, saved.opacity)));
                    ordered.add(l);
                }
            }
        }
        for (MapLayer l : layers) {
            if (!ordered.contains(l)) {
                ordered.add(l);
            }
        }
        return ordered;
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

    /** Shows the whole of {@code layer}. */
    public void zoomToLayer(MapLayer layer) {
        Envelope e = layer.extent();
        if (e != null && !e.isNull()) {
            map.zoomTo(e);
        }
    }

    // ------------------------------------------------------------------ analyses

    /**
     * Opens the trenching-coordination panel on the open file in the dock (one panel per file); a
     * finding chosen there is zoomed to and its route, sites and section highlighted on the map.
     */
    public void showCoordination() {
        if (file == null) {
            return;
        }
        if (coordination == null) {
            coordination = new CoordinationPanel(file);
            coordination.setOnFindingFocus(focus -> {
                List<org.locationtech.jts.geom.Geometry> shown = new ArrayList<>();
                for (org.locationtech.jts.geom.Geometry g : new org.locationtech.jts.geom.Geometry[] {
                    focus.route(), focus.site(), focus.otherSite(), focus.section()}) {
                    if (g != null && !g.isEmpty()) {
                        shown.add(g);
                    }
                }
                map.zoomTo(focus.extent());
                map.setHighlight(shown);
            });
            coordinationTab = new Tab(CoordinationPanel.title(), coordination);
            coordinationTab.setId("coordinationTab");
            addDockTab(coordinationTab);
        }
        showDockTab(coordinationTab);
    }

    /** The coordination panel, once opened; for tests. */
    CoordinationPanel coordinationPanel() {
        return coordination;
    }

    private void closeCoordination() {
        if (coordination != null) {
            coordination.dispose();
            dock.getTabs().remove(coordinationTab);
            coordination = null;
            coordinationTab = null;
        }
    }

    /**
     * Opens the gap view on the open file in the dock (one view per file) and runs it: the commercial
     * sites are coloured by gap status on the map, and a site chosen in its table is zoomed to and selected.
     */
    public void showGaps() {
        if (file == null || store == null) {
            return;
        }
        if (gaps == null) {
            gaps = new GapView(store, file.getFileName().toString(), statusBar.work());
            gaps.resultProperty().addListener((o, was, now) -> map.setThematicOverlay(GapView.OVERLAY_KEY,
                    now == null ? null : GapView.mapOverlay(now)));
            gaps.setOnSiteChosen(site -> {
                Envelope e = new Envelope(site.geometry().getEnvelopeInternal());
                e.expandBy(Math.max(150, Math.max(e.getWidth(), e.getHeight()) * 0.5));
                map.zoomTo(e);
                explorer.selection().select(ThemeLayers.COMMERCIAL_SITES, List.of(site.fid()));
            });
            selectedGapSite.bind(gaps.selectedSiteProperty());
            gapsTab = new Tab(GapView.title(), gaps);
            gapsTab.setId("gapsTab");
            addDockTab(gapsTab);
            gaps.runAnalysis();
        }
        showDockTab(gapsTab);
    }

    /**
     * The commercial site chosen in the gap view's table (with its gap status and geometry in the project
     * CRS); null when none is chosen or the view is closed. For panels that start from a site, such as
     * the route planner.
     */
    public ReadOnlyObjectProperty<SiteGap> selectedGapSiteProperty() {
        return selectedGapSite.getReadOnlyProperty();
    }

    /** The gap view, once opened; for tests. */
    GapView gapView() {
        return gaps;
    }

    private void closeGaps() {
        if (gaps != null) {
            gaps.dispose();
            selectedGapSite.unbind();
            selectedGapSite.set(null);
            map.setThematicOverlay(GapView.OVERLAY_KEY, null);
            dock.getTabs().remove(gapsTab);
            gaps = null;
            gapsTab = null;
        }
    }

    /**
     * Opens the route planner on the open file in the dock (one panel per file) and builds its street graph
     * in the background. It starts from a site chosen in the gap view if asked, plans "all gaps" from the gap
     * view's result, draws its routes on the map, and a route it saves is drawn from the file at once.
     */
    public void showRoutePlanner() {
        if (file == null) {
            return;
        }
        if (routePlanner == null) {
            routePlanner = new RoutePlannerPanel(file, map, statusBar.work());
            routePlanner.followGapView(selectedGapSiteProperty(),
                    () -> gaps == null ? null : gaps.resultProperty().get());
            routePlanner.setOnSaved(this::layerWritten);
            routePlannerTab = new Tab(RoutePlannerPanel.title(), routePlanner);
            routePlannerTab.setId("routePlannerTab");
            addDockTab(routePlannerTab);
            routePlanner.prepare();
            showDockTab(routePlannerTab);
            if (mapAndDock.getDividerPositions()[0] > ROUTE_PLANNER_DIVIDER) {
                mapAndDock.setDividerPositions(ROUTE_PLANNER_DIVIDER); // the form needs some height
            }
        }
        showDockTab(routePlannerTab);
    }

    /** The route planner, once opened; for tests. */
    RoutePlannerPanel routePlannerPanel() {
        return routePlanner;
    }

    private void closeRoutePlanner() {
        if (routePlanner != null) {
            routePlanner.dispose();
            dock.getTabs().remove(routePlannerTab);
            routePlanner = null;
            routePlannerTab = null;
        }
    }

    /**
     * After a panel wrote {@code layer} of the open file through its own connection: the window's store
     * reads the file again (its data version moves, so the map reads the layer anew) and the map redraws;
     * a layer the file did not have before appears by opening the file again.
     */
    void layerWritten(String layer) {
        GeoPackageStore s = store;
        if (s == null) {
            return;
        }
        boolean listed = layerList.layers().stream().anyMatch(l -> l.name().equalsIgnoreCase(layer));
        if (!listed) {
            open(file);
            return;
        }
        Task<Void> task = new Task<>() {
            @Override
            protected Void call() {
                updateTitle(Messages.get("ui.status.refreshing", layer));
                s.refresh();
                return null;
            }
        };
        task.setOnSucceeded(e -> {
            if (store == s) {
                map.redraw();
            }
        });
        task.setOnFailed(e -> statusBar.setMessage(task.getException() instanceof UserFacingException u
                ? u.localizedMessage() : String.valueOf(task.getException().getMessage())));
        statusBar.work().run("refresh-file", task);
    }

    // ------------------------------------------------------------------ time filter

    /** Shows or hides the construction-site time filter; the map shows all works while it is hidden. */
    public void showTimeFilter(boolean on) {
        timeButton.setSelected(on);
        timeSlider.setVisible(on);
        timeSlider.setManaged(on);
        if (!on) {
            timeSlider.stop();
            project.timeFilter = null;
            map.setLayerFilter(ThemeLayers.CONSTRUCTION_SITES, null);
            return;
        }
        if (store == null) {
            return;
        }
        if (!timeRangeLoaded && store.hasLayer(ThemeLayers.CONSTRUCTION_SITES)) {
            timeRangeLoaded = true;
            WorksPeriod initial = null;
            if (project.timeFilter != null && project.timeFilter.from != null && project.timeFilter.to != null) {
                initial = new WorksPeriod(LocalDate.parse(project.timeFilter.from), LocalDate.parse(project.timeFilter.to));
            }
            timeSlider.load(store, ThemeLayers.CONSTRUCTION_SITES, statusBar.work(), initial, referenceDate);
        } else if (timeSlider.period() != null) {
            timePeriodChosen(timeSlider.period());
        }
    }

    /** The time slider, for tests. */
    TimeSlider timeSlider() {
        return timeSlider;
    }

    private void timePeriodChosen(WorksPeriod period) {
        if (!timeButton.isSelected()) {
            return;
        }
        project.timeFilter = new WorkbenchProject.TimeFilterState(period.from().toString(), period.to().toString());
        map.setLayerFilter(ThemeLayers.CONSTRUCTION_SITES, period.filter());
        saveSoon.playFromStart();
    }

    // ------------------------------------------------------------------ session and project files

    /** The window's state as a project: file, layers, view, dock, coordinates. */
    public WorkbenchProject currentProject() {
        project.layers = new ArrayList<>();
        List<MapLayer> topFirst = layerList.layers();
        for (int i = topFirst.size() - 1; i >= 0; i--) {
            MapLayer l = topFirst.get(i);
            project.layers.add(new WorkbenchProject.LayerState(l.name(), l.isVisible(), l.opacity()));
        }
        Viewport vp = map.viewportProperty().get();
        if (vp != null) {
            project.view = new WorkbenchProject.ViewState(vp.centreX(), vp.centreY(), vp.scaleDenominator());
        }
        project.dockOpen = dockItem.isSelected();
        project.coordinatesWgs84 = statusBar.wgs84Property().get();
        return project;
    }

    private void saveSession() {
        if (sessionFile == null) {
            return;
        }
        try {
            ProjectFiles.write(currentProject(), sessionFile);
        } catch (UserFacingException e) {
            System.err.println(e.localizedMessage()); // the window is closing: nowhere else to say it
        }
    }

    private void saveProjectAs() {
        FileChooser chooser = fileChooser("ui.project.save.title", "ui.project.filter", "*" + ProjectFiles.EXTENSION);
        chooser.setInitialFileName("trassenwerk" + ProjectFiles.EXTENSION);
        File chosen = chooser.showSaveDialog(stage);
        if (chosen == null) {
            return;
        }
        try {
            ProjectFiles.write(currentProject(), chosen.toPath());
            statusBar.setMessage(Messages.get("ui.project.saved", chosen.getName()));
        } catch (UserFacingException e) {
            error(Messages.get("ui.project.save.failed"), e.localizedMessage());
        }
    }

    private void openProject() {
        File chosen = fileChooser("ui.project.open.title", "ui.project.filter", "*" + ProjectFiles.EXTENSION)
                .showOpenDialog(stage);
        if (chosen != null) {
            openProject(chosen.toPath());
        }
    }

    /** Opens the GeoPackage of a saved project with its layers and view. */
    public void openProject(Path projectFile) {
        WorkbenchProject p;
        try {
            p = ProjectFiles.read(projectFile);
        } catch (UserFacingException e) {
            error(Messages.get("ui.project.open.failed"), e.localizedMessage());
            return;
        }
        if (p.file == null) {
            error(Messages.get("ui.project.open.failed"), Messages.get("ui.project.noFile", projectFile.getFileName()));
            return;
        }
        project.file = p.file;
        project.layers = p.layers;
        project.view = p.view;
        project.timeFilter = p.timeFilter;
        project.stylesDir = p.stylesDir;
        open(Path.of(p.file));
    }

    private void refreshRecentMenu() {
        recentMenu.getItems().clear();
        for (String f : project.recentFiles) {
            MenuItem item = new MenuItem(Path.of(f).getFileName() + "  –  " + f);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> open(Path.of(f)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    // ------------------------------------------------------------------ menus and tool bar

    private MenuBar menuBar() {
        MenuItem open = item("menuOpen", "ui.menu.file.open", "Shortcut+O", this::chooseFile);
        recentMenu.setId("menuRecent");
        MenuItem openProject = item("menuOpenProject", "ui.menu.file.openProject", "Shortcut+Shift+O", this::openProject);
        MenuItem saveProject = item("menuSaveProject", "ui.menu.file.saveProject", "Shortcut+Shift+S", this::saveProjectAs);
        MenuItem export = item("menuExportPng", "ui.menu.file.exportPng", "Shortcut+E", this::exportPng);
        MenuItem importData = item("menuImport", "ui.menu.file.import", "Shortcut+Shift+I", () -> {
            if (file != null) {
                ImportWizard.show(stage, file, this::open); // the file is opened again with the new layer
            }
        });
        MenuItem publish = item("menuPublish", "ui.menu.file.publish", "Shortcut+Shift+P", () -> {
            if (file != null) {
                PublishWizard.show(stage, file);
            }
        });
        MenuItem quit = item("menuQuit", "ui.menu.file.quit", "Shortcut+Q", stage::close);
        Menu fileMenu = new Menu(Messages.get("ui.menu.file"), null, open, recentMenu, new SeparatorMenuItem(),
                openProject, saveProject, new SeparatorMenuItem(), importData, export, publish, new SeparatorMenuItem(), quit);

        MenuItem zoomIn = item("menuZoomIn", "ui.menu.view.zoomIn", "Shortcut+Plus", () -> map.zoomBy(2));
        MenuItem zoomOut = item("menuZoomOut", "ui.menu.view.zoomOut", "Shortcut+Minus", () -> map.zoomBy(0.5));
        MenuItem full = item("menuFullExtent", "ui.menu.view.fullExtent", "Shortcut+0", map::zoomToFullExtent);
        MenuItem previous = item("menuPreviousView", "ui.menu.view.previous", "Alt+Left", map::previousView);
        previous.disableProperty().bind(map.canGoBackProperty().not());
        MenuItem next = item("menuNextView", "ui.menu.view.next", "Alt+Right", map::nextView);
        next.disableProperty().bind(map.canGoForwardProperty().not());
        dockItem.setId("menuDock");
        dockItem.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        CheckMenuItem wgs84 = new CheckMenuItem(Messages.get("ui.menu.view.wgs84"));
        wgs84.setId("menuWgs84");
        wgs84.selectedProperty().bindBidirectional(statusBar.wgs84Property());
        CheckMenuItem time = new CheckMenuItem(Messages.get("ui.menu.view.timeFilter"));
        time.setId("menuTimeFilter");
        time.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        time.selectedProperty().bindBidirectional(timeButton.selectedProperty());
        Menu viewMenu = new Menu(Messages.get("ui.menu.view"), null, zoomIn, zoomOut, full, new SeparatorMenuItem(),
                previous, next, new SeparatorMenuItem(), dockItem, time, wgs84);

        Menu toolsMenu = new Menu(Messages.get("ui.menu.tools"));
        ToggleGroup toolItems = new ToggleGroup();
        for (ToolSpec t : TOOL_SPECS) {
            RadioMenuItem item = new RadioMenuItem(Messages.get(t.key()));
            item.setId("menuTool" + t.tool().name());
            item.setToggleGroup(toolItems);
            item.setUserData(t.tool());
            item.setSelected(map.toolProperty().get() == t.tool());
            item.setAccelerator(KeyCombination.keyCombination(t.shortcut()));
            item.setOnAction(e -> map.toolProperty().set(t.tool()));
            toolsMenu.getItems().add(item);
        }
        map.toolProperty().addListener((o, was, now) -> toolItems.getToggles().stream()
                .filter(t -> t.getUserData() == now).findFirst().ifPresent(toolItems::selectToggle));

        Menu language = new Menu(Messages.get("ui.menu.settings.language"));
        ToggleGroup languages = new ToggleGroup();
        for (String code : new String[] {null, "de", "en"}) {
            RadioMenuItem item = new RadioMenuItem(Messages.get(code == null ? "ui.language.system" : "ui.language." + code));
            item.setId("menuLanguage" + (code == null ? "System" : code));
            item.setToggleGroup(languages);
            item.setSelected(Objects.equals(code, project.language));
            item.setOnAction(e -> chooseLanguage(code));
            language.getItems().add(item);
        }
        MenuItem coordinate = item("menuCoordination", "ui.menu.analysis.coordination", "Shortcut+K",
                this::showCoordination);
        MenuItem gapsItem = item("menuGaps", "ui.menu.analysis.gaps", "Shortcut+G", this::showGaps);
        MenuItem routesItem = item("menuRoutePlanner", "ui.menu.analysis.routes", "Shortcut+R", this::showRoutePlanner);
        Menu analysisMenu = new Menu(Messages.get("ui.menu.analysis"), null, coordinate, gapsItem, routesItem);
        Menu settingsMenu = new Menu(Messages.get("ui.menu.settings"), null, language);

        MenuItem keys = item("menuShortcuts", "ui.menu.help.shortcuts", "F1", this::showShortcuts);
        Menu helpMenu = new Menu(Messages.get("ui.menu.help"), null, keys);
        return new MenuBar(fileMenu, viewMenu, toolsMenu, analysisMenu, settingsMenu, helpMenu);
    }

    private static MenuItem item(String id, String key, String shortcut, Runnable action) {
        MenuItem item = new MenuItem(Messages.get(key));
        item.setId(id);
        if (shortcut != null) {
            item.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private record ToolSpec(MapTool tool, String key, String shortcut, String icon) {
    }

    private static final List<ToolSpec> TOOL_SPECS = List.of(
            new ToolSpec(MapTool.PAN, "ui.tool.pan", "Shortcut+1", Icons.PAN),
            new ToolSpec(MapTool.ZOOM_BOX, "ui.tool.zoomBox", "Shortcut+2", Icons.ZOOM_BOX),
            new ToolSpec(MapTool.IDENTIFY, "ui.tool.identify", "Shortcut+I", Icons.IDENTIFY),
            new ToolSpec(MapTool.SELECT, "ui.tool.select", "Shortcut+4", Icons.SELECT),
            new ToolSpec(MapTool.MEASURE_DISTANCE, "ui.tool.measureDistance", "Shortcut+M", Icons.MEASURE_DISTANCE),
            new ToolSpec(MapTool.MEASURE_AREA, "ui.tool.measureArea", "Shortcut+Shift+M", Icons.MEASURE_AREA));

    private ToolBar buildToolBar() {
        toolBar.setId("toolBar");
        toolBar.getItems().add(button("toolOpen", Icons.OPEN, "ui.menu.file.open", "Shortcut+O", this::chooseFile));
        toolBar.getItems().add(new javafx.scene.control.Separator());
        for (ToolSpec t : TOOL_SPECS) {
            ToggleButton b = new ToggleButton(null, Icons.of(t.icon()));
            b.setId("tool" + t.tool().name());
            b.setToggleGroup(tools);
            b.setUserData(t.tool());
            b.setTooltip(tooltip(t.key(), t.shortcut()));
            b.setFocusTraversable(false);
            toolBar.getItems().add(b);
        }
        tools.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                tools.selectToggle(was); // one tool is always active
            } else {
                map.toolProperty().set((MapTool) now.getUserData());
            }
        });
        map.toolProperty().addListener((o, was, now) -> selectToolButton(now));
        selectToolButton(map.toolProperty().get());
        toolBar.getItems().add(new javafx.scene.control.Separator());
        toolBar.getItems().addAll(
                button("toolZoomIn", Icons.ZOOM_IN, "ui.menu.view.zoomIn", "Shortcut+Plus", () -> map.zoomBy(2)),
                button("toolZoomOut", Icons.ZOOM_OUT, "ui.menu.view.zoomOut", "Shortcut+Minus", () -> map.zoomBy(0.5)),
                button("toolFullExtent", Icons.FULL_EXTENT, "ui.menu.view.fullExtent", "Shortcut+0", map::zoomToFullExtent));
        Button previous = button("toolPreviousView", Icons.PREVIOUS, "ui.menu.view.previous", "Alt+Left", map::previousView);
        previous.disableProperty().bind(map.canGoBackProperty().not());
        Button next = button("toolNextView", Icons.NEXT, "ui.menu.view.next", "Alt+Right", map::nextView);
        next.disableProperty().bind(map.canGoForwardProperty().not());
        timeButton.setId("toolTimeFilter");
        timeButton.setTooltip(tooltip("ui.menu.view.timeFilter", "Shortcut+D"));
        timeButton.setFocusTraversable(false);
        toolBar.getItems().addAll(previous, next, new javafx.scene.control.Separator(), timeButton,
                button("toolExportPng", Icons.EXPORT, "ui.menu.file.exportPng", "Shortcut+E", this::exportPng));
        toolBar.getItems().addAll(new javafx.scene.control.Separator(),
                button("toolGaps", Icons.GAPS, "ui.menu.analysis.gaps", "Shortcut+G", this::showGaps),
                button("toolRoutePlanner", Icons.ROUTE, "ui.menu.analysis.routes", "Shortcut+R", this::showRoutePlanner));
        Pane spring = new Pane();
        HBox.setHgrow(spring, Priority.ALWAYS);
        spring.setMinWidth(10);
        toolBar.getItems().add(spring);
        return toolBar;
    }

    private void selectToolButton(MapTool tool) {
        tools.getToggles().stream().filter(t -> t.getUserData() == tool).findFirst().ifPresent(tools::selectToggle);
    }

    private static Button button(String id, String icon, String key, String shortcut, Runnable action) {
        Button b = new Button(null, Icons.of(icon));
        b.setId(id);
        b.setTooltip(tooltip(key, shortcut));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Tooltip tooltip(String key, String shortcut) {
        String name = Messages.get(key).replace("_", "").replace("…", "");
        String keys = KeyCombination.keyCombination(shortcut).getDisplayText();
        return new Tooltip(Messages.get("ui.tooltip.withShortcut", name, keys));
    }

    // ------------------------------------------------------------------ actions

    private void chooseFile() {
        File chosen = fileChooser("ui.open.title", "ui.open.filter", "*.gpkg").showOpenDialog(stage);
        if (chosen != null) {
            open(chosen.toPath());
        }
    }

    private FileChooser fileChooser(String titleKey, String filterKey, String pattern) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get(filterKey), pattern));
        if (file != null && file.toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(file.toAbsolutePath().getParent().toFile());
        }
        return chooser;
    }

    private void exportPng() {
        if (map.viewportProperty().get() == null) {
            return;
        }
        FileChooser chooser = fileChooser("ui.export.title", "ui.export.filter", "*.png");
        chooser.setInitialFileName((file == null ? "karte" : file.getFileName().toString().replaceFirst("\\.gpkg$", "")) + ".png");
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            exportPng(chosen.toPath());
        }
    }

    /** Saves the current view as PNG (on the render thread) and reports in the status bar. */
    public void exportPng(Path target) {
        statusBar.setMessage(Messages.get("ui.export.running", target.getFileName()));
        map.exportPng(target, failure -> {
            if (failure == null) {
                statusBar.setMessage(Messages.get("ui.export.done", target));
            } else {
                error(Messages.get("ui.export.failed", target.getFileName()), String.valueOf(failure.getMessage()));
            }
        });
    }

    /** GeoPackages dropped onto the map are opened (the first one). */
    private void acceptDroppedFiles(Node target) {
        target.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && droppedGeoPackage(e.getDragboard().getFiles()) != null) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        target.setOnDragDropped(e -> {
            File f = e.getDragboard().hasFiles() ? droppedGeoPackage(e.getDragboard().getFiles()) : null;
            if (f != null) {
                open(f.toPath());
            }
            e.setDropCompleted(f != null);
            e.consume();
        });
    }

    private static File droppedGeoPackage(List<File> files) {
        return files.stream().filter(f -> f.getName().toLowerCase(Locale.ROOT).endsWith(".gpkg") && f.isFile())
                .findFirst().orElse(null);
    }

    private void chooseLanguage(String code) {
        project.language = code;
        Alert info = new Alert(Alert.AlertType.INFORMATION, Messages.format(
                code == null ? Messages.defaultLocale() : Locale.forLanguageTag(code), "ui.language.restart"));
        info.initOwner(stage);
        info.setHeaderText(null);
        info.show();
    }

    private void showShortcuts() {
        StringBuilder text = new StringBuilder();
        for (ToolSpec t : TOOL_SPECS) {
            text.append(KeyCombination.keyCombination(t.shortcut()).getDisplayText()).append('\t')
                    .append(Messages.get(t.key())).append('\n');
        }
        text.append(Messages.get("ui.shortcuts.navigation"));
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text.toString());
        alert.initOwner(stage);
        alert.setHeaderText(Messages.get("ui.menu.help.shortcuts").replace("_", ""));
        alert.show();
    }

    private void error(String header, String text) {
        statusBar.setMessage(text);
        Alert alert = new Alert(Alert.AlertType.ERROR, text);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.show();
    }
}
