package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.opendata.PublicPreview;
import de.trassenwerk.opendata.PublicationPlan;
import de.trassenwerk.render.MapRenderer;
import de.trassenwerk.render.RenderResult;
import de.trassenwerk.render.Viewport;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.ThemeLayers;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import org.locationtech.jts.geom.Envelope;

/**
 * The public map as it will be published: a worker writes the plan's datasets into a preview
 * GeoPackage in a temporary folder ({@link PublicPreview}, the same code path as the publication)
 * and draws it with the {@link MapRenderer}; the FX thread only copies the finished pixels into an
 * image. A newer request cancels the one in flight. FX thread only, apart from the worker's task.
 */
final class PublicMapPreview extends StackPane {
    static final int WIDTH = 760;
    static final int HEIGHT = 520;

    private final ImageView image = new ImageView();
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Label message = new Label();
    private final Path tempDir;
    private Task<Frame> running;
    private int generation;
    private int framesShown;

    /** A finished picture: its pixels (ARGB, premultiplied) and how many layers it shows. */
    private record Frame(int[] pixels, int layers) {
    }

    PublicMapPreview(Path tempDir) {
        this.tempDir = tempDir;
        setId("publicMapPreview");
        image.setId("previewImage");
        image.setPreserveRatio(true);
        image.fitWidthProperty().bind(widthProperty().subtract(8));
        image.fitHeightProperty().bind(heightProperty().subtract(8));
        message.getStyleClass().add("map-hint");
        busy.setMaxSize(60, 60);
        busy.setVisible(false);
        StackPane.setAlignment(message, Pos.BOTTOM_CENTER);
        getChildren().addAll(image, busy, message);
        getStyleClass().add("map-view");
    }

    /** Draws the public map of {@code plan} from {@code source}, replacing any drawing in flight. */
    void show(Path source, PublicationPlan plan) {
        if (running != null) {
            running.cancel();
        }
        int gen = ++generation;
        Path target = tempDir.resolve("preview-" + gen + ".gpkg");
        Task<Frame> task = new Task<>() {
            @Override
            protected Frame call() {
                try {
                    List<String> layers = PublicPreview.write(source, plan, target, this::isCancelled);
                    try (GeoPackageStore store = GeoPackageStore.open(target, GeoPackageStore.Mode.READ_ONLY)) {
                        List<String> order = drawingOrder(layers);
                        Envelope extent = new Envelope();
                        for (LayerInfo i : store.layers()) {
                            if (i.extent() != null) {
                                extent.expandToInclude(i.extent());
                            }
                        }
                        if (extent.isNull()) {
                            extent = new Envelope(0, 1, 0, 1);
                        }
                        RenderResult r = new MapRenderer().render(store, order, Viewport.fit(extent, WIDTH, HEIGHT),
                                this::isCancelled);
                        int[] argb = ((DataBufferInt) r.image().getRaster().getDataBuffer()).getData();
                        return new Frame(argb.clone(), order.size());
                    }
                } finally {
                    try {
                        Files.deleteIfExists(target);
                    } catch (IOException ignored) {
                        // the temporary folder goes as a whole when the wizard closes
                    }
                }
            }
        };
        running = task;
        busy.setVisible(true);
        message.setText(Messages.get("ui.publish.preview.drawing"));
        task.setOnSucceeded(e -> {
            if (gen == generation) {
                WritableImage img = new WritableImage(WIDTH, HEIGHT);
                img.getPixelWriter().setPixels(0, 0, WIDTH, HEIGHT, PixelFormat.getIntArgbPreInstance(),
                        task.getValue().pixels(), 0, WIDTH);
                image.setImage(img);
                busy.setVisible(false);
                message.setText(Messages.get("ui.publish.preview.shown", task.getValue().layers()));
                framesShown++;
            }
        });
        task.setOnFailed(e -> {
            if (gen == generation) {
                busy.setVisible(false);
                Throwable t = task.getException();
                message.setText(t instanceof de.trassenwerk.i18n.UserFacingException u ? u.localizedMessage()
                        : Messages.get("ui.publish.preview.failed", String.valueOf(t)));
            }
        });
        Thread t = new Thread(task, "publish-preview");
        t.setDaemon(true);
        t.start();
    }

    /** Stops the drawing in flight, if any (the wizard is closing). */
    void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** How many previews were shown; for tests. */
    int framesShown() {
        return framesShown;
    }

    /** The shown picture; for tests. */
    ImageView imageView() {
        return image;
    }

    /** Aggregates at the bottom (they fill whole quarters), then the theme layers in their drawing order. */
    static List<String> drawingOrder(List<String> layers) {
        List<String> order = new ArrayList<>();
        for (String l : layers) {
            if (ThemeLayers.all().stream().noneMatch(s -> s.name().equals(l))) {
                order.add(l);
            }
        }
        for (var s : ThemeLayers.all()) {
            if (layers.contains(s.name())) {
                order.add(s.name());
            }
        }
        return order;
    }
}
