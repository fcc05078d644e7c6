package de.trassenwerk.app;

/** Starts the JavaFX workbench. Kept apart from {@link Launcher} so that the CLI never loads JavaFX. */
final class WorkbenchStarter {
    private WorkbenchStarter() {
    }

    static void start(String[] args) {
        javafx.application.Application.launch(WorkbenchApp.class, args);
    }
}
