package de.trassenwerk.render;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One finished (or cancelled) map image: the image ({@code TYPE_INT_ARGB_PRE}, opaque white
 * background, the viewport's size), the viewport it shows, how long it took, the features drawn per
 * layer, and the layers that could not be drawn with the reason. A cancelled result's image is
 * incomplete and should be thrown away. Immutable apart from the image's pixels, which the receiver
 * owns.
 */
public record RenderResult(BufferedImage image, Viewport viewport, long renderMillis, boolean cancelled,
        Map<String, Integer> featuresDrawn, Map<String, RuntimeException> failures) {

    public RenderResult {
        featuresDrawn = Collections.unmodifiableMap(new LinkedHashMap<>(featuresDrawn));
        failures = Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    /** Features drawn in all layers. */
    public int totalFeatures() {
        return featuresDrawn.values().stream().mapToInt(Integer::intValue).sum();
    }
}
