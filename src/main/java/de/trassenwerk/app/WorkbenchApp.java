package de.trassenwerk.app;

import de.trassenwerk.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: opens the main window on the file named on the command line, else on
 * the sample city in {@code sample-gpkg/duisburg.gpkg} below the working directory, else empty.
 */
public final class WorkbenchApp extends Application {
    /** Where the sample city lies, relative to the working directory (the project folder under Maven). */
    public static final Path SAMPLE_FILE = Path.of("sample-gpkg", "duisburg.gpkg");

    @Override
    public void start(Stage stage) {
        showMainWindow(stage, initialFile(getParameters().getRaw()));
    }

    /** Builds and shows the main window on {@code stage}, opening {@code file} unless it is null. FX thread. */
    public static MainWindow showMainWindow(Stage stage, Path file) {
        MainWindow window = new MainWindow(stage);
        stage.show();
        if (file == null) {
            window.showNoFile();
        } else {
            window.open(file);
        }
        return window;
    }

    static Path initialFile(List<String> args) {
        if (!args.isEmpty()) {
            return Path.of(args.get(0));
        }
        return Files.isRegularFile(SAMPLE_FILE) ? SAMPLE_FILE : null;
    }
}
