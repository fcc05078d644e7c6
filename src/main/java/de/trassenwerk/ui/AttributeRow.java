package de.trassenwerk.ui;

import de.trassenwerk.store.Feature;
import de.trassenwerk.store.LayerSchema;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;

/**
 * One row of the {@link AttributeTable}: its position and, once its page has been read, its feature
 * (attributes only, no geometry). Until then it is a placeholder and its cells show an ellipsis.
 * FX thread only.
 */
final class AttributeRow {
    private final int index;
    private final ReadOnlyObjectWrapper<Feature> feature = new ReadOnlyObjectWrapper<>(this, "feature");

    AttributeRow(int index) {
        this.index = index;
    }

    int index() {
        return index;
    }

    boolean isLoaded() {
        return feature.get() != null;
    }

    /** The fid, or null while the row is a placeholder. */
    Long fid() {
        Feature f = feature.get();
        return f == null ? null : f.fid();
    }

    void fill(Feature f) {
        feature.set(f);
    }

    /** The value of {@code field} ({@code fid} for the id), following the row as it loads. */
    ObservableValue<Object> value(String field) {
        boolean isFid = field.equals(LayerSchema.FID);
        return Bindings.createObjectBinding(() -> {
            Feature f = feature.get();
            return f == null ? Placeholder.LOADING : isFid ? (Object) f.fid() : f.get(field);
        }, feature);
    }

    /** The value shown while a row is being read. */
    enum Placeholder { LOADING }
}
