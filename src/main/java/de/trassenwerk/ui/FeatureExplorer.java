package de.trassenwerk.ui;

import de.trassenwerk.explore.IdentifiedFeature;
import de.trassenwerk.explore.Identify;
import de.trassenwerk.explore.SearchHit;
import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCombination;

/**
 * Puts the tools for finding and looking at features into the main window: the attribute table and
 * the identify results in the dock below the map, the search box at the end of the tool bar, and the
 * workbench's {@link Selection}, drawn highlighted by the map. Answers the map's identify and select
 * picks, and adds the keyboard shortcuts (Ctrl+F search, Ctrl+J zoom to selection, Ctrl+Shift+A
 * clear selection, Ctrl+Shift+J only selected rows, F6 attribute table).
 *
 * <p>Thread rules: FX thread only; every read of the store goes through one {@link BackgroundReads}.
 */
public final class FeatureExplorer {
    /** At most this many features are selected by one box. */
    static final int MAX_BOX_SELECTION = 100_000;

    private final MainWindow window;
    private final BackgroundReads reads = new BackgroundReads();
    private final Selection selection;
    private final AttributeTable table;
    private final IdentifyPanel identify;
    private final SearchBox search;
    private final Tab tableTab;
    private final Tab identifyTab;
    private final Map<String, String> titles = new LinkedHashMap<>();
    private final ObservableValue<String> chosenLayer;

    /**
     * @param chosenLayer the name of the layer chosen in the layer list (null when none): the table
     *                    shows it
     */
    public FeatureExplorer(MainWindow window, ObservableValue<String> chosenLayer) {
        this.window = window;
        this.chosenLayer = chosenLayer;
        MapView map = window.map();
        selection = new Selection(reads, map::setHighlight);
        table = new AttributeTable(reads, selection, map::zoomTo);
        identify = new IdentifyPanel(selection);
        search = new SearchBox(reads, this::searchChosen);
        tableTab = new Tab(Messages.get("ui.table.tab"), table);
        tableTab.setId("tabAttributeTable");
        tableTab.setTooltip(AttributeTable.tooltip("ui.table.tab.tooltip", "F6"));
        identifyTab = new Tab(Messages.get("ui.identify.tab"), identify);
        identifyTab.setId("tabIdentify");
        tableTab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                Platform.runLater(table::revealSelection);
            }
        });
        window.addDockTab(tableTab);
        window.addDockTab(identifyTab);
        window.toolBar().getItems().add(search);
        map.setOnPick(this::picked);
        chosenLayer.addListener((o, was, now) -> {
            if (now != null) {
                table.showLayer(now);
            }
        });
        selection.selectedProperty().addListener((o, was, now) -> describeSelection(now));
        Scene scene = Objects.requireNonNull(window.stage().getScene(), "the window's scene is made first");
        scene.getStylesheets().add(Objects.requireNonNull(
                FeatureExplorer.class.getResource("explore.css")).toExternalForm());
        Map<KeyCombination, Runnable> keys = new LinkedHashMap<>(table.shortcuts());
        keys.put(KeyCombination.keyCombination("Shortcut+F"), () -> {
            search.requestFocus();
            search.selectAll();
        });
        keys.put(KeyCombination.keyCombination("F6"), () -> window.showDockTab(tableTab));
        scene.getAccelerators().putAll(keys);
    }

    /** Shows the layers of a newly opened file (null: none); the selection is cleared. */
    public void setStore(FeatureStore store, List<LayerInfo> layers) {
        reads.setStore(store);
        titles.clear();
        for (LayerInfo l : tableOrder(layers)) {
            titles.put(l.name(), title(l.name()));
        }
        String chosen = chosenLayer.getValue();
        String preferred = chosen != null ? chosen : tableOrder(layers).stream().filter(l -> l.count() > 0)
                .map(LayerInfo::name).findFirst().orElse(null);
        table.setLayers(titles, preferred);
    }

    /** Stops the background reads (the window is closing). */
    public void dispose() {
        reads.dispose();
    }

    public Selection selection() {
        return selection;
    }

    public AttributeTable table() {
        return table;
    }

    public IdentifyPanel identifyPanel() {
        return identify;
    }

    public SearchBox searchBox() {
        return search;
    }

    // ------------------------------------------------------------------ picks

    private void picked(MapPick pick) {
        if (pick.tool() == MapTool.IDENTIFY) {
            identifyAt(pick);
        } else if (pick.tool() == MapTool.SELECT) {
            selectAt(pick);
        }
    }

    private void identifyAt(MapPick pick) {
        List<String> topFirst = new ArrayList<>(window.map().layers());
        Collections.reverse(topFirst);
        double tolerance = pick.area().getWidth() / 2;
        reads.read(store -> new Identify(store).at(pick.x(), pick.y(), tolerance, topFirst,
                Identify.DEFAULT_MAX_PER_LAYER), hits -> {
                    identify.show(pick.x(), pick.y(), hits, titles);
                    window.showDockTab(identifyTab);
                }, this::failed);
    }

    private void selectAt(MapPick pick) {
        String layer = table.layerProperty().get();
        if (layer == null) {
            window.statusBar().setMessage(Messages.get("ui.select.noLayer"));
            return;
        }
        double tolerance = pick.area().getWidth() / 2;
        reads.read(store -> pick.box()
                ? new Identify(store).fidsIntersecting(layer, pick.area(), MAX_BOX_SELECTION)
                : new Identify(store).at(pick.x(), pick.y(), tolerance, List.of(layer), 1).stream()
                        .map(IdentifiedFeature::fid).toList(), fids -> {
                    if (!pick.adding()) {
                        selection.select(layer, fids);
                    } else if (pick.box()) {
                        selection.add(layer, fids);
                    } else if (!fids.isEmpty()) {
                        selection.toggle(layer, fids.get(0));
                    }
                }, this::failed);
    }

    private void searchChosen(SearchHit hit) {
        if (hit.envelope() != null) {
            window.map().zoomTo(hit.envelope());
        }
        selection.select(hit.layer(), hit.fids());
        window.statusBar().setMessage(Messages.get("ui.search.shown", hit.title(),
                Messages.get("ui.search.kind." + hit.kind().name())));
    }

    private void describeSelection(SelectedFeatures s) {
        if (!s.isEmpty()) {
            window.statusBar().setMessage(Messages.get("ui.select.done", s.size(),
                    titles.getOrDefault(s.layer(), s.layer())));
        }
    }

    private void failed(RuntimeException e) {
        window.statusBar().setMessage(e instanceof de.trassenwerk.i18n.UserFacingException u ? u.localizedMessage()
                : String.valueOf(e.getMessage()));
    }

    // ------------------------------------------------------------------ layers

    /** Layers as the layer list shows them (topmost theme layer first), then attribute-only tables. */
    private static List<LayerInfo> tableOrder(List<LayerInfo> layers) {
        List<LayerInfo> features = new ArrayList<>();
        for (LayerSchema theme : ThemeLayers.all()) {
            layers.stream().filter(l -> l.schema().hasGeometry() && l.name().equalsIgnoreCase(theme.name()))
                    .forEach(features::add);
        }
        layers.stream().filter(l -> l.schema().hasGeometry() && !features.contains(l)).forEach(features::add);
        Collections.reverse(features);
        List<LayerInfo> out = new ArrayList<>(features);
        layers.stream().filter(l -> !l.schema().hasGeometry()).forEach(out::add);
        return out;
    }

    private static String title(String layer) {
        String key = "ui.layer." + layer;
        String t = Messages.get(key);
        return t.equals(key) ? layer : t;
    }
}
