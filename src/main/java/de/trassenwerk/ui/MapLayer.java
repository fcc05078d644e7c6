package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.GeometryType;
import de.trassenwerk.store.LayerInfo;
import javafx.beans.property.BooleanProperty;
import org.locationtech.jts.geom.Envelope;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * One layer as the layer tree shows it: the store's layer name, the title shown to the user, its
 * feature count, geometry type and source, whether it is drawn and how opaque (0 invisible .. 1
 * opaque, the renderer's business to apply). FX thread only.
 */
public final class MapLayer {
    private final String name;
    private final String title;
    private final long count;
    private final GeometryType geometryType;
    private final String source;
    private final Envelope extent;
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);
    private final DoubleProperty opacity = new SimpleDoubleProperty(this, "opacity", 1);

    public MapLayer(LayerInfo info) {
        this(info, null);
    }

    /** A layer of {@code source} (a file name or address, shown in the tooltip; may be null). */
    public MapLayer(LayerInfo info, String source) {
        this.name = info.name();
        this.count = info.count();
        this.geometryType = info.geometryType();
        this.source = source;
        this.extent = info.extent() == null ? null : new Envelope(info.extent());
        String key = "ui.layer." + info.name();
        String t = Messages.get(key);
        this.title = t.equals(key) ? info.name() : t;
        opacity.addListener((o, was, is) -> {
            double v = is.doubleValue();
            if (!(v >= 0 && v <= 1)) {
                opacity.set(Double.isNaN(v) ? 1 : Math.max(0, Math.min(1, v)));
            }
        });
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public long count() {
        return count;
    }

    /** The layer's geometry type, or null for an attribute table. */
    public GeometryType geometryType() {
        return geometryType;
    }

    /** Where the layer comes from, or null when unknown. */
    public String source() {
        return source;
    }

    /** The layer's extent in the project CRS as the file states it, or null when it has none. */
    public Envelope extent() {
        return extent == null ? null : new Envelope(extent);
    }

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public boolean isVisible() {
        return visible.get();
    }

    /** How opaque the layer is drawn, 0 to 1 (values outside are clamped). */
    public DoubleProperty opacityProperty() {
        return opacity;
    }

    public double opacity() {
        return opacity.get();
    }

    @Override
    public String toString() {
        return title;
    }
}
