package de.trassenwerk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.util.StringConverter;

/**
 * The layers of the open file with a check box each to show or hide them. The list is in drawing
 * order as a map reader sees it: the top entry is drawn on top. FX thread only.
 */
public final class LayerList extends ListView<MapLayer> {
    private Consumer<List<String>> onVisibleLayersChanged = l -> { };

    public LayerList() {
        setId("layerList");
        getStyleClass().add("layer-list");
        setCellFactory(CheckBoxListCell.forListView(MapLayer::visibleProperty, new StringConverter<>() {
            @Override
            public String toString(MapLayer layer) {
                return layer == null ? "" : layer.title();
            }

            @Override
            public MapLayer fromString(String s) {
                throw new UnsupportedOperationException();
            }
        }));
    }

    /** Shows {@code layersBottomToTop}, all ticked. */
    public void setLayers(List<MapLayer> layersBottomToTop) {
        List<MapLayer> topFirst = new ArrayList<>(layersBottomToTop);
        java.util.Collections.reverse(topFirst);
        for (MapLayer l : topFirst) {
            l.visibleProperty().addListener((obs, was, is) -> onVisibleLayersChanged.accept(visibleLayersBottomToTop()));
        }
        setItems(FXCollections.observableArrayList(topFirst));
    }

    /** Names of the ticked layers, bottom to top, as the renderer wants them. */
    public List<String> visibleLayersBottomToTop() {
        List<String> names = new ArrayList<>();
        for (int i = getItems().size() - 1; i >= 0; i--) {
            if (getItems().get(i).isVisible()) {
                names.add(getItems().get(i).name());
            }
        }
        return names;
    }

    /** Called with the new choice (bottom to top) whenever a layer is ticked or unticked. */
    public void setOnVisibleLayersChanged(Consumer<List<String>> handler) {
        onVisibleLayersChanged = handler == null ? l -> { } : handler;
    }
}
