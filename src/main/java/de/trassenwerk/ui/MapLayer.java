package de.trassenwerk.ui;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.store.LayerInfo;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * One layer as the layer list shows it: the store's layer name, the title shown to the user, and
 * whether it is drawn. FX thread only.
 */
public final class MapLayer {
    private final String name;
    private final String title;
    private final long count;
    private final BooleanProperty visible = new SimpleBooleanProperty(this, "visible", true);

    public MapLayer(LayerInfo info) {
        this.name = info.name();
        this.count = info.count();
        String key = "ui.layer." + info.name();
        String t = Messages.get(key);
        this.title = t.equals(key) ? info.name() : t;
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

    public BooleanProperty visibleProperty() {
        return visible;
    }

    public boolean isVisible() {
        return visible.get();
    }

    @Override
    public String toString() {
        return title;
    }
}
