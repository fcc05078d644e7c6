package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.mapping.FieldMapping.Conversion;
import de.trassenwerk.io.mapping.FieldMapping.Rule;
import de.trassenwerk.io.mapping.RuleEdits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The value table of the selected lookup or keyword rule: source value (or keyword) → target value,
 * in order (for keywords the first that the value contains wins), and the value for everything
 * else. Hidden for other rules. Each edit is handed on as a new rule. FX thread only.
 */
final class RuleValuesPane extends VBox {

    /** One line of the table. */
    record Entry(String key, String value) {
    }

    private final MappingRuleTable.RuleEdit onEdit;
    private final Label title = new Label();
    private final TableView<Entry> table = new TableView<>();
    private final TableColumn<Entry, String> keys = new TableColumn<>();
    private final TextField otherwise = new TextField();
    private int row = -1;
    private Rule rule;
    private boolean pushing;

    RuleValuesPane(MappingRuleTable.RuleEdit onEdit) {
        this.onEdit = onEdit;
        setId("mappingValues");
        setSpacing(4);
        title.getStyleClass().add("mapping-section-title");
        table.setId("mappingValuesTable");
        table.setEditable(true);
        table.setPrefHeight(130);
        table.setMinHeight(90);
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("ui.mapping.values.empty")));
        keys.setId("valueKey");
        keys.setSortable(false);
        keys.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().key()));
        keys.setCellFactory(c -> new EditTextCell<>(e -> true));
        keys.setOnEditCommit(e -> set(e.getTablePosition().getRow(), new Entry(e.getNewValue(), e.getRowValue().value())));
        TableColumn<Entry, String> values = new TableColumn<>(Messages.get("ui.mapping.values.value"));
        values.setId("valueValue");
        values.setSortable(false);
        values.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        values.setCellFactory(c -> new EditTextCell<>(e -> true));
        values.setOnEditCommit(e -> set(e.getTablePosition().getRow(), new Entry(e.getRowValue().key(), e.getNewValue())));
        table.getColumns().add(keys);
        table.getColumns().add(values);
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (table.getEditingCell() != null) {
                return;
            }
            if (e.getCode() == KeyCode.DELETE) {
                remove();
                e.consume();
            } else if (e.getCode() == KeyCode.INSERT) {
                add();
                e.consume();
            } else if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                move(e.getCode() == KeyCode.UP ? -1 : 1);
                e.consume();
            }
        });

        Button add = small("mappingValueAdd", "ui.mapping.values.add", "ui.mapping.values.add.tip", this::add);
        Button remove = small("mappingValueRemove", "ui.mapping.values.remove", "ui.mapping.values.remove.tip", this::remove);
        Button up = small("mappingValueUp", "ui.mapping.up", "ui.mapping.up.tip", () -> move(-1));
        Button down = small("mappingValueDown", "ui.mapping.down", "ui.mapping.down.tip", () -> move(1));
        otherwise.setId("mappingOtherwise");
        otherwise.setPromptText(Messages.get("ui.mapping.values.otherwise.prompt"));
        otherwise.setTooltip(new Tooltip(Messages.get("ui.mapping.values.otherwise.tip")));
        otherwise.setOnAction(e -> push());
        otherwise.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                push();
            }
        });
        HBox.setHgrow(otherwise, Priority.ALWAYS);
        HBox bar = new HBox(6, add, remove, up, down, new Label(Messages.get("ui.mapping.values.otherwise")), otherwise);
        bar.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, table, bar);
        show(-1, null);
    }

    private static Button small(String id, String text, String tip, Runnable action) {
        Button b = new Button(Messages.get(text));
        b.setId(id);
        b.setTooltip(new Tooltip(Messages.get(tip)));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Shows the table of rule {@code index} when it is a lookup or keyword rule; hides the pane otherwise. */
    void show(int index, Rule r) {
        if (pushing) {
            return;
        }
        boolean table = r != null && (r.convert() == Conversion.LOOKUP || r.convert() == Conversion.CLASSIFY);
        setVisible(table);
        setManaged(table);
        row = table ? index : -1;
        rule = table ? r : null;
        if (!table) {
            this.table.getItems().clear();
            return;
        }
        boolean lookup = r.convert() == Conversion.LOOKUP;
        title.setText(Messages.get(lookup ? "ui.mapping.values.titleLookup" : "ui.mapping.values.titleKeywords",
                index + 1, r.from() == null ? "" : r.from(), String.join(", ", r.to())));
        keys.setText(Messages.get(lookup ? "ui.mapping.values.key" : "ui.mapping.values.keyword"));
        this.table.getItems().setAll(RuleEdits.table(r).entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue())).toList());
        otherwise.setText(r.otherwise() == null ? "" : r.otherwise());
    }

    private void set(int i, Entry e) {
        if (i >= 0 && i < table.getItems().size()) {
            table.getItems().set(i, e);
            push();
        }
    }

    private void add() {
        if (rule == null) {
            return;
        }
        table.getItems().add(new Entry("", ""));
        int last = table.getItems().size() - 1;
        table.requestFocus();
        table.getSelectionModel().clearAndSelect(last, keys);
        table.scrollTo(last);
        table.edit(last, keys);
    }

    private void remove() {
        int i = table.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            table.getItems().remove(i);
            push();
        }
    }

    private void move(int by) {
        int i = table.getSelectionModel().getSelectedIndex();
        int j = i + by;
        if (i < 0 || j < 0 || j >= table.getItems().size()) {
            return;
        }
        Entry e = table.getItems().remove(i);
        table.getItems().add(j, e);
        table.getSelectionModel().clearAndSelect(j);
        push();
    }

    private static List<Map.Entry<String, String>> inOrder(Rule r) {
        return List.copyOf(RuleEdits.table(r).entrySet());
    }

    /** Hands the table on as the rule's new value table (entries without a key are left out). */
    private void push() {
        if (rule == null) {
            return;
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Entry e : table.getItems()) {
            entries.putIfAbsent(e.key(), e.value());
        }
        Rule changed = RuleEdits.withTable(rule, entries, otherwise.getText());
        if (!changed.equals(rule) || !inOrder(changed).equals(inOrder(rule))) {
            rule = changed;
            pushing = true;
            try {
                onEdit.replace(row, changed);
            } finally {
                pushing = false;
            }
        }
    }
}
