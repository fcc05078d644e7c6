package de.trassenwerk.ui;

import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * A table cell edited in a text field that keeps what was typed when the field loses the focus
 * (JavaFX's own text cell forgets it unless Enter was pressed); Escape cancels; after Enter or
 * Escape the table has the keyboard focus again. Rows for which {@code editable} says no are shown
 * but not edited. FX thread only.
 *
 * @param <S> the row type
 */
final class EditTextCell<S> extends TableCell<S, String> {
    private final Predicate<S> editable;
    private TextField field;

    EditTextCell(Predicate<S> editable) {
        this.editable = editable;
    }

    @Override
    public void startEdit() {
        S row = getTableRow() == null ? null : getTableRow().getItem();
        if (row == null || !editable.test(row)) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        field = new TextField(getItem() == null ? "" : getItem());
        field.setOnAction(e -> commitEdit(field.getText()));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now && isEditing() && field != null) {
                commitEdit(field.getText());
            }
        });
        setText(null);
        setGraphic(field);
        field.requestFocus();
        field.selectAll();
    }

    @Override
    public void cancelEdit() {
        boolean focused = hasFocusWithin(this);
        super.cancelEdit();
        field = null;
        setText(getItem());
        setGraphic(null);
        if (focused) {
            getTableView().requestFocus();
        }
    }

    @Override
    public void commitEdit(String value) {
        boolean focused = hasFocusWithin(this);
        field = null;
        super.commitEdit(value);
        setGraphic(null);
        if (focused) {
            getTableView().requestFocus(); // the text field that had the focus is gone
        }
    }

    /**
     * Whether the keyboard focus is in the editor of {@code cell}: when the editor goes, the focus
     * should go back to the table rather than to the first field of the window.
     */
    static boolean hasFocusWithin(TableCell<?, ?> cell) {
        Node editor = cell.getGraphic();
        Node owner = cell.getScene() == null ? null : cell.getScene().getFocusOwner();
        for (Node n = owner; n != null && editor != null; n = n.getParent()) {
            if (n == editor) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty) {
            setText(null);
            setGraphic(null);
        } else if (!isEditing()) {
            setText(item);
            setGraphic(null);
        }
    }
}
