package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.render.Legend;
import de.trassenwerk.render.LegendEntry;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.style.StyleLibrary;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The layer tree: the layers of the open file in drawing order as a map reader sees it (the top
 * entry is drawn on top), each with a check box to show or hide it and, below it, its legend (one
 * entry per style rule, with the icon the renderer paints; a layer of one rule shows its icon in its
 * own row). Layers are reordered by dragging them, with Alt+Up / Alt+Down or from their context
 * menu, which also sets their opacity. The tooltip gives the feature count, the source and the
 * style file with its problems.
 *
 * <p>FX thread only. Listeners hear of every change of visibility or order
 * ({@link #setOnVisibleLayersChanged}) and of opacity ({@link #setOnLayerOpacityChanged}).
 */
public final class LayerList extends TreeView<Object> {
    private final TreeItem<Object> root = new TreeItem<>();
    private final Map<LegendEntry, Image> icons = new IdentityHashMap<>();
    private StyleLibrary styles = StyleLibrary.defaults();
    private Consumer<List<String>> onVisibleLayersChanged = l -> { };
    private Consumer<Map<String, Double>> onOpacityChanged = m -> { };
    private Consumer<MapLayer> onZoomToLayer = l -> { };
    private MapLayer dragged;

    public LayerList() {
        setId("layerList");
        getStyleClass().add("layer-list");
        setShowRoot(false);
        setRoot(root);
        setCellFactory(t -> new LayerCell());
        addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** Shows {@code layersBottomToTop}, each with its legend from the current styles. */
    public void setLayers(List<MapLayer> layersBottomToTop) {
        List<TreeItem<Object>> items = new ArrayList<>();
        for (MapLayer l : layersBottomToTop) {
            l.visibleProperty().addListener((obs, was, is) -> fireVisibleLayers());
            l.opacityProperty().addListener((obs, was, is) -> onOpacityChanged.accept(opacities()));
            items.add(0, item(l));
        }
        root.getChildren().setAll(items);
    }

    /** Draws the legends with {@code library}'s styles (and names its files in the tooltips). */
    public void setStyles(StyleLibrary library) {
        styles = library == null ? StyleLibrary.defaults() : library;
        icons.clear();
        List<TreeItem<Object>> items = new ArrayList<>();
        for (TreeItem<Object> i : root.getChildren()) {
            items.add(item((MapLayer) i.getValue()));
        }
        root.getChildren().setAll(items);
    }

    private TreeItem<Object> item(MapLayer layer) {
        TreeItem<Object> item = new TreeItem<>(layer);
        List<LegendEntry> legend = legendOf(layer);
        if (legend.size() > 1) {
            for (LegendEntry e : legend) {
                item.getChildren().add(new TreeItem<>(e));
            }
        }
        return item;
    }

    private List<LegendEntry> legendOf(MapLayer layer) {
        return Legend.entries(layer.name(), styles.styleFor(layer.name()), Legend.ICON_SIZE,
                dimension(layer.geometryType()));
    }

    private static int dimension(GeometryType t) {
        if (t == null) {
            return -1;
        }
        return switch (t) {
            case POINT, MULTIPOINT -> 0;
            case LINESTRING, MULTILINESTRING -> 1;
            case POLYGON, MULTIPOLYGON -> 2;
            default -> -1;
        };
    }

    /** The layers, top first (as listed). */
    public List<MapLayer> layers() {
        List<MapLayer> l = new ArrayList<>();
        for (TreeItem<Object> i : root.getChildren()) {
            l.add((MapLayer) i.getValue());
        }
        return l;
    }

    /** Names of the ticked layers, bottom to top, as the renderer wants them. */
    public List<String> visibleLayersBottomToTop() {
        List<String> names = new ArrayList<>();
        List<MapLayer> topFirst = layers();
        for (int i = topFirst.size() - 1; i >= 0; i--) {
            if (topFirst.get(i).isVisible()) {
                names.add(topFirst.get(i).name());
            }
        }
        return names;
    }

    /** The opacity of every layer by name, bottom to top. */
    public Map<String, Double> opacities() {
        Map<String, Double> m = new LinkedHashMap<>();
        List<MapLayer> topFirst = layers();
        for (int i = topFirst.size() - 1; i >= 0; i--) {
            m.put(topFirst.get(i).name(), topFirst.get(i).opacity());
        }
        return m;
    }

    /** Called with the new choice (bottom to top) whenever a layer is ticked, unticked or moved. */
    public void setOnVisibleLayersChanged(Consumer<List<String>> handler) {
        onVisibleLayersChanged = handler == null ? l -> { } : handler;
    }

    /** Called when the user asks to zoom to a layer (its context menu). */
    public void setOnZoomToLayer(Consumer<MapLayer> handler) {
        onZoomToLayer = handler == null ? l -> { } : handler;
    }

    /** Called with every layer's opacity (by name, bottom to top) whenever one of them changes. */
    public void setOnLayerOpacityChanged(Consumer<Map<String, Double>> handler) {
        onOpacityChanged = handler == null ? m -> { } : handler;
    }

    /**
     * Moves {@code layer} by {@code steps} places in the list (negative: up, that is drawn higher)
     * and keeps it selected; false when it cannot move that way.
     */
    public boolean moveLayer(MapLayer layer, int steps) {
        int from = indexOf(layer);
        return from >= 0 && moveLayerTo(layer, from + steps);
    }

    /** Moves {@code layer} to place {@code index} of the list (0 = top); false when nothing moved. */
    public boolean moveLayerTo(MapLayer layer, int index) {
        int from = indexOf(layer);
        int to = Math.max(0, Math.min(root.getChildren().size() - 1, index));
        if (from < 0 || from == to) {
            return false;
        }
        TreeItem<Object> item = root.getChildren().remove(from);
        root.getChildren().add(to, item);
        getSelectionModel().select(item);
        fireVisibleLayers();
        return true;
    }

    private int indexOf(MapLayer layer) {
        for (int i = 0; i < root.getChildren().size(); i++) {
            if (root.getChildren().get(i).getValue() == layer) {
                return i;
            }
        }
        return -1;
    }

    private void fireVisibleLayers() {
        onVisibleLayersChanged.accept(visibleLayersBottomToTop());
    }

    private void keyPressed(KeyEvent e) {
        if (!e.isAltDown() || (e.getCode() != KeyCode.UP && e.getCode() != KeyCode.DOWN)) {
            return;
        }
        MapLayer layer = layerOf(getSelectionModel().getSelectedItem());
        if (layer != null) {
            moveLayer(layer, e.getCode() == KeyCode.UP ? -1 : 1);
        }
        e.consume();
    }

    /** The layer of a tree row: the layer itself or the layer a legend entry belongs to. */
    private static MapLayer layerOf(TreeItem<Object> item) {
        if (item == null) {
            return null;
        }
        if (item.getValue() instanceof MapLayer l) {
            return l;
        }
        return item.getParent() != null && item.getParent().getValue() instanceof MapLayer l ? l : null;
    }

    /** A legend icon as a JavaFX image (made once per entry). */
    private Image icon(LegendEntry e) {
        return icons.computeIfAbsent(e, x -> {
            WritableImage img = new WritableImage(x.size(), x.size());
            img.getPixelWriter().setPixels(0, 0, x.size(), x.size(), PixelFormat.getIntArgbInstance(), x.argb(), 0,
                    x.size());
            return img;
        });
    }

    private String tooltipOf(MapLayer layer) {
        StringBuilder sb = new StringBuilder(layer.title());
        sb.append('\n').append(Messages.get("ui.layers.tooltip.count",
                NumberFormat.getIntegerInstance(Messages.locale()).format(layer.count())));
        if (layer.source() != null) {
            sb.append('\n').append(Messages.get("ui.layers.tooltip.source", layer.source()));
        }
        sb.append('\n').append(styles.fileOf(layer.name())
                .map(f -> Messages.get("ui.layers.tooltip.style", f))
                .orElse(Messages.get("ui.layers.tooltip.defaultStyle")));
        for (String problem : styles.messagesFor(layer.name())) {
            sb.append('\n').append(problem);
        }
        return sb.toString();
    }

    private static String labelOf(MapLayer layer) {
        if (layer.opacity() >= 1) {
            return layer.title();
        }
        return Messages.get("ui.layers.withOpacity", layer.title(), Math.round(layer.opacity() * 100));
    }

    private ContextMenu menuOf(MapLayer layer) {
        MenuItem up = new MenuItem(Messages.get("ui.layers.moveUp"));
        up.setAccelerator(KeyCombination.keyCombination("Alt+Up"));
        up.setOnAction(e -> moveLayer(layer, -1));
        MenuItem down = new MenuItem(Messages.get("ui.layers.moveDown"));
        down.setAccelerator(KeyCombination.keyCombination("Alt+Down"));
        down.setOnAction(e -> moveLayer(layer, 1));
        Slider slider = new Slider(0, 100, layer.opacity() * 100);
        slider.setId("layerOpacitySlider");
        slider.setShowTickMarks(true);
        slider.setMajorTickUnit(25);
        slider.valueProperty().addListener((o, was, is) -> layer.opacityProperty().set(is.doubleValue() / 100));
        VBox box = new VBox(2, new Label(Messages.get("ui.layers.opacity")), slider);
        CustomMenuItem opacity = new CustomMenuItem(box, false);
        MenuItem zoom = new MenuItem(Messages.get("ui.layers.zoomTo"));
        zoom.setId("menuZoomToLayer");
        zoom.setDisable(layer.extent() == null);
        zoom.setOnAction(e -> onZoomToLayer.accept(layer));
        return new ContextMenu(zoom, new SeparatorMenuItem(), up, down, new SeparatorMenuItem(), opacity);
    }

    /** A row: a layer with its check box, or one legend entry. */
    private final class LayerCell extends TreeCell<Object> {
        private final CheckBox check = new CheckBox();
        private final ImageView icon = new ImageView();
        private final HBox graphic = new HBox(4, check, icon);
        private MapLayer bound;

        LayerCell() {
            graphic.setAlignment(Pos.CENTER_LEFT);
            setOnDragDetected(e -> {
                if (getItem() instanceof MapLayer l) {
                    Dragboard db = startDragAndDrop(TransferMode.MOVE);
                    ClipboardContent content = new ClipboardContent();
                    content.putString(l.name());
                    db.setContent(content);
                    dragged = l;
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                MapLayer target = layerOf(getTreeItem());
                if (dragged != null && target != null && target != dragged) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                MapLayer target = layerOf(getTreeItem());
                boolean moved = dragged != null && target != null && moveLayerTo(dragged, indexOf(target));
                e.setDropCompleted(moved);
                e.consume();
            });
            setOnDragDone(e -> dragged = null);
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                check.selectedProperty().unbindBidirectional(bound.visibleProperty());
                bound = null;
            }
            textProperty().unbind();
            setTooltip(null);
            setContextMenu(null);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
            } else if (item instanceof MapLayer layer) {
                bound = layer;
                check.selectedProperty().bindBidirectional(layer.visibleProperty());
                textProperty().bind(Bindings.createStringBinding(() -> labelOf(layer), layer.opacityProperty()));
                List<LegendEntry> legend = getTreeItem() != null && getTreeItem().getChildren().isEmpty()
                        ? legendOf(layer) : List.of();
                icon.setImage(legend.size() == 1 ? icon(legend.get(0)) : null);
                icon.setManaged(legend.size() == 1);
                setGraphic(graphic);
                setTooltip(new Tooltip(tooltipOf(layer)));
                setContextMenu(menuOf(layer));
            } else if (item instanceof LegendEntry entry) {
                setText(entry.title());
                setGraphic(new ImageView(icon(entry)));
            }
        }
    }
}
