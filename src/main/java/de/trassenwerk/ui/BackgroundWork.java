package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The status bar's progress indicator for long work (opening files, exports, imports, analyses):
 * runs {@link Task}s on daemon threads and shows the newest running one with its message, a
 * progress bar (indeterminate while the task does not know its progress) and a cancel button.
 * Hidden while nothing runs. FX thread only; the tasks themselves run on their own threads.
 */
public final class BackgroundWork extends HBox {
    private final Label title = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button("✕");
    private final Deque<Task<?>> running = new ArrayDeque<>();

    public BackgroundWork() {
        setId("backgroundWork");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(6);
        bar.setPrefWidth(140);
        cancel.getStyleClass().add("cancel-button");
        cancel.setTooltip(new Tooltip(Messages.get("ui.work.cancel")));
        cancel.setOnAction(e -> {
            Task<?> t = running.peekFirst();
            if (t != null) {
                t.cancel();
            }
        });
        getChildren().addAll(title, bar, cancel);
        showNewest();
    }

    /** Starts {@code task} on a new daemon thread named {@code name} and shows its progress. */
    public <T> void run(String name, Task<T> task) {
        running.addFirst(task);
        task.stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.FAILED || now == Worker.State.CANCELLED) {
                running.remove(task);
                showNewest();
            }
        });
        showNewest();
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    /** Whether any task is running; for tests. */
    public boolean isBusy() {
        return !running.isEmpty();
    }

    private void showNewest() {
        Task<?> t = running.peekFirst();
        title.textProperty().unbind();
        bar.progressProperty().unbind();
        setVisible(t != null);
        setManaged(t != null);
        if (t != null) {
            title.textProperty().bind(t.titleProperty());
            bar.progressProperty().bind(t.progressProperty());
        }
    }
}
