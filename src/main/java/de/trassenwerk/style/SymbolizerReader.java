package de.trassenwerk.style;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the four symbolizers with their fills, strokes, marks, fonts, halos and placements, from
 * SLD 1.0 ({@code sld:CssParameter}) and SE 1.1 ({@code se:SvgParameter}) alike. Elements it does
 * not draw (external graphics, graphic fills, geometry expressions...) are warned about and left
 * out. Used by one thread for one file.
 */
final class SymbolizerReader {
    private final SldCursor in;
    private final FilterReader expressions;

    SymbolizerReader(SldCursor in, FilterReader expressions) {
        this.in = in;
        this.expressions = expressions;
    }

    /** Whether {@code name} is a symbolizer this reader reads. */
    static boolean isSymbolizer(String name) {
        return name.equals("PointSymbolizer") || name.equals("LineSymbolizer") || name.equals("PolygonSymbolizer")
                || name.equals("TextSymbolizer");
    }

    /** Reads the symbolizer element at the cursor. */
    Symbolizer symbolizer() {
        Uom uom = uom();
        return switch (in.name()) {
            case "PointSymbolizer" -> point(uom);
            case "LineSymbolizer" -> line(uom);
            case "PolygonSymbolizer" -> polygon(uom);
            case "TextSymbolizer" -> text(uom);
            default -> throw new IllegalStateException(in.name());
        };
    }

    private Uom uom() {
        String uri = in.attribute("uom");
        Uom u = Uom.fromUri(uri);
        if (u == null) {
            in.warn("style.warning.uom", uri);
            return Uom.PIXEL;
        }
        return u;
    }

    private PointSymbolizer point(Uom uom) {
        Graphic[] g = {null};
        in.children(name -> {
            switch (name) {
                case "Name", "Description" -> in.skip();
                case "Graphic" -> g[0] = graphic();
                default -> in.unsupported();
            }
        });
        Graphic graphic = g[0] != null ? g[0] : new Graphic(Mark.DEFAULT, Graphic.DEFAULT_SIZE, 0, 1);
        return new PointSymbolizer(graphic, uom);
    }

    private Graphic graphic() {
        Mark[] mark = {null};
        double[] v = {Graphic.DEFAULT_SIZE, 0, 1};
        in.children(name -> {
            switch (name) {
                case "Mark" -> {
                    if (mark[0] == null) {
                        mark[0] = mark();
                    } else {
                        in.unsupported();
                    }
                }
                case "Size" -> v[0] = orKeep(in.number(), v[0]);
                case "Rotation" -> v[1] = orKeep(in.number(), v[1]);
                case "Opacity" -> v[2] = orKeep(in.number(), v[2]);
                default -> in.unsupported();
            }
        });
        return new Graphic(mark[0] != null ? mark[0] : Mark.DEFAULT, v[0], v[1], v[2]);
    }

    private Mark mark() {
        WellKnownMark[] shape = {WellKnownMark.SQUARE};
        Fill[] fill = {null};
        Stroke[] stroke = {null};
        in.children(name -> {
            switch (name) {
                case "WellKnownName" -> {
                    String t = in.text();
                    WellKnownMark m = t == null ? null : WellKnownMark.fromName(t);
                    if (m == null) {
                        in.warn("style.warning.mark", String.valueOf(t));
                    } else {
                        shape[0] = m;
                    }
                }
                case "Fill" -> fill[0] = fill();
                case "Stroke" -> stroke[0] = stroke();
                default -> in.unsupported();
            }
        });
        if (fill[0] == null && stroke[0] == null) {
            return new Mark(shape[0], Fill.DEFAULT, Stroke.DEFAULT);
        }
        return new Mark(shape[0], fill[0], stroke[0]);
    }

    private LineSymbolizer line(Uom uom) {
        Stroke[] stroke = {Stroke.DEFAULT};
        double[] offset = {0};
        in.children(name -> {
            switch (name) {
                case "Name", "Description" -> in.skip();
                case "Stroke" -> stroke[0] = stroke();
                case "PerpendicularOffset" -> offset[0] = orKeep(in.number(), 0);
                default -> in.unsupported();
            }
        });
        return new LineSymbolizer(stroke[0], offset[0], uom);
    }

    private PolygonSymbolizer polygon(Uom uom) {
        Fill[] fill = {null};
        Stroke[] stroke = {null};
        in.children(name -> {
            switch (name) {
                case "Name", "Description" -> in.skip();
                case "Fill" -> fill[0] = fill();
                case "Stroke" -> stroke[0] = stroke();
                default -> in.unsupported();
            }
        });
        return new PolygonSymbolizer(fill[0], stroke[0], uom);
    }

    /** A parameter's value and where it stood. */
    private record Param(String value, int line, int column, String element) {
    }

    /**
     * Reads the {@code SvgParameter}/{@code CssParameter} children of the element at the cursor;
     * other children are passed to {@code other}. Data-defined values are warned about and left out.
     */
    private Map<String, List<Param>> parameters(SldCursor.ChildHandler other) {
        Map<String, List<Param>> params = new LinkedHashMap<>();
        in.children(name -> {
            if (name.equals("SvgParameter") || name.equals("CssParameter")) {
                String key = String.valueOf(in.attribute("name")).trim();
                int line = in.line();
                int column = in.column();
                String value = in.text();
                if (value != null) {
                    params.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Param(value, line, column, name + " name=\"" + key + "\""));
                }
            } else {
                other.child(name);
            }
        });
        return params;
    }

    private Fill fill() {
        Map<String, List<Param>> p = parameters(name -> in.unsupported());
        Color colour = Fill.DEFAULT.colour();
        double opacity = 1;
        for (Map.Entry<String, List<Param>> e : p.entrySet()) {
            Param v = e.getValue().get(0);
            switch (e.getKey()) {
                case "fill" -> colour = colour(v);
                case "fill-opacity" -> opacity = number(v);
                default -> in.warnAt(v.line, v.column, "style.warning.parameter", e.getKey());
            }
        }
        return new Fill(withOpacity(colour, opacity));
    }

    private Stroke stroke() {
        Map<String, List<Param>> p = parameters(name -> in.unsupported());
        Color colour = Color.BLACK;
        double opacity = 1;
        double width = 1;
        List<Double> dashes = List.of();
        double dashOffset = 0;
        LineJoin join = LineJoin.MITRE;
        LineCap cap = LineCap.BUTT;
        for (Map.Entry<String, List<Param>> e : p.entrySet()) {
            Param v = e.getValue().get(0);
            switch (e.getKey()) {
                case "stroke" -> colour = colour(v);
                case "stroke-opacity" -> opacity = number(v);
                case "stroke-width" -> width = number(v);
                case "stroke-dasharray" -> dashes = dashArray(v);
                case "stroke-dashoffset" -> dashOffset = number(v);
                case "stroke-linejoin" -> join = lineJoin(v);
                case "stroke-linecap" -> cap = lineCap(v);
                default -> in.warnAt(v.line, v.column, "style.warning.parameter", e.getKey());
            }
        }
        return new Stroke(withOpacity(colour, opacity), width, dashes, dashOffset, join, cap);
    }

    private TextSymbolizer text(Uom uom) {
        Expression[] label = {null};
        LabelFont[] font = {LabelFont.DEFAULT};
        LabelPlacement[] placement = {null};
        Halo[] halo = {null};
        Fill[] fill = {null};
        double[] options = {LabelOptions.DEFAULT.priority(), 0, LabelOptions.DEFAULT.repeat(),
            LabelOptions.DEFAULT.spaceAround(), LabelOptions.DEFAULT.autoWrap()};
        in.children(name -> {
            switch (name) {
                case "Name", "Description" -> in.skip();
                case "Label" -> label[0] = expressions.mixedContent();
                case "Font" -> font[0] = font();
                case "LabelPlacement" -> placement[0] = placement();
                case "Halo" -> halo[0] = halo();
                case "Fill" -> fill[0] = fill();
                case "Priority" -> options[0] = orKeep(in.number(), options[0]);
                case "VendorOption" -> vendorOption(options);
                default -> in.unsupported();
            }
        });
        LabelOptions o = new LabelOptions(options[0], options[1] != 0, options[2], options[3], options[4]);
        Expression text = label[0] != null ? label[0] : new Expression.Concatenation(List.of());
        return new TextSymbolizer(text, font[0], placement[0], halo[0], fill[0], o, uom);
    }

    private void vendorOption(double[] options) {
        String option = String.valueOf(in.attribute("name")).trim();
        int line = in.line();
        int column = in.column();
        String element = "VendorOption name=\"" + option + "\"";
        String value = in.text();
        if (value == null) {
            return;
        }
        switch (option) {
            case "priority" -> options[0] = in.parseNumber(value, element, line, column);
            case "group" -> options[1] = isYes(value) ? 1 : 0;
            case "repeat" -> options[2] = in.parseNumber(value, element, line, column);
            case "spaceAround" -> options[3] = in.parseNumber(value, element, line, column);
            case "autoWrap" -> options[4] = in.parseNumber(value, element, line, column);
            default -> in.warnAt(line, column, "style.warning.vendorOption", option);
        }
    }

    private static boolean isYes(String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        return s.equals("yes") || s.equals("true") || s.equals("1");
    }

    private LabelFont font() {
        Map<String, List<Param>> p = parameters(name -> in.unsupported());
        List<String> families = new ArrayList<>();
        double size = LabelFont.DEFAULT.size();
        boolean italic = false;
        boolean bold = false;
        for (Map.Entry<String, List<Param>> e : p.entrySet()) {
            Param v = e.getValue().get(0);
            switch (e.getKey()) {
                case "font-family" -> e.getValue().forEach(f -> families.add(f.value));
                case "font-size" -> size = number(v);
                case "font-style" -> italic = !v.value.equalsIgnoreCase("normal");
                case "font-weight" -> bold = v.value.equalsIgnoreCase("bold") || v.value.matches("[6-9]00");
                default -> in.warnAt(v.line, v.column, "style.warning.parameter", e.getKey());
            }
        }
        return new LabelFont(families, size, italic, bold);
    }

    private Halo halo() {
        double[] radius = {1};
        Fill[] fill = {new Fill(Color.WHITE)};
        in.children(name -> {
            switch (name) {
                case "Radius" -> radius[0] = orKeep(in.number(), radius[0]);
                case "Fill" -> fill[0] = fill();
                default -> in.unsupported();
            }
        });
        return new Halo(radius[0], fill[0]);
    }

    private LabelPlacement placement() {
        LabelPlacement[] p = {null};
        in.children(name -> {
            switch (name) {
                case "PointPlacement" -> p[0] = pointPlacement();
                case "LinePlacement" -> p[0] = linePlacement();
                default -> in.unsupported();
            }
        });
        return p[0];
    }

    private LabelPlacement.PointPlacement pointPlacement() {
        LabelPlacement.PointPlacement d = LabelPlacement.DEFAULT_POINT;
        double[] v = {d.anchorX(), d.anchorY(), d.displacementX(), d.displacementY(), d.rotation()};
        in.children(name -> {
            switch (name) {
                case "AnchorPoint" -> in.children(c -> {
                    switch (c) {
                        case "AnchorPointX" -> v[0] = orKeep(in.number(), v[0]);
                        case "AnchorPointY" -> v[1] = orKeep(in.number(), v[1]);
                        default -> in.unsupported();
                    }
                });
                case "Displacement" -> in.children(c -> {
                    switch (c) {
                        case "DisplacementX" -> v[2] = orKeep(in.number(), v[2]);
                        case "DisplacementY" -> v[3] = orKeep(in.number(), v[3]);
                        default -> in.unsupported();
                    }
                });
                case "Rotation" -> v[4] = orKeep(in.number(), v[4]);
                default -> in.unsupported();
            }
        });
        return new LabelPlacement.PointPlacement(v[0], v[1], v[2], v[3], v[4]);
    }

    private LabelPlacement.LinePlacement linePlacement() {
        double[] offset = {0};
        in.children(name -> {
            switch (name) {
                case "PerpendicularOffset" -> offset[0] = orKeep(in.number(), 0);
                // labels are always aligned with the line; GeneralizeLine changes nothing here
                case "IsAligned", "GeneralizeLine" -> in.skip();
                default -> in.unsupported();
            }
        });
        return new LabelPlacement.LinePlacement(offset[0]);
    }

    private Color colour(Param p) {
        return in.parseColour(p.value, p.element, p.line, p.column);
    }

    private double number(Param p) {
        return in.parseNumber(p.value, p.element, p.line, p.column);
    }

    private List<Double> dashArray(Param p) {
        List<Double> d = new ArrayList<>();
        for (String part : p.value.trim().split("[\\s,]+")) {
            if (!part.isEmpty()) {
                d.add(in.parseNumber(part, p.element, p.line, p.column));
            }
        }
        return d;
    }

    private LineJoin lineJoin(Param p) {
        return switch (p.value.trim().toLowerCase(Locale.ROOT)) {
            case "round" -> LineJoin.ROUND;
            case "bevel" -> LineJoin.BEVEL;
            case "mitre", "miter" -> LineJoin.MITRE;
            default -> {
                in.warnAt(p.line, p.column, "style.warning.value", p.value, "stroke-linejoin");
                yield LineJoin.MITRE;
            }
        };
    }

    private LineCap lineCap(Param p) {
        return switch (p.value.trim().toLowerCase(Locale.ROOT)) {
            case "round" -> LineCap.ROUND;
            case "square" -> LineCap.SQUARE;
            case "butt" -> LineCap.BUTT;
            default -> {
                in.warnAt(p.line, p.column, "style.warning.value", p.value, "stroke-linecap");
                yield LineCap.BUTT;
            }
        };
    }

    private static Color withOpacity(Color c, double opacity) {
        double o = Math.max(0, Math.min(1, opacity));
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(o * 255));
    }

    /** {@code v}, or {@code keep} when the value was data-defined (NaN). */
    private static double orKeep(double v, double keep) {
        return Double.isNaN(v) ? keep : v;
    }
}
