package de.trassenwerk.ui;

import de.trassenwerk.render.RenderResult;
import de.trassenwerk.render.Viewport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;

/**
 * Figures of the real window, not a test: opens the main window on a GeoPackage, waits for its first
 * map, then plays a fixed script of 40 pans (mouse drags) and zooms (wheel turns) on the map view
 * with the same events a user's mouse makes, and prints {@code name=value} lines:
 * <ul>
 * <li>{@code pan_frame}: from a drag event to the next frame JavaFX shows (the last map moved
 *     with the mouse), p50 and p95 over every drag step;</li>
 * <li>{@code zoom_frame}: the same from a wheel turn (the last map scaled);</li>
 * <li>{@code pan_render} / {@code zoom_render}: from letting go of the mouse, or the wheel turn, to
 *     the frame that shows the newly drawn map of that view.</li>
 * </ul>
 * The first steps warm the JVM up and are not counted.
 *
 * <p>Thread rules: {@link #run} is called on a thread of its own (never the FX thread) once the
 * JavaFX toolkit runs; it builds the window and fires every event on the FX thread and waits for
 * the frames from its own thread.
 */
public final class MapViewBenchmark {
    private static final int STEPS = 40;
    private static final int WARM_UP_STEPS = 10;
    private static final int DRAG_MOVES = 4;
    private static final long TIMEOUT_S = 120;

    private final PrintWriter out;
    private Stage stage;
    private MainWindow window;
    private MapView map;

    private MapViewBenchmark(PrintWriter out) {
        this.out = out;
    }

    /** Runs the benchmark on {@code file}, prints the figures to {@code out}, closes the window. */
    public static void run(Path file, PrintWriter out) throws Exception {
        new MapViewBenchmark(out).play(file);
    }

    private void play(Path file) throws Exception {
        onFx(() -> {
            stage = new Stage();
            window = new MainWindow(stage);
            map = window.map();
            stage.show();
            window.open(file);
            return null;
        });
        waitForSettledFrame();
        List<Long> panFrames = new ArrayList<>();
        List<Long> zoomFrames = new ArrayList<>();
        List<Long> panRenders = new ArrayList<>();
        List<Long> zoomRenders = new ArrayList<>();
        for (int warm = 0; warm < 2; warm++) {
            int steps = warm == 0 ? WARM_UP_STEPS : STEPS;
            panFrames.clear();
            zoomFrames.clear();
            panRenders.clear();
            zoomRenders.clear();
            for (int step = 0; step < steps; step++) {
                if (step % 5 == 4) {
                    zoom(step, zoomFrames, zoomRenders);
                } else {
                    pan(step, panFrames, panRenders);
                }
            }
        }
        Viewport vp = onFx(() -> map.viewportProperty().get());
        out.printf(Locale.ROOT, "window_map_size=%dx%d%nsteps=%d%n", vp.width(), vp.height(), STEPS);
        print("pan_frame", panFrames);
        print("zoom_frame", zoomFrames);
        print("pan_render", panRenders);
        print("zoom_render", zoomRenders);
        out.flush();
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    /** One drag: press, a few moves (each timed to the next frame), release (timed to the new map). */
    private void pan(int step, List<Long> frames, List<Long> renders) throws Exception {
        double w = onFx(() -> map.getWidth());
        double h = onFx(() -> map.getHeight());
        double x0 = w / 2;
        double y0 = h / 2;
        // a fixed script: directions turn round the compass, 40 to 160 pixels per drag
        double angle = step * 2.4;
        double length = 40 + (step * 37) % 120;
        fire(mouse(MouseEvent.MOUSE_PRESSED, x0, y0));
        for (int i = 1; i <= DRAG_MOVES; i++) {
            double f = (double) i / DRAG_MOVES;
            MouseEvent drag = mouse(MouseEvent.MOUSE_DRAGGED, x0 + Math.cos(angle) * length * f,
                    y0 + Math.sin(angle) * length * f);
            frames.add(timeToNextFrame(drag));
        }
        long t0 = System.nanoTime();
        fire(mouse(MouseEvent.MOUSE_RELEASED, x0 + Math.cos(angle) * length, y0 + Math.sin(angle) * length));
        renders.add(waitForSettledFrame() - t0);
    }

    /** One wheel turn, in or out, at a point that moves with the step. */
    private void zoom(int step, List<Long> frames, List<Long> renders) throws Exception {
        double w = onFx(() -> map.getWidth());
        double h = onFx(() -> map.getHeight());
        double x = w * (0.3 + 0.4 * ((step * 7) % 10) / 10.0);
        double y = h * (0.3 + 0.4 * ((step * 3) % 10) / 10.0);
        double delta = (step / 5) % 2 == 0 ? 40 : -40;
        ScrollEvent wheel = new ScrollEvent(ScrollEvent.SCROLL, x, y, x, y, false, false, false, false, false, false,
                0, delta, 0, delta, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, new PickResult(map, x, y));
        long t0 = System.nanoTime();
        frames.add(timeToNextFrame(wheel));
        renders.add(waitForSettledFrame() - t0);
    }

    /** Fires {@code e} on the map and returns the nanoseconds until the next frame is shown. */
    private long timeToNextFrame(Event e) throws Exception {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        long[] t0 = new long[1];
        Platform.runLater(() -> {
            Scene scene = map.getScene();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                scene.removePostLayoutPulseListener(listener[0]);
                shown.complete(System.nanoTime() - t0[0]);
            };
            scene.addPostLayoutPulseListener(listener[0]);
            t0[0] = System.nanoTime();
            Event.fireEvent(map, e);
        });
        return shown.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /**
     * Waits until the map shows a finished frame of its current view and that frame has been on
     * screen for one pulse; returns {@link System#nanoTime()} at that pulse.
     */
    private long waitForSettledFrame() throws Exception {
        CompletableFuture<Long> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            Scene scene = map.getScene();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                RenderResult r = map.lastFrameProperty().get();
                Viewport vp = map.viewportProperty().get();
                if (r != null && vp != null && r.viewport().equals(vp)) {
                    scene.removePostLayoutPulseListener(listener[0]);
                    shown.complete(System.nanoTime());
                } else {
                    Platform.requestNextPulse();
                }
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
        });
        return shown.get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y) {
        boolean down = type != MouseEvent.MOUSE_RELEASED;
        return new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false, down, false,
                false, false, false, false, new PickResult(map, x, y));
    }

    private void fire(Event e) throws Exception {
        onFx(() -> {
            Event.fireEvent(map, e);
            return null;
        });
    }

    private void print(String name, List<Long> nanos) {
        long[] ms = nanos.stream().mapToLong(n -> n / 1_000_000).sorted().toArray();
        if (ms.length == 0) {
            return;
        }
        out.printf(Locale.ROOT, "%s_count=%d%n%s_p50_ms=%d%n%s_p95_ms=%d%n%s_max_ms=%d%n", name, ms.length, name,
                ms[ms.length / 2], name, ms[Math.min(ms.length - 1, (int) Math.ceil(ms.length * 0.95) - 1)], name,
                ms[ms.length - 1]);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(TIMEOUT_S, TimeUnit.SECONDS);
    }
}
