package de.trassenwerk.style;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.ThemeLayers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The styles of a folder of SLD files, one file per layer: {@code <layer>.sld} styles the layer of
 * that name (its first {@code NamedLayer}, which should carry the same name). A layer without a file,
 * or whose file cannot be read, is drawn with its {@link DefaultStyles built-in default}; the
 * warnings and errors of every file are kept so that the window and the CLI can show them, each
 * once per file.
 *
 * <p>{@link #standard()} is what the workbench and the {@code render} command use: the folder
 * {@code styles/} in the working directory when there is one, else the copies of those files built
 * into the program. Reading happens in the factory methods (file I/O: not on the JavaFX thread);
 * a library is immutable afterwards and may be shared by any threads.
 */
public final class StyleLibrary {
    /** The folder of styles looked for in the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("styles");
    /** Where the build puts copies of {@code styles/*.sld} on the class path. */
    static final String BUNDLED_RESOURCES = "/de/trassenwerk/style/sld/";

    private final String source;
    private final Map<String, Entry> byLayer;
    private final List<StyleWarning> warnings;
    private final List<StyleException> errors;
    private final Map<String, List<String>> messagesByLayer;

    /** A layer's style and the file it came from. */
    private record Entry(LayerStyle style, String file) {
    }

    private StyleLibrary(String source, Map<String, Entry> byLayer, List<StyleWarning> warnings,
            List<StyleException> errors, Map<String, List<String>> messagesByLayer) {
        this.source = source;
        this.byLayer = Map.copyOf(byLayer);
        this.warnings = List.copyOf(warnings);
        this.errors = List.copyOf(errors);
        this.messagesByLayer = Map.copyOf(messagesByLayer);
    }

    /** Only the built-in defaults, no SLD at all. */
    public static StyleLibrary defaults() {
        return new StyleLibrary(Messages.get("style.source.defaults"), Map.of(), List.of(), List.of(), Map.of());
    }

    /** {@code styles/} of the working directory when it exists, else the styles built into the program. */
    public static StyleLibrary standard() {
        return Files.isDirectory(DEFAULT_DIRECTORY) ? load(DEFAULT_DIRECTORY) : bundled();
    }

    /**
     * Reads every {@code *.sld} file of {@code dir} (not its sub-folders). A file that cannot be
     * read is an error of the library, not a failure of this call; a folder that does not exist is.
     */
    public static StyleLibrary load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserFacingException("style.error.directory", null, dir);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sld"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UserFacingException("style.error.directory", e, dir);
        }
        Builder b = new Builder();
        for (Path f : files) {
            String name = f.getFileName().toString();
            String layer = name.substring(0, name.length() - ".sld".length());
            b.add(layer, f.toString(), () -> SldReader.read(f));
        }
        return b.build(dir.toString());
    }

    /** The styles built into the program: the theme layers' SLD files as they were at build time. */
    public static StyleLibrary bundled() {
        Builder b = new Builder();
        for (LayerSchema theme : ThemeLayers.all()) {
            String resource = BUNDLED_RESOURCES + theme.name() + ".sld";
            if (StyleLibrary.class.getResource(resource) == null) {
                continue;
            }
            String shownAs = Messages.get("style.source.bundledFile", theme.name() + ".sld");
            b.add(theme.name(), shownAs, () -> {
                try (InputStream in = StyleLibrary.class.getResourceAsStream(resource)) {
                    return SldReader.read(in, shownAs);
                } catch (IOException e) {
                    throw new StyleException("style.error.io", e, shownAs, 0, 0, String.valueOf(e.getMessage()));
                }
            });
        }
        return b.build(Messages.get("style.source.bundled"));
    }

    /** Collects the files' styles, warnings and errors. */
    private static final class Builder {
        private final Map<String, Entry> byLayer = new LinkedHashMap<>();
        private final List<StyleWarning> warnings = new ArrayList<>();
        private final List<StyleException> errors = new ArrayList<>();
        private final Map<String, List<String>> messagesByLayer = new LinkedHashMap<>();

        interface Source {
            SldDocument read();
        }

        void add(String layer, String file, Source source) {
            SldDocument doc;
            String key = layer.toLowerCase(Locale.ROOT);
            try {
                doc = source.read();
            } catch (StyleException e) {
                errors.add(e);
                messagesByLayer.put(key, List.of(Messages.get("style.fallback", e.localizedMessage())));
                return;
            }
            int firstWarning = warnings.size();
            warnings.addAll(doc.warnings());
            LayerStyle chosen = null;
            for (LayerStyle s : doc.layers()) {
                if (s.layerName().equalsIgnoreCase(layer) && chosen == null) {
                    chosen = s;
                }
            }
            if (chosen == null) {
                chosen = doc.layers().get(0);
                warnings.add(new StyleWarning(file, 0, 0, "style.warning.layerName",
                        List.of(chosen.layerName(), layer), 1));
            }
            for (LayerStyle s : doc.layers()) {
                if (s != chosen) {
                    warnings.add(new StyleWarning(file, 0, 0, "style.warning.extraLayer", List.of(s.layerName()), 1));
                }
            }
            byLayer.put(key, new Entry(chosen, file));
            List<String> lines = new ArrayList<>();
            for (StyleWarning w : warnings.subList(firstWarning, warnings.size())) {
                lines.add(w.localizedMessage());
            }
            messagesByLayer.put(key, List.copyOf(lines));
        }

        StyleLibrary build(String source) {
            return new StyleLibrary(source, byLayer, warnings, errors, messagesByLayer);
        }
    }

    /** The style of {@code layer}: from its SLD file, else the built-in default. */
    public LayerStyle styleFor(String layer) {
        Entry e = byLayer.get(layer.toLowerCase(Locale.ROOT));
        return e != null ? e.style() : DefaultStyles.forLayer(layer);
    }

    /** The SLD file that styles {@code layer}; empty when it is drawn with its default style. */
    public Optional<String> fileOf(String layer) {
        Entry e = byLayer.get(layer.toLowerCase(Locale.ROOT));
        return e == null ? Optional.empty() : Optional.of(e.file());
    }

    /** Where the styles were read from (a folder, or the program's built-in copies). */
    public String source() {
        return source;
    }

    /** The warnings of all files, each kind once per file. */
    public List<StyleWarning> warnings() {
        return warnings;
    }

    /** The files that could not be used; their layers are drawn with the default style. */
    public List<StyleException> errors() {
        return errors;
    }

    /** The errors and warnings of the file that styles (or failed to style) {@code layer}, one line each. */
    public List<String> messagesFor(String layer) {
        return messagesByLayer.getOrDefault(layer.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * Every error (with the note that the default style is used instead) and then every warning, in
     * the user's language, one line each.
     */
    public List<String> messages() {
        List<String> lines = new ArrayList<>();
        for (StyleException e : errors) {
            lines.add(Messages.get("style.fallback", e.localizedMessage()));
        }
        for (StyleWarning w : warnings) {
            lines.add(w.localizedMessage());
        }
        return lines;
    }
}
