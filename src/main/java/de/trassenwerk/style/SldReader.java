package de.trassenwerk.style;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads Styled Layer Descriptor files, SLD 1.0 and SLD 1.1 / SE 1.1, in the subset QGIS writes
 * ("Save Style… › SLD Style File") and reads: {@code StyledLayerDescriptor / NamedLayer / UserStyle
 * / FeatureTypeStyle / Rule} with names, titles, scale denominators, {@code ogc:Filter} or
 * {@code ElseFilter}, and point, line, polygon and text symbolizers. Elements outside that subset
 * are reported as {@link StyleWarning}s, each kind once per file, and the rest is still used. A file
 * that is not well-formed, not an SLD or holds a value that is no number or colour throws a
 * {@link StyleException} naming file, line and column. The parser reads no DTD and no external
 * entity.
 *
 * <p>Stateless; any thread may call {@link #read} (each call has its own parser).
 */
public final class SldReader {
    private SldReader() {
    }

    /** Reads an SLD file. */
    public static SldDocument read(Path file) {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new StyleException("style.error.missing", e, name, 0, 0);
        } catch (IOException e) {
            throw new StyleException("style.error.io", e, name, 0, 0, String.valueOf(e.getMessage()));
        }
    }

    /** Reads SLD from a stream; {@code fileName} is how messages name it. The stream is not closed. */
    public static SldDocument read(InputStream stream, String fileName) {
        XMLStreamReader xml;
        try {
            xml = factory().createXMLStreamReader(stream);
        } catch (XMLStreamException e) {
            throw SldCursor.notWellFormed(e, fileName);
        }
        try {
            SldCursor in = new SldCursor(xml, fileName);
            in.toRoot();
            if (!in.name().equals("StyledLayerDescriptor")) {
                throw in.error("style.error.root", in.name());
            }
            List<LayerStyle> layers = new Document(in).read();
            if (layers.isEmpty()) {
                throw in.error("style.error.noLayer");
            }
            return new SldDocument(fileName, layers, in.warnings());
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // nothing more to read; the result (or the failure) stands
            }
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    /** The structure above the symbolizers, read from one cursor. */
    private static final class Document {
        private final SldCursor in;
        private final FilterReader filters;
        private final SymbolizerReader symbolizers;

        Document(SldCursor in) {
            this.in = in;
            this.filters = new FilterReader(in);
            this.symbolizers = new SymbolizerReader(in, filters);
        }

        List<LayerStyle> read() {
            List<LayerStyle> layers = new ArrayList<>();
            in.children(name -> {
                switch (name) {
                    case "Name", "Title", "Abstract", "Description" -> in.skip();
                    case "NamedLayer" -> {
                        LayerStyle s = namedLayer();
                        if (s != null) {
                            layers.add(s);
                        }
                    }
                    default -> in.unsupported();
                }
            });
            return layers;
        }

        private LayerStyle namedLayer() {
            String[] layerName = {""};
            LayerStyle[] style = {null};
            in.children(name -> {
                switch (name) {
                    case "Name" -> layerName[0] = String.valueOf(in.text());
                    case "Description", "LayerFeatureConstraints" -> in.skip();
                    case "UserStyle" -> {
                        if (style[0] == null) {
                            style[0] = userStyle(layerName[0]);
                        } else {
                            in.warn("style.warning.extraStyle", layerName[0]);
                            in.skip();
                        }
                    }
                    default -> in.unsupported();
                }
            });
            return style[0];
        }

        private LayerStyle userStyle(String layerName) {
            String[] title = {""};
            List<FeatureTypeStyle> fts = new ArrayList<>();
            in.children(name -> {
                switch (name) {
                    case "Title" -> title[0] = String.valueOf(in.text());
                    case "Description" -> title[0] = description()[0];
                    case "Name", "Abstract", "IsDefault" -> in.skip();
                    case "FeatureTypeStyle" -> fts.add(featureTypeStyle());
                    default -> in.unsupported();
                }
            });
            return new LayerStyle(layerName, title[0], fts);
        }

        /** Title and abstract of an SE 1.1 {@code Description}. */
        private String[] description() {
            String[] ta = {"", ""};
            in.children(name -> {
                switch (name) {
                    case "Title" -> ta[0] = String.valueOf(in.text());
                    case "Abstract" -> ta[1] = String.valueOf(in.text());
                    default -> in.skip();
                }
            });
            return ta;
        }

        private FeatureTypeStyle featureTypeStyle() {
            String[] ftsName = {""};
            List<Rule> rules = new ArrayList<>();
            in.children(name -> {
                switch (name) {
                    case "Name" -> ftsName[0] = String.valueOf(in.text());
                    case "Title", "Abstract", "Description", "FeatureTypeName", "SemanticTypeIdentifier" -> in.skip();
                    case "Rule" -> rules.add(rule());
                    default -> in.unsupported();
                }
            });
            return new FeatureTypeStyle(ftsName[0], rules);
        }

        private Rule rule() {
            String[] text = {"", "", ""};
            Filter[] filter = {Filter.ALL};
            boolean[] elseRule = {false};
            double[] scale = {0, Double.POSITIVE_INFINITY};
            List<Symbolizer> list = new ArrayList<>();
            int line = in.line();
            int column = in.column();
            in.children(name -> {
                switch (name) {
                    case "Name" -> text[0] = String.valueOf(in.text());
                    case "Title" -> text[1] = String.valueOf(in.text());
                    case "Abstract" -> text[2] = String.valueOf(in.text());
                    case "Description" -> {
                        String[] ta = description();
                        text[1] = ta[0];
                        text[2] = ta[1];
                    }
                    case "Filter" -> filter[0] = filters.filter();
                    case "ElseFilter" -> {
                        elseRule[0] = true;
                        in.skip();
                    }
                    case "MinScaleDenominator" -> scale[0] = nonNegative(in.number(), 0);
                    case "MaxScaleDenominator" -> scale[1] = nonNegative(in.number(), Double.POSITIVE_INFINITY);
                    default -> {
                        if (SymbolizerReader.isSymbolizer(name)) {
                            list.add(symbolizers.symbolizer());
                        } else {
                            in.unsupported();
                        }
                    }
                }
            });
            if (scale[0] > scale[1]) {
                throw new StyleException("style.error.scales", null, in.file(), line, column, text[0],
                        scale[0], scale[1]);
            }
            return new Rule(text[0], text[1], text[2], elseRule[0] ? Filter.ALL : filter[0], elseRule[0],
                    scale[0], scale[1], list);
        }

        private static double nonNegative(double v, double ifUnset) {
            return Double.isNaN(v) ? ifUnset : Math.max(0, v);
        }
    }
}
