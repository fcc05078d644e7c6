package de.trassenwerk.style;

import java.awt.Color;
import java.util.Objects;

/**
 * An SE {@code Fill}: a solid colour, its opacity folded into the colour's alpha. Immutable.
 *
 * @param colour the fill colour with alpha
 */
public record Fill(Color colour) {
    /** The SE default fill: 50 % grey, opaque. */
    public static final Fill DEFAULT = new Fill(new Color(0x80, 0x80, 0x80));

    public Fill {
        Objects.requireNonNull(colour, "colour");
    }
}
