package de.trassenwerk.ui;

import de.trassenwerk.render.MapRenderer;
import de.trassenwerk.render.RenderResult;
import de.trassenwerk.render.Viewport;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.style.StyleLibrary;
import java.awt.image.DataBufferInt;
import java.nio.IntBuffer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;
import org.locationtech.jts.geom.Envelope;

/**
 * The map: shows the frames that {@link MapRenderer} draws of a store, and pans (drag, arrow keys)
 * and zooms (wheel around the cursor, + and -). While a new frame is being drawn the last one is
 * shown moved and scaled to the new view.
 *
 * <p>Thread rules. Every public method, and all state of this class, belongs to the JavaFX thread.
 * A render is a snapshot of store, layers and viewport taken on the FX thread, drawn on this view's
 * own render thread (which alone reads the store), and committed back on the FX thread: the frame's
 * pixels are copied into the array shared with JavaFX only inside {@link PixelBuffer#updateBuffer},
 * never elsewhere, so JavaFX never uploads a half-copied picture. Each request bumps a generation
 * counter; a render whose generation is no longer current stops between features and its frame is
 * dropped, so a new pan or zoom cancels the render in flight. Tasks given to
 * {@link #runAfterRendering} run on the render thread after the render in flight, which is where a
 * store that is no longer shown can be closed safely.
 */
public final class MapView extends Region {
    private static final double MIN_METRES_PER_PIXEL = 0.01;
    private static final double MAX_METRES_PER_PIXEL = 5000;

    private MapRenderer renderer = new MapRenderer();
    private final ExecutorService renderThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "map-render");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong generation = new AtomicLong();

    private final ImageView imageView = new ImageView();
    private final Label hint = new Label();
    private final ReadOnlyObjectWrapper<Viewport> viewport = new ReadOnlyObjectWrapper<>(this, "viewport");
    private final ReadOnlyObjectWrapper<Point2D> cursor = new ReadOnlyObjectWrapper<>(this, "cursorMapPosition");
    private final ReadOnlyObjectWrapper<RenderResult> lastFrame = new ReadOnlyObjectWrapper<>(this, "lastFrame");

    private FeatureStore store;
    private List<String> layers = List.of();
    private Envelope fullExtent;
    private Viewport shownViewport;
    private int[] pixels;
    private PixelBuffer<IntBuffer> pixelBuffer;
    private int framesShown;
    private double dragX;
    private double dragY;
    private Viewport dragStart;

    public MapView() {
        setId("mapView");
        getStyleClass().add("map-view");
        setFocusTraversable(true);
        setMinSize(100, 100);
        imageView.setManaged(false);
        imageView.setPreserveRatio(false);
        imageView.setSmooth(true);
        hint.getStyleClass().add("map-hint");
        hint.setWrapText(true);
        hint.setManaged(false);
        getChildren().addAll(imageView, hint);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::mouseReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> trackCursor(e.getX(), e.getY()));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> cursor.set(null));
        addEventHandler(ScrollEvent.SCROLL, this::scrolled);
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    /** The view being shown or drawn; null before the first layout with content. */
    public ReadOnlyObjectProperty<Viewport> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    /** The map coordinates under the mouse; null when the mouse is elsewhere. */
    public ReadOnlyObjectProperty<Point2D> cursorMapPositionProperty() {
        return cursor.getReadOnlyProperty();
    }

    /** The last frame shown (its image belongs to this view: read only its figures). */
    public ReadOnlyObjectProperty<RenderResult> lastFrameProperty() {
        return lastFrame.getReadOnlyProperty();
    }

    /** How many frames have been shown since this view was made. */
    public int framesShown() {
        return framesShown;
    }

    /** The layers drawn, bottom to top. */
    public List<String> layers() {
        return layers;
    }

    /**
     * Shows {@code newStore}'s layers, zoomed to {@code extent}. The previous store is not closed
     * here; pass its closing to {@link #runAfterRendering}.
     */
    public void setContent(FeatureStore newStore, List<String> layersBottomToTop, Envelope extent) {
        cancelRender();
        store = newStore;
        layers = List.copyOf(layersBottomToTop);
        fullExtent = extent;
        hint.setVisible(false);
        zoomToFullExtent();
    }

    /** Shows nothing but a hint (no file open, or opening failed). */
    public void showHint(String text) {
        cancelRender();
        store = null;
        layers = List.of();
        fullExtent = null;
        shownViewport = null;
        imageView.setImage(null);
        pixelBuffer = null;
        pixels = null;
        hint.setText(text);
        hint.setVisible(true);
        requestLayout();
    }

    /** Draws with the styles of {@code styles} from the next frame on. */
    public void setStyles(StyleLibrary styles) {
        renderer = new MapRenderer(styles::styleFor);
        requestRender();
    }

    /** Draws another choice of layers (bottom to top) in the same view. */
    public void setLayers(List<String> layersBottomToTop) {
        layers = List.copyOf(layersBottomToTop);
        requestRender();
    }

    /** Shows the whole extent of the content. */
    public void zoomToFullExtent() {
        int w = (int) Math.round(getWidth());
        int h = (int) Math.round(getHeight());
        if (fullExtent == null || w < 1 || h < 1) {
            viewport.set(null);
            requestLayout(); // layoutChildren fits the extent once the view has a size
            return;
        }
        Envelope e = new Envelope(fullExtent);
        e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.02);
        setViewport(Viewport.fit(e, w, h));
        requestRender();
    }

    /** Runs {@code task} on the render thread once the render in flight (if any) has ended. */
    public void runAfterRendering(Runnable task) {
        renderThread.execute(task);
    }

    /** Stops rendering for good; {@code lastTask} (may be null) still runs on the render thread. */
    public void dispose(Runnable lastTask) {
        cancelRender();
        if (lastTask != null) {
            renderThread.execute(lastTask);
        }
        renderThread.shutdown();
    }

    @Override
    protected void layoutChildren() {
        int w = (int) Math.round(getWidth());
        int h = (int) Math.round(getHeight());
        if (w >= 1 && h >= 1 && store != null) {
            Viewport vp = viewport.get();
            if (vp == null) {
                zoomToFullExtent();
            } else if (vp.width() != w || vp.height() != h) {
                setViewport(vp.resized(w, h));
                requestRender();
            }
        }
        double hw = Math.min(480, getWidth() - 40);
        hint.resize(hw, hint.prefHeight(hw));
        hint.relocate((getWidth() - hw) / 2, (getHeight() - hint.getHeight()) / 2);
        placeImage();
    }

    // ------------------------------------------------------------------ rendering

    private void setViewport(Viewport vp) {
        viewport.set(vp);
        placeImage();
    }

    private void cancelRender() {
        generation.incrementAndGet();
    }

    /** Starts a render of the current snapshot; any render in flight is cancelled. */
    private void requestRender() {
        long gen = generation.incrementAndGet();
        FeatureStore s = store;
        List<String> l = layers;
        Viewport vp = viewport.get();
        MapRenderer painter = renderer;
        if (s == null || vp == null || renderThread.isShutdown()) {
            return;
        }
        renderThread.execute(() -> {
            if (generation.get() != gen) {
                return; // superseded before it started
            }
            RenderResult r;
            try {
                r = painter.render(s, l, vp, () -> generation.get() != gen);
            } catch (RuntimeException e) {
                Platform.runLater(() -> {
                    if (generation.get() == gen) {
                        hint.setText(String.valueOf(e.getLocalizedMessage()));
                        hint.setVisible(true);
                    }
                });
                return;
            }
            if (!r.cancelled()) {
                int[] frame = ((DataBufferInt) r.image().getRaster().getDataBuffer()).getData();
                Platform.runLater(() -> commit(gen, r, frame));
            }
        });
    }

    /** On the FX thread: shows a finished frame unless a newer render has been asked for since. */
    private void commit(long gen, RenderResult r, int[] frame) {
        if (generation.get() != gen) {
            return;
        }
        Viewport vp = r.viewport();
        if (pixelBuffer == null || pixelBuffer.getWidth() != vp.width() || pixelBuffer.getHeight() != vp.height()) {
            pixels = new int[vp.width() * vp.height()];
            pixelBuffer = new PixelBuffer<>(vp.width(), vp.height(), IntBuffer.wrap(pixels),
                    PixelFormat.getIntArgbPreInstance());
            imageView.setImage(new WritableImage(pixelBuffer));
        }
        int[] target = pixels;
        pixelBuffer.updateBuffer(b -> {
            System.arraycopy(frame, 0, target, 0, target.length);
            return null; // the whole image changed
        });
        shownViewport = vp;
        framesShown++;
        lastFrame.set(r);
        placeImage();
    }

    /** Places the last frame where its content lies in the current view (pan and zoom preview). */
    private void placeImage() {
        Viewport vp = viewport.get();
        if (shownViewport == null || vp == null || imageView.getImage() == null) {
            imageView.setVisible(false);
            return;
        }
        double scale = shownViewport.metresPerPixel() / vp.metresPerPixel();
        imageView.setFitWidth(shownViewport.width() * scale);
        imageView.setFitHeight(shownViewport.height() * scale);
        imageView.relocate(vp.toPixelX(shownViewport.minX()), vp.toPixelY(shownViewport.maxY()));
        imageView.setVisible(true);
    }

    /** A copy of the pixels shown (premultiplied ARGB), or null; for tests. */
    int[] copyOfShownPixels() {
        return pixels == null ? null : pixels.clone();
    }

    // ------------------------------------------------------------------ navigation

    private void mousePressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.PRIMARY && viewport.get() != null) {
            cancelRender();
            dragX = e.getX();
            dragY = e.getY();
            dragStart = viewport.get();
        }
    }

    private void mouseDragged(MouseEvent e) {
        trackCursor(e.getX(), e.getY());
        if (dragStart != null) {
            setViewport(dragStart.pannedBy(e.getX() - dragX, e.getY() - dragY));
        }
    }

    private void mouseReleased(MouseEvent e) {
        if (dragStart != null) {
            dragStart = null;
            requestRender();
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomAt(Math.pow(1.25, e.getDeltaY() / 40.0), e.getX(), e.getY());
            trackCursor(e.getX(), e.getY());
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        Viewport vp = viewport.get();
        if (vp == null) {
            return;
        }
        double stepX = vp.width() / 4.0;
        double stepY = vp.height() / 4.0;
        switch (e.getCode()) {
            case PLUS, ADD, EQUALS -> zoomAt(2, vp.width() / 2.0, vp.height() / 2.0);
            case MINUS, SUBTRACT -> zoomAt(0.5, vp.width() / 2.0, vp.height() / 2.0);
            case LEFT -> pan(stepX, 0);
            case RIGHT -> pan(-stepX, 0);
            case UP -> pan(0, stepY);
            case DOWN -> pan(0, -stepY);
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void pan(double dx, double dy) {
        setViewport(viewport.get().pannedBy(dx, dy));
        requestRender();
    }

    private void zoomAt(double factor, double x, double y) {
        Viewport vp = viewport.get();
        if (vp == null) {
            return;
        }
        double mpp = vp.metresPerPixel() / factor;
        if (mpp < MIN_METRES_PER_PIXEL || mpp > MAX_METRES_PER_PIXEL) {
            return;
        }
        setViewport(vp.zoomedAt(factor, x, y));
        requestRender();
    }

    private void trackCursor(double x, double y) {
        Viewport vp = viewport.get();
        cursor.set(vp == null ? null : new Point2D(vp.toMapX(x), vp.toMapY(y)));
    }
}
