package de.trassenwerk.ui;

import de.trassenwerk.explore.FeatureSearch;
import de.trassenwerk.explore.SearchHit;
import de.trassenwerk.i18n.Messages;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Popup;
import javafx.util.Duration;

/**
 * The search field of the tool bar: finds streets, quarters, districts, commercial sites and
 * construction sites ({@link FeatureSearch}) while the user types, shows the best hits in a list
 * below the field, and hands the chosen hit (Enter, click, or arrow keys and Enter) to its
 * consumer, which zooms to it and selects it. Esc closes the list, then clears the field.
 *
 * <p>Thread rules: FX thread only. A search runs through {@link BackgroundReads} 250 ms after the
 * last key stroke; answers for a text that has changed since are dropped.
 */
public final class SearchBox extends TextField {
    static final int SUGGESTIONS = 10;
    private static final double CELL_HEIGHT = 24;

    private final BackgroundReads reads;
    private final Consumer<SearchHit> onChoose;
    private final ListView<SearchHit> suggestions = new ListView<>();
    private final Popup popup = new Popup();
    private final PauseTransition typing = new PauseTransition(Duration.millis(250));
    private String searchedText;

    public SearchBox(BackgroundReads reads, Consumer<SearchHit> onChoose) {
        this.reads = reads;
        this.onChoose = onChoose;
        setId("searchBox");
        getStyleClass().add("search-box");
        setPromptText(Messages.get("ui.search.prompt"));
        setTooltip(AttributeTable.tooltip("ui.search.tooltip", "Shortcut+F"));
        suggestions.setId("searchSuggestions");
        suggestions.setCellFactory(l -> new HitCell());
        suggestions.setFixedCellSize(CELL_HEIGHT);
        suggestions.setFocusTraversable(false);
        suggestions.setOnMouseClicked(e -> choose(suggestions.getSelectionModel().getSelectedItem()));
        popup.getContent().add(suggestions);
        popup.setAutoHide(true);
        typing.setOnFinished(e -> search());
        textProperty().addListener((o, was, now) -> {
            getStyleClass().remove("filter-error");
            typing.playFromStart();
        });
        setOnAction(e -> enter());
        addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                popup.hide();
            }
        });
    }

    /** The suggestions shown now (empty when the list is closed); for tests. */
    List<SearchHit> shownSuggestions() {
        return popup.isShowing() ? List.copyOf(suggestions.getItems()) : List.of();
    }

    private void keyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP) {
            if (popup.isShowing() && !suggestions.getItems().isEmpty()) {
                int i = suggestions.getSelectionModel().getSelectedIndex() + (e.getCode() == KeyCode.DOWN ? 1 : -1);
                i = Math.max(0, Math.min(suggestions.getItems().size() - 1, i));
                suggestions.getSelectionModel().select(i);
                suggestions.scrollTo(i);
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (popup.isShowing()) {
                popup.hide();
            } else {
                clear();
            }
            e.consume();
        }
    }

    /** Enter: the hit highlighted in the list, else the best hit (searching first if needed). */
    private void enter() {
        if (popup.isShowing() && getText().equals(searchedText) && !suggestions.getItems().isEmpty()) {
            SearchHit chosen = suggestions.getSelectionModel().getSelectedItem();
            choose(chosen != null ? chosen : suggestions.getItems().get(0));
            return;
        }
        typing.stop();
        String text = getText();
        reads.read(store -> new FeatureSearch(store).find(text, 1), hits -> {
            if (!text.equals(getText())) {
                return;
            }
            if (hits.isEmpty()) {
                nothingFound();
            } else {
                choose(hits.get(0));
            }
        }, failure -> nothingFound());
    }

    private void search() {
        String text = getText();
        if (text == null || text.isBlank()) {
            popup.hide();
            return;
        }
        reads.read(store -> new FeatureSearch(store).find(text, SUGGESTIONS), hits -> {
            if (text.equals(getText())) {
                searchedText = text;
                showSuggestions(hits);
            }
        }, failure -> popup.hide());
    }

    private void showSuggestions(List<SearchHit> hits) {
        if (hits.isEmpty()) {
            popup.hide();
            nothingFound();
            return;
        }
        suggestions.getItems().setAll(hits);
        suggestions.getSelectionModel().clearSelection();
        double width = Math.max(getWidth(), 400);
        suggestions.setPrefWidth(width);
        suggestions.setPrefHeight(hits.size() * CELL_HEIGHT + 4);
        if (!popup.isShowing() && getScene() != null && isFocused()) {
            // right-aligned with the field, which sits at the right end of the tool bar
            Bounds b = localToScreen(getBoundsInLocal());
            popup.show(this, b.getMaxX() - width, b.getMaxY());
        }
    }

    private void nothingFound() {
        if (!getStyleClass().contains("filter-error")) {
            getStyleClass().add("filter-error");
        }
    }

    private void choose(SearchHit hit) {
        if (hit == null) {
            return;
        }
        popup.hide();
        onChoose.accept(hit);
    }

    /** A hit as title with its kind after it. */
    private static final class HitCell extends ListCell<SearchHit> {
        @Override
        protected void updateItem(SearchHit hit, boolean empty) {
            super.updateItem(hit, empty);
            if (empty || hit == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label title = new Label(hit.title());
            Label kind = new Label(Messages.get("ui.search.kind." + hit.kind().name()));
            kind.getStyleClass().add("search-kind");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox line = new HBox(8, title, gap, kind);
            setText(null);
            setGraphic(line);
            setTooltip(new Tooltip(hit.title()));
        }
    }
}
