package de.trassenwerk.style;

import java.util.Objects;

/**
 * Labels features with the text of an expression. The label engine places all labels of a map
 * after the layers are drawn, on top and without overlaps. Immutable.
 *
 * @param label     the text (attributes and literals); a null or empty result draws no label
 * @param font      the font
 * @param placement at a point or along the line
 * @param halo      the band around the letters, or null for none
 * @param fill      the colour of the letters
 * @param options   priority, grouping, repetition, margin
 * @param uom       unit of font size, halo radius and displacements
 */
public record TextSymbolizer(Expression label, LabelFont font, LabelPlacement placement, Halo halo, Fill fill,
        LabelOptions options, Uom uom) implements Symbolizer {
    public TextSymbolizer {
        Objects.requireNonNull(label, "label");
        font = font == null ? LabelFont.DEFAULT : font;
        fill = fill == null ? new Fill(java.awt.Color.BLACK) : fill;
        options = options == null ? LabelOptions.DEFAULT : options;
        uom = uom == null ? Uom.PIXEL : uom;
    }
}
