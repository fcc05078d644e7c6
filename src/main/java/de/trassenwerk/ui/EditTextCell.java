package de.trassenwerk.ui;

import java.util.function.Predicate;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

/**
 * A table cell edited in a text field that keeps what was typed when the field loses the focus
 * (JavaFX's own text cell forgets it unless Enter was pressed); Escape cancels. Rows for which
 * {@code editable} says no are shown but not edited. FX thread only.
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
        super.cancelEdit();
        field = null;
        setText(getItem());
        setGraphic(null);
    }

    @Override
    public void commitEdit(String value) {
        field = null;
        super.commitEdit(value);
        setGraphic(null);
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
