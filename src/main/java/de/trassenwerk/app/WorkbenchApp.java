package de.trassenwerk.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: builds the main window. */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Trassenwerk");
        stage.show();
    }
}
