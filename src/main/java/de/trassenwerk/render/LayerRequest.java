package de.trassenwerk.render;

import de.trassenwerk.store.AttributeFilter;
import java.util.Objects;

/**
 * One layer of a map to draw: its name in the store, which of its features to draw (an attribute
 * filter pushed down to the store, such as the construction-site time slider's date range) and how
 * opaque to lay its image over the layers below (1 = as styled, 0 = invisible). Immutable; any thread.
 *
 * @param layer   the layer's name in the store
 * @param filter  the features to draw; {@link AttributeFilter#ALL} for all
 * @param opacity 0 to 1
 */
public record LayerRequest(String layer, AttributeFilter filter, double opacity) {

    public LayerRequest {
        Objects.requireNonNull(layer, "layer");
        filter = filter == null ? AttributeFilter.ALL : filter;
        if (!(opacity >= 0 && opacity <= 1)) {
            throw new IllegalArgumentException("opacity must be between 0 and 1, not " + opacity);
        }
    }

    /** All features of {@code layer}, fully opaque. */
    public static LayerRequest of(String layer) {
        return new LayerRequest(layer, AttributeFilter.ALL, 1);
    }

    public LayerRequest withFilter(AttributeFilter f) {
        return new LayerRequest(layer, f, opacity);
    }

    public LayerRequest withOpacity(double o) {
        return new LayerRequest(layer, filter, o);
    }
}
