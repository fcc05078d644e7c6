package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;

/**
 * The cost model file of the coordination and the route planner, as the user chose it: a button that
 * opens a file chooser for JSON files and a label naming the file chosen (or the default model).
 * The coordination panel and the route planner each keep one.
 *
 * <p>FX thread only.
 */
final class CostFileChoice {
    private final Button button = new Button(Messages.get("ui.coordination.costs.choose"));
    private final Label label = new Label(Messages.get("ui.coordination.costs.default"));
    private Path file;

    CostFileChoice() {
        button.setOnAction(e -> choose());
    }

    Button button() {
        return button;
    }

    Label label() {
        return label;
    }

    /** The file chosen, or null for the default cost model. */
    Path file() {
        return file;
    }

    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get("ui.coordination.costs.choose"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON", "*.json"));
        File chosen = chooser.showOpenDialog(button.getScene() == null ? null : button.getScene().getWindow());
        if (chosen != null) {
            file = chosen.toPath();
            label.setText(file.getFileName().toString());
        }
    }
}
