package de.trassenwerk.ui;

import de.trassenwerk.render.HighlightPainter;
import de.trassenwerk.render.MapDecorations;
import de.trassenwerk.render.LayerRequest;
import de.trassenwerk.render.MapRenderer;
import de.trassenwerk.render.PngWriter;
import de.trassenwerk.render.RenderResult;
import de.trassenwerk.render.RouteDrawing;
import de.trassenwerk.render.RouteDrawingPainter;
import de.trassenwerk.render.ThematicOverlay;
import de.trassenwerk.render.ThematicOverlayPainter;
import de.trassenwerk.render.Viewport;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.style.StyleLibrary;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.IntBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
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
import org.locationtech.jts.geom.Geometry;

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
    private static final double CLICK_SLOP = 4;
    private static final double PICK_RADIUS_PIXELS = 4;
    private static final long GESTURE_NANOS = 700_000_000L;
    private static final int MAX_HISTORY = 100;

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
    private final ObjectProperty<MapTool> tool = new SimpleObjectProperty<>(this, "tool", MapTool.PAN);
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper(this, "canGoBack");
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper(this, "canGoForward");
    private final MapOverlay overlay = new MapOverlay();
    private final List<Viewport> history = new ArrayList<>();
    private int historyIndex = -1;
    private long lastNavigationNanos;
    private boolean lastNavigationContinuous;
    private List<Geometry> highlight = List.of();
    private Map<String, ThematicOverlay> thematic = Map.of();
    private RouteDrawing routes = RouteDrawing.EMPTY;
    private Consumer<MapPick> onPick;
    private Consumer<Point2D> pointPicked;
    private MapTool toolBeforePick = MapTool.PAN;
    private double[] pendingView;
    private Map<String, AttributeFilter> filters = Map.of();
    private Map<String, Double> opacities = Map.of();
    private double pressX;
    private double pressY;
    private boolean boxSelecting;

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
        getChildren().addAll(imageView, overlay, hint);
        overlay.setManaged(false);
        tool.addListener((o, was, now) -> {
            overlay.clearMeasure();
            if (was == MapTool.PICK_POINT && pointPicked != null) {
                finishPointPick(null); // another tool was chosen while a point was asked for
            }
            setCursor(now == MapTool.PAN ? Cursor.OPEN_HAND : now == MapTool.IDENTIFY ? Cursor.HAND : Cursor.CROSSHAIR);
        });
        setCursor(Cursor.OPEN_HAND);
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

    /** The active tool (what a click or drag does); {@link MapTool#PAN} at first. */
    public ObjectProperty<MapTool> toolProperty() {
        return tool;
    }

    /** Called on the FX thread when the user clicks or drags a box with the identify or select tool. */
    public void setOnPick(Consumer<MapPick> handler) {
        onPick = handler;
    }

    /**
     * Asks the user for a point: the tool becomes {@link MapTool#PICK_POINT} (crosshair cursor) and the
     * map takes the keyboard focus; the next click hands its map position (project CRS) to {@code picked}
     * and the tool before returns. Esc, choosing another tool, a new request or {@link #cancelPointPick()}
     * cancel it: {@code picked} then gets null. Dragging still pans.
     */
    public void pickPoint(Consumer<Point2D> picked) {
        cancelPointPick();
        toolBeforePick = tool.get();
        pointPicked = picked;
        tool.set(MapTool.PICK_POINT);
        requestFocus();
    }

    /** Ends a point request without a point (its handler gets null); nothing happens when none is open. */
    public void cancelPointPick() {
        if (pointPicked != null) {
            finishPointPick(null);
        }
    }

    private void finishPointPick(Point2D at) {
        Consumer<Point2D> handler = pointPicked;
        pointPicked = null;
        if (tool.get() == MapTool.PICK_POINT) {
            tool.set(toolBeforePick);
        }
        handler.accept(at);
    }

    /** The last measurement (length or area and perimeter), for the status bar; empty when none. */
    public ReadOnlyStringProperty measurementProperty() {
        return overlay.measurementProperty();
    }

    /**
     * Draws {@code geometries} (project CRS) highlighted over the map, replacing what was
     * highlighted before; an empty list clears the highlight. The list is copied.
     */
    public void setHighlight(List<? extends Geometry> geometries) {
        highlight = List.copyOf(geometries);
        requestRender();
    }

    /**
     * Lays {@code overlay} over the map under {@code key}, replacing what was there under that key (null
     * removes it). It is drawn while its layer is visible, over the layers and under the highlight, until
     * another file is shown.
     */
    public void setThematicOverlay(String key, ThematicOverlay overlay) {
        Map<String, ThematicOverlay> next = new HashMap<>(thematic);
        if (overlay == null) {
            next.remove(key);
        } else {
            next.put(key, overlay);
        }
        thematic = Map.copyOf(next);
        requestRender();
    }

    /**
     * Draws planned routes over the map (over the thematic overlays and the highlight: the routes being
     * planned are what the user looks at), replacing the routes drawn before; null or {@link RouteDrawing#EMPTY} clears them. Kept until another file is shown.
     */
    public void setRouteDrawing(RouteDrawing drawing) {
        routes = drawing == null ? RouteDrawing.EMPTY : drawing;
        requestRender();
    }

    /** The routes drawn over the map ({@link RouteDrawing#EMPTY} when none). */
    public RouteDrawing routeDrawing() {
        return routes;
    }

    /** The overlay set under {@code key}, or null. */
    public ThematicOverlay thematicOverlay(String key) {
        return thematic.get(key);
    }

    /** The overlays whose layer is among {@code shownLayers}, in key order. */
    private List<ThematicOverlay> shownOverlays(List<String> shownLayers) {
        List<ThematicOverlay> out = new ArrayList<>();
        thematic.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (shownLayers.contains(e.getValue().layer())) {
                out.add(e.getValue());
            }
        });
        return out;
    }

    /** Draws of {@code layer} only the features that pass {@code filter} (null: all of them). */
    public void setLayerFilter(String layer, AttributeFilter filter) {
        Map<String, AttributeFilter> next = new HashMap<>(filters);
        if (filter == null) {
            next.remove(layer);
        } else {
            next.put(layer, filter);
        }
        filters = Map.copyOf(next);
        requestRender();
    }

    /** The filter on {@code layer}, or null. */
    public AttributeFilter layerFilter(String layer) {
        return filters.get(layer);
    }

    /**
     * Lays each named layer's image over the layers below with its opacity (0 to 1; layers not
     * named are opaque). Layer images already drawn are re-used, so only the compositing is redone.
     */
    public void setLayerOpacities(Map<String, Double> opacity) {
        opacities = Map.copyOf(opacity);
        requestRender();
    }

    /** The opacity {@code layer} is drawn with (1 unless set). */
    public double layerOpacity(String layer) {
        return opacities.getOrDefault(layer, 1.0);
    }

    /** What to draw: the layers bottom to top, each with its filter and opacity. */
    private static List<LayerRequest> requests(List<String> layers, Map<String, AttributeFilter> filters,
            Map<String, Double> opacities) {
        List<LayerRequest> out = new ArrayList<>(layers.size());
        for (String layer : layers) {
            double o = opacities.getOrDefault(layer, 1.0);
            out.add(new LayerRequest(layer, filters.getOrDefault(layer, AttributeFilter.ALL),
                    Double.isNaN(o) ? 1 : Math.max(0, Math.min(1, o))));
        }
        return out;
    }

    /** What is highlighted now. */
    public List<Geometry> highlight() {
        return highlight;
    }

    /** Shows {@code area} (project CRS) with a small margin; a point or tiny area is shown at 1:1 000 at least. */
    public void zoomTo(Envelope area) {
        zoomTo(area, true);
    }

    private void zoomTo(Envelope area, boolean margin) {
        Viewport vp = viewport.get();
        if (vp == null || area == null || area.isNull()) {
            return;
        }
        Envelope e = new Envelope(area);
        if (margin) {
            e.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.05);
        }
        double minHalf = 1000 * Viewport.STANDARD_PIXEL_METRES * Math.max(vp.width(), vp.height()) / 2;
        if (e.getWidth() < 2 * minHalf && e.getHeight() < 2 * minHalf) {
            e = new Envelope(e.centre());
            e.expandBy(minHalf);
        }
        setViewport(Viewport.fit(e, vp.width(), vp.height()));
        navigated(false);
        requestRender();
    }

    /** Shows the map at scale 1:{@code denominator} around the current centre (OGC 0.28 mm pixel). */
    public void zoomToScale(double denominator) {
        Viewport vp = viewport.get();
        if (vp == null || !(denominator > 0)) {
            return;
        }
        double mpp = Math.max(MIN_METRES_PER_PIXEL, Math.min(MAX_METRES_PER_PIXEL,
                denominator * Viewport.STANDARD_PIXEL_METRES));
        setViewport(new Viewport(vp.centreX(), vp.centreY(), mpp, vp.width(), vp.height()));
        navigated(false);
        requestRender();
    }

    /**
     * Shows the map centred on ({@code x}, {@code y}) at scale 1:{@code scale}, now or, before the
     * view has a size, as soon as it has one (restoring a saved view).
     */
    public void showAt(double x, double y, double scale) {
        if (!(scale > 0)) {
            return;
        }
        if (viewport.get() == null) {
            pendingView = new double[] {x, y, scale};
            return;
        }
        Viewport vp = viewport.get();
        setViewport(new Viewport(x, y, scale * Viewport.STANDARD_PIXEL_METRES, vp.width(), vp.height()));
        navigated(false);
        requestRender();
    }

    /**
     * Draws the current view again, with the highlight, scale bar and north arrow, and saves it as
     * PNG to {@code target} on the render thread; {@code done} then gets null or the failure, on the
     * FX thread.
     */
    public void exportPng(Path target, Consumer<Throwable> done) {
        FeatureStore s = store;
        List<String> l = layers;
        List<Geometry> marked = highlight;
        List<ThematicOverlay> themes = shownOverlays(l);
        RouteDrawing drawn = routes;
        List<LayerRequest> requests = requests(l, filters, opacities);
        MapRenderer painter = renderer;
        Viewport vp = viewport.get();
        if (s == null || vp == null) {
            done.accept(new IllegalStateException("no map to export"));
            return;
        }
        renderThread.execute(() -> {
            Throwable failure = null;
            try {
                RenderResult r = painter.renderLayers(s, requests, vp, () -> false);
                for (ThematicOverlay t : themes) {
                    ThematicOverlayPainter.paint(r.image(), vp, t, () -> false);
                }
                HighlightPainter.paint(r.image(), vp, marked);
                RouteDrawingPainter.paint(r.image(), vp, drawn, () -> false);
                MapDecorations.paint(r.image(), vp);
                PngWriter.write(r.image(), target);
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
            Throwable outcome = failure;
            Platform.runLater(() -> done.accept(outcome));
        });
    }

    /** Draws the view again, reading what is not cached: after the store's data changed ({@code dataVersion}). */
    public void redraw() {
        requestRender();
    }

    /** Zooms in (factor above 1) or out around the centre of the view. */
    public void zoomBy(double factor) {
        Viewport vp = viewport.get();
        if (vp != null) {
            zoomAt(factor, vp.width() / 2.0, vp.height() / 2.0);
        }
    }

    /** The extent of the whole content, or null. */
    public Envelope fullExtent() {
        return fullExtent == null ? null : new Envelope(fullExtent);
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
        highlight = List.of();
        thematic = Map.of();
        routes = RouteDrawing.EMPTY;
        hint.setVisible(false);
        viewport.set(null);
        history.clear();
        historyIndex = -1;
        updateHistoryFlags();
        renderer.prepareOverviews(newStore, layers); // big layers: overviews build in the background
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
        if (store != null) {
            renderer.prepareOverviews(store, layers);
        }
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
        double[] restore = pendingView;
        pendingView = null;
        setViewport(restore != null
                ? new Viewport(restore[0], restore[1], restore[2] * Viewport.STANDARD_PIXEL_METRES, w, h)
                : Viewport.fit(e, w, h));
        navigated(false);
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
        overlay.resize(getWidth(), getHeight());
        placeImage();
    }

    // ------------------------------------------------------------------ rendering

    private void setViewport(Viewport vp) {
        viewport.set(vp);
        overlay.setViewport(vp);
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
        List<Geometry> marked = highlight;
        List<ThematicOverlay> themes = shownOverlays(l);
        RouteDrawing drawn = routes;
        List<LayerRequest> requests = requests(l, filters, opacities);
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
                r = painter.renderLayers(s, requests, vp, () -> generation.get() != gen);
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
                for (ThematicOverlay t : themes) { // the result's image is ours to draw on
                    ThematicOverlayPainter.paint(r.image(), vp, t, () -> generation.get() != gen);
                }
                HighlightPainter.paint(r.image(), vp, marked);
                RouteDrawingPainter.paint(r.image(), vp, drawn, () -> generation.get() != gen);
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
        if (viewport.get() == null) {
            return;
        }
        pressX = e.getX();
        pressY = e.getY();
        boolean primary = e.getButton() == MouseButton.PRIMARY;
        if (e.getButton() == MouseButton.MIDDLE || primary && isPanGesture(e)) {
            cancelRender();
            dragX = e.getX();
            dragY = e.getY();
            dragStart = viewport.get();
        } else if (primary && (e.isShiftDown() || tool.get() == MapTool.ZOOM_BOX || tool.get() == MapTool.SELECT)) {
            boxSelecting = tool.get() == MapTool.SELECT && !(e.isShiftDown() && !e.isShortcutDown());
            overlay.startBox(e.getX(), e.getY());
        }
    }

    /** Plain drags pan with the pan, identify and measure tools (a click is not a drag). */
    private boolean isPanGesture(MouseEvent e) {
        MapTool t = tool.get();
        return !e.isShiftDown() && (t == MapTool.PAN || t == MapTool.IDENTIFY
                || t == MapTool.MEASURE_DISTANCE || t == MapTool.MEASURE_AREA || t == MapTool.PICK_POINT);
    }

    private void mouseDragged(MouseEvent e) {
        trackCursor(e.getX(), e.getY());
        if (dragStart != null) {
            setViewport(dragStart.pannedBy(e.getX() - dragX, e.getY() - dragY));
        } else if (overlay.hasBox()) {
            overlay.dragBox(e.getX(), e.getY());
        }
    }

    private void mouseReleased(MouseEvent e) {
        boolean moved = Math.hypot(e.getX() - pressX, e.getY() - pressY) > CLICK_SLOP;
        if (dragStart != null) {
            dragStart = null;
            if (moved) {
                navigated(false);
                requestRender();
                return;
            }
            requestRender();
        }
        if (overlay.hasBox()) {
            double[] box = overlay.endBox();
            if (moved) {
                Viewport vp = viewport.get();
                Envelope area = new Envelope(vp.toMapX(box[0]), vp.toMapX(box[2]), vp.toMapY(box[1]), vp.toMapY(box[3]));
                if (boxSelecting) {
                    firePick(e, area, true);
                } else {
                    zoomTo(area, false);
                }
                return;
            }
        }
        if (e.getButton() != MouseButton.PRIMARY || moved || viewport.get() == null) {
            if (e.getButton() == MouseButton.SECONDARY) {
                overlay.finishMeasure();
            }
            return;
        }
        clicked(e);
    }

    private void clicked(MouseEvent e) {
        Viewport vp = viewport.get();
        double mx = vp.toMapX(e.getX());
        double my = vp.toMapY(e.getY());
        switch (tool.get()) {
            case ZOOM_BOX -> zoomAt(e.isAltDown() ? 0.5 : 2, e.getX(), e.getY());
            case IDENTIFY, SELECT -> {
                double r = PICK_RADIUS_PIXELS * vp.metresPerPixel();
                firePick(e, new Envelope(mx - r, mx + r, my - r, my + r), false);
            }
            case PICK_POINT -> finishPointPick(new Point2D(mx, my));
            case MEASURE_DISTANCE, MEASURE_AREA -> {
                if (e.getClickCount() >= 2) {
                    overlay.finishMeasure();
                } else {
                    overlay.addMeasurePoint(mx, my, tool.get() == MapTool.MEASURE_AREA);
                }
            }
            default -> {
                // panning tool: a click does nothing
            }
        }
    }

    private void firePick(MouseEvent e, Envelope area, boolean box) {
        Consumer<MapPick> handler = onPick;
        if (handler != null) {
            Viewport vp = viewport.get();
            handler.accept(new MapPick(tool.get(), area.centre().x, area.centre().y, area, box,
                    e.isShortcutDown() || e.isShiftDown(), vp.metresPerPixel()));
        }
    }

    private void scrolled(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            zoomAt(Math.pow(1.25, e.getDeltaY() / 40.0), e.getX(), e.getY(), true);
            trackCursor(e.getX(), e.getY());
        }
        e.consume();
    }

    private void keyPressed(KeyEvent e) {
        Viewport vp = viewport.get();
        if (vp == null || e.isAltDown() || e.isShortcutDown() || e.isControlDown() || e.isMetaDown()) {
            return; // keys with modifiers belong to the menus' accelerators (Alt+Left: previous view)
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
            case ESCAPE -> {
                overlay.clearMeasure();
                overlay.endBox();
                cancelPointPick();
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void pan(double dx, double dy) {
        setViewport(viewport.get().pannedBy(dx, dy));
        navigated(false);
        requestRender();
    }

    private void zoomAt(double factor, double x, double y) {
        zoomAt(factor, x, y, false);
    }

    private void zoomAt(double factor, double x, double y, boolean wheel) {
        Viewport vp = viewport.get();
        if (vp == null) {
            return;
        }
        double mpp = vp.metresPerPixel() / factor;
        if (mpp < MIN_METRES_PER_PIXEL || mpp > MAX_METRES_PER_PIXEL) {
            return;
        }
        setViewport(vp.zoomedAt(factor, x, y));
        navigated(wheel);
        requestRender();
    }

    private void trackCursor(double x, double y) {
        Viewport vp = viewport.get();
        cursor.set(vp == null ? null : new Point2D(vp.toMapX(x), vp.toMapY(y)));
        overlay.trackCursor(x, y);
    }

    // ------------------------------------------------------------------ view history

    /**
     * Records the current view in the history. The notches of one turn of the wheel (in quick
     * succession) make one entry, so "previous view" goes back to where the turn started.
     */
    private void navigated(boolean continuous) {
        Viewport vp = viewport.get();
        if (vp == null) {
            return;
        }
        long now = System.nanoTime();
        boolean sameGesture = continuous && lastNavigationContinuous && now - lastNavigationNanos < GESTURE_NANOS;
        lastNavigationNanos = now;
        lastNavigationContinuous = continuous;
        while (history.size() > historyIndex + 1) {
            history.remove(history.size() - 1);
        }
        if (sameGesture && historyIndex > 0) {
            history.set(historyIndex, vp);
        } else {
            history.add(vp);
            if (history.size() > MAX_HISTORY) {
                history.remove(0);
            }
            historyIndex = history.size() - 1;
        }
        updateHistoryFlags();
    }

    private void resetHistory() {
        history.clear();
        historyIndex = -1;
        navigated(false);
    }

    private void updateHistoryFlags() {
        canGoBack.set(historyIndex > 0);
        canGoForward.set(historyIndex >= 0 && historyIndex < history.size() - 1);
    }

    /** Goes back to the view before the last navigation, if any. */
    public void previousView() {
        if (historyIndex > 0) {
            historyIndex--;
            showHistoryEntry();
        }
    }

    /** Undoes {@link #previousView()}. */
    public void nextView() {
        if (historyIndex >= 0 && historyIndex < history.size() - 1) {
            historyIndex++;
            showHistoryEntry();
        }
    }

    private void showHistoryEntry() {
        Viewport vp = history.get(historyIndex);
        Viewport now = viewport.get();
        if (now != null && (now.width() != vp.width() || now.height() != vp.height())) {
            vp = vp.resized(now.width(), now.height());
        }
        lastNavigationContinuous = false;
        setViewport(vp);
        updateHistoryFlags();
        requestRender();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }
}
