package de.trassenwerk.style;

import java.util.List;

/**
 * What one SLD file says: the style of each {@code NamedLayer} in file order, and the warnings
 * about what it says but is not drawn. Immutable.
 *
 * @param file     the file as named to the reader
 * @param layers   one style per named layer (its first user style)
 * @param warnings each kind once, with its first position and count
 */
public record SldDocument(String file, List<LayerStyle> layers, List<StyleWarning> warnings) {
    public SldDocument {
        layers = List.copyOf(layers);
        warnings = List.copyOf(warnings);
    }
}
