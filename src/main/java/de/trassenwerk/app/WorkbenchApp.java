package de.trassenwerk.app;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.project.ProjectFiles;
import de.trassenwerk.project.WorkbenchProject;
import de.trassenwerk.ui.MainWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The JavaFX application: restores the last session (language, file, layers, view) from the
 * session file, then opens the file named on the command line (a GeoPackage or a {@code .twproj}
 * project), else the last session's file, else the sample city in {@code sample-gpkg/duisburg.gpkg}
 * below the working directory, else the user's copy of the sample an installed copy carries
 * ({@link BundledSample}), else nothing.
 */
public final class WorkbenchApp extends Application {
    /** Where the sample city lies, relative to the working directory (the project folder under Maven). */
    public static final Path SAMPLE_FILE = Path.of("sample-gpkg", "duisburg.gpkg");

    @Override
    public void start(Stage stage) {
        Path session = ProjectFiles.sessionFile();
        WorkbenchProject project;
        try {
            project = ProjectFiles.read(session);
        } catch (UserFacingException e) {
            System.err.println(e.localizedMessage());
            project = new WorkbenchProject();
        }
        if (project.language != null) {
            Messages.setLocale(Locale.forLanguageTag(project.language));
        }
        MainWindow window = new MainWindow(stage, project, session);
        stage.show();
        Path file = initialFile(getParameters().getRaw(), project);
        if (file == null) {
            window.showNoFile();
        } else if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(ProjectFiles.EXTENSION)) {
            window.openProject(file);
        } else {
            window.open(file);
        }
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

    static Path initialFile(List<String> args, WorkbenchProject last) {
        if (!args.isEmpty()) {
            return Path.of(args.get(0));
        }
        if (last.file != null && Files.isRegularFile(Path.of(last.file))) {
            return Path.of(last.file);
        }
        return Files.isRegularFile(SAMPLE_FILE) ? SAMPLE_FILE : BundledSample.userCopy().orElse(null);
    }
}
