package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.io.mapping.FieldMapping.Conversion;
import de.trassenwerk.io.mapping.FieldMapping.Rule;
import de.trassenwerk.io.mapping.MappingProblem;
import de.trassenwerk.io.mapping.RuleEdits;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.util.StringConverter;

/**
 * The rules of a field mapping as an editable table, one rule per row: number, source field,
 * conversion, target field, end-date field (date ranges only), constant or value-table summary.
 * Source and target fields and the conversion are chosen in combo boxes, a constant is typed.
 * Every edit is handed to {@code onEdit} as a new rule for the row (the rows are
 * {@link Rule}s, which are immutable); rows with problems are tinted and explain them in a tooltip.
 * FX thread only.
 */
final class MappingRuleTable extends TableView<Rule> {

    /** Receives an edited rule for a row. */
    @FunctionalInterface
    interface RuleEdit {
        void replace(int row, Rule rule);
    }

    private final ObservableList<String> sourceFields = FXCollections.observableArrayList();
    private final ObservableList<String> targetFields = FXCollections.observableArrayList();
    private final BooleanProperty openTarget = new SimpleBooleanProperty();
    private final Map<Integer, String> problems = new HashMap<>();
    private final RuleEdit onEdit;

    MappingRuleTable(RuleEdit onEdit, Function<Conversion, Function<Rule, Rule>> conversion) {
        this.onEdit = onEdit;
        setId("importRules");
        setEditable(true);
        getSelectionModel().setCellSelectionEnabled(true);
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setFixedCellSize(26);

        TableColumn<Rule, String> number = new TableColumn<>("#");
        number.setId("ruleNumber");
        number.setSortable(false);
        number.setEditable(false);
        number.setPrefWidth(36);
        number.setMaxWidth(44);
        number.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : String.valueOf(getIndex() + 1));
            }
        });

        TableColumn<Rule, String> from = column("ruleFrom", "ui.import.mapping.from", 170,
                r -> r.convert() == Conversion.CONSTANT ? "\u2013" : nullToEmpty(r.from()));
        from.setCellFactory(c -> new ChoiceCell<>(sourceFields, r -> r.convert() != Conversion.CONSTANT, false));
        from.setOnEditCommit(e -> edited(e.getTablePosition().getRow(), RuleEdits.withFrom(e.getRowValue(), e.getNewValue())));

        TableColumn<Rule, Conversion> how = new TableColumn<>(Messages.get("ui.import.mapping.convert"));
        how.setId("ruleConvert");
        how.setSortable(false);
        how.setPrefWidth(190);
        how.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().convert()));
        ObservableList<Conversion> kinds = FXCollections.observableArrayList(Conversion.values());
        how.setCellFactory(c -> {
            ChoiceCell<Conversion> cell = new ChoiceCell<>(kinds, r -> true, false);
            cell.setConverter(conversionNames());
            cell.explainWith(k -> Messages.get("ui.mapping.convert." + k.name().toLowerCase(Locale.ROOT) + ".tip"));
            return cell;
        });
        how.setOnEditCommit(e -> edited(e.getTablePosition().getRow(),
                conversion.apply(e.getNewValue()).apply(e.getRowValue())));

        TableColumn<Rule, String> to = column("ruleTo", "ui.import.mapping.to", 150,
                r -> r.to().isEmpty() ? "" : r.to().get(0));
        to.setCellFactory(c -> new ChoiceCell<>(targetFields, r -> true, true));
        to.setOnEditCommit(e -> edited(e.getTablePosition().getRow(), RuleEdits.withTarget(e.getRowValue(), 0, e.getNewValue())));

        TableColumn<Rule, String> end = column("ruleEnd", "ui.mapping.column.end", 120,
                r -> r.to().size() > 1 ? r.to().get(1) : "");
        end.setCellFactory(c -> new ChoiceCell<>(targetFields, r -> r.convert() == Conversion.GERMAN_DATE_RANGE, true));
        end.setOnEditCommit(e -> edited(e.getTablePosition().getRow(), RuleEdits.withTarget(e.getRowValue(), 1, e.getNewValue())));

        TableColumn<Rule, String> value = column("ruleValue", "ui.mapping.column.value", 200, MappingRuleTable::summary);
        value.setCellFactory(c -> new EditTextCell<>(r -> r.convert() == Conversion.CONSTANT));
        value.setOnEditCommit(e -> edited(e.getTablePosition().getRow(), RuleEdits.withValue(e.getRowValue(), e.getNewValue())));

        getColumns().add(number);
        getColumns().add(from);
        getColumns().add(how);
        getColumns().add(to);
        getColumns().add(end);
        getColumns().add(value);
        setRowFactory(t -> new ProblemRow());
    }

    private void edited(int row, Rule rule) {
        if (row >= 0 && row < getItems().size() && !rule.equals(getItems().get(row))) {
            onEdit.replace(row, rule);
        }
    }

    /** The fields the source column offers. */
    ObservableList<String> sourceFields() {
        return sourceFields;
    }

    /** The fields the target columns offer. */
    ObservableList<String> targetFields() {
        return targetFields;
    }

    /** Sets the fields the target columns offer; {@code open}: any name may be typed as well. */
    void setTargetFields(List<String> names, boolean open) {
        targetFields.setAll(names);
        openTarget.set(open);
    }

    /** Tints the rows these problems concern and explains them in the rows' tooltips. */
    void showProblems(List<MappingProblem> list) {
        problems.clear();
        for (MappingProblem p : list) {
            for (int rule : p.rules()) {
                problems.merge(rule, p.message(), (a, b) -> a + "\n" + b);
            }
        }
        refresh();
    }

    /** How each conversion is called in the user's language. */
    static StringConverter<Conversion> conversionNames() {
        return new StringConverter<>() {
            @Override
            public String toString(Conversion c) {
                return c == null ? "" : Messages.get("ui.mapping.convert." + c.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public Conversion fromString(String s) {
                return null;
            }
        };
    }

    private static String summary(Rule r) {
        switch (r.convert()) {
            case CONSTANT:
                return r.value() == null ? "" : r.value().toString();
            case LOOKUP:
            case CLASSIFY:
                int n = RuleEdits.table(r).size();
                return r.otherwise() == null ? Messages.get("ui.mapping.table.summaryFail", n)
                        : Messages.get("ui.mapping.table.summary", n, r.otherwise());
            default:
                return "";
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static TableColumn<Rule, String> column(String id, String key, double width, Function<Rule, String> value) {
        TableColumn<Rule, String> c = new TableColumn<>(Messages.get(key));
        c.setId(id);
        c.setSortable(false);
        c.setPrefWidth(width);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        return c;
    }

    /** A row tinted when its rule has a problem, with the problem as tooltip. */
    private final class ProblemRow extends TableRow<Rule> {
        @Override
        protected void updateItem(Rule rule, boolean empty) {
            super.updateItem(rule, empty);
            String problem = empty || rule == null ? null : problems.get(getIndex() + 1);
            getStyleClass().remove("mapping-problem");
            if (problem != null) {
                getStyleClass().add("mapping-problem");
            }
            setTooltip(problem == null ? null : new Tooltip(problem));
        }
    }

    /**
     * A combo box cell that edits only rows {@code editable} accepts, opens its list when editing
     * starts, and — for target fields of a new layer — lets any name be typed.
     */
    private final class ChoiceCell<T> extends ComboBoxTableCell<Rule, T> {
        private final Predicate<Rule> editable;
        private final boolean target;
        private Function<T, String> explanation;

        ChoiceCell(ObservableList<T> items, Predicate<Rule> editable, boolean target) {
            super(items);
            this.editable = editable;
            this.target = target;
        }

        /** Shows what the cell's value means as its tooltip. */
        void explainWith(Function<T, String> e) {
            explanation = e;
        }

        @Override
        public void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setTooltip(explanation == null || empty || item == null ? null : new Tooltip(explanation.apply(item)));
        }

        @Override
        public void commitEdit(T value) {
            boolean focused = EditTextCell.hasFocusWithin(this);
            super.commitEdit(value);
            if (focused) {
                getTableView().requestFocus(); // the combo box that had the focus is gone
            }
        }

        @Override
        public void cancelEdit() {
            boolean focused = EditTextCell.hasFocusWithin(this);
            super.cancelEdit();
            if (focused) {
                getTableView().requestFocus();
            }
        }

        @Override
        public void startEdit() {
            Rule row = getTableRow() == null ? null : getTableRow().getItem();
            if (row == null || !editable.test(row)) {
                return;
            }
            setComboBoxEditable(target && openTarget.get());
            super.startEdit();
            if (isEditing() && getGraphic() instanceof ComboBox<?> box) {
                box.setId(getTableColumn().getId() + "Editor");
                Platform.runLater(() -> {
                    if (isEditing() && box.getScene() != null) {
                        box.requestFocus();
                        box.show();
                    }
                });
            }
        }
    }
}
