package de.trassenwerk.cli;

import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.render.MapRenderer;
import de.trassenwerk.render.PngWriter;
import de.trassenwerk.render.RenderResult;
import de.trassenwerk.render.Viewport;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.LayerSchema;
import de.trassenwerk.store.AttributeFilter;
import de.trassenwerk.store.ThemeLayers;
import de.trassenwerk.store.WorksPeriod;
import de.trassenwerk.style.StyleLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code render FILE --out PNG [--width W] [--height H] [--bbox ...] [--layers ...] [--styles DIR]}:
 * draws the map of a GeoPackage into a PNG with the SLD styles of a folder, headless. Style warnings
 * and errors go to standard error, once per file; a layer whose SLD cannot be read is drawn with its
 * default style and the exit code is 1. Prints {@code render_ms=N}, the time of the drawing alone
 * (not of reading the styles, opening the file or writing the PNG).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draw the layers of a GeoPackage into a PNG image, styled by the SLD files of a folder.")
final class RenderCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The GeoPackage to draw (opened read-only).")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "PNG", description = "The image to write (replaced if it exists).")
    Path out;

    @Option(names = "--width", defaultValue = "1600", paramLabel = "W", description = "Image width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "1000", paramLabel = "H", description = "Image height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--bbox", paramLabel = "MINX,MINY,MAXX,MAXY",
            description = "Map area in the layers' coordinates (default: the extent of the drawn layers); "
                    + "widened to the image's aspect ratio.")
    String bbox;

    @Option(names = "--layers", split = ",", paramLabel = "LAYER",
            description = "Layers to draw, bottom to top (default: all feature layers, theme layers in their drawing order).")
    List<String> layers;

    @Option(names = "--works-on", paramLabel = "DATE[..DATE]",
            description = "Draw only the construction sites on at any time in this day or period "
                    + "(yyyy-mm-dd or yyyy-mm-dd..yyyy-mm-dd), whatever their status.")
    String worksOn;
    @Option(names = "--styles", paramLabel = "DIR",
            description = "Folder of <layer>.sld files (default: styles/ in the working directory if it exists, "
                    + "else the styles built into the program).")
    Path styles;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (width < 1 || height < 1 || (long) width * height > 100_000_000L) {
            throw new UserFacingException("cli.render.error.size", null, width, height);
        }
        Envelope area = bbox == null ? null : parseBbox(bbox);
        Map<String, AttributeFilter> filters = Map.of();
        if (worksOn != null) {
            try {
                filters = Map.of(ThemeLayers.CONSTRUCTION_SITES, WorksPeriod.parse(worksOn).filter());
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("cli.render.error.worksOn", e, worksOn);
            }
        }
        StyleLibrary library = styles == null ? StyleLibrary.standard() : StyleLibrary.load(styles);
        for (String line : library.messages()) {
            spec.commandLine().getErr().println(line);
        }
        RenderResult result;
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            List<LayerInfo> infos = store.layers();
            List<String> drawn = layers == null ? defaultLayers(infos) : checkedLayers(store, layers);
            if (area == null) {
                area = extentOf(infos, drawn);
            }
            result = new MapRenderer(library::styleFor).render(store, drawn, filters, Viewport.fit(area, width, height),
                    () -> false);
        }
        for (Map.Entry<String, RuntimeException> f : result.failures().entrySet()) {
            spec.commandLine().getErr().println(f.getKey() + ": " + describe(f.getValue()));
        }
        PngWriter.write(result.image(), out);
        spec.commandLine().getOut().println("render_ms=" + result.renderMillis());
        return result.failures().isEmpty() && library.errors().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    /** Feature layers in the order they are drawn: theme layers in their order, then the others as listed. */
    static List<String> defaultLayers(List<LayerInfo> infos) {
        List<String> names = new ArrayList<>();
        for (LayerSchema theme : ThemeLayers.all()) {
            for (LayerInfo i : infos) {
                if (i.schema().hasGeometry() && i.name().equalsIgnoreCase(theme.name())) {
                    names.add(i.name());
                }
            }
        }
        for (LayerInfo i : infos) {
            if (i.schema().hasGeometry() && !names.contains(i.name())) {
                names.add(i.name());
            }
        }
        return names;
    }

    private static List<String> checkedLayers(GeoPackageStore store, List<String> requested) {
        List<String> names = new ArrayList<>();
        for (String r : requested) {
            names.add(store.schema(r.trim()).name()); // unknown layers fail with the store's message
        }
        return names;
    }

    private static Envelope extentOf(List<LayerInfo> infos, List<String> drawn) {
        Envelope e = new Envelope();
        for (LayerInfo i : infos) {
            if (drawn.contains(i.name()) && i.extent() != null) {
                e.expandToInclude(i.extent());
            }
        }
        return e.isNull() ? new Envelope(0, 1, 0, 1) : e;
    }

    private static Envelope parseBbox(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new UserFacingException("cli.render.error.bbox", null, text);
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new UserFacingException("cli.render.error.bbox", e, text);
        }
        if (!(v[0] < v[2] && v[1] < v[3])) {
            throw new UserFacingException("cli.render.error.bbox", null, text);
        }
        return new Envelope(v[0], v[2], v[1], v[3]);
    }

    private static String describe(RuntimeException e) {
        return e instanceof UserFacingException u ? u.localizedMessage() : String.valueOf(e);
    }
}
