package de.trassenwerk.style;

import java.util.List;

/**
 * An SE {@code Font}: families in order of preference, size, italic and bold. Immutable.
 *
 * @param families font families, first one installed wins; empty for the default sans-serif
 * @param size     font size in the symbolizer's unit
 * @param italic   italic or oblique
 * @param bold     bold weight
 */
public record LabelFont(List<String> families, double size, boolean italic, boolean bold) {
    /** The SE default: sans-serif, 10 pixels, normal. */
    public static final LabelFont DEFAULT = new LabelFont(List.of(), 10, false, false);

    public LabelFont {
        families = List.copyOf(families);
        size = Math.max(0, size);
    }
}
