package de.trassenwerk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.trassenwerk.explore.IdentifiedFeature;
import de.trassenwerk.explore.Identify;
import de.trassenwerk.i18n.UserFacingException;
import de.trassenwerk.store.GeoPackageStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code identify FILE --at X,Y [--layers a,b] [--tolerance-m M] [--json]}: the features under a map
 * point with all their attributes, topmost layer first, as the identify tool of the window shows them.
 */
@Command(name = "identify", mixinStandardHelpOptions = true,
        description = "List the features under a map point (polygons containing it, lines and points within "
                + "the tolerance) with their attributes.")
final class IdentifyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The GeoPackage (opened read-only).")
    Path file;

    @Option(names = "--at", required = true, paramLabel = "X,Y",
            description = "The point, in the layers' coordinates (EPSG:25832 for the theme layers).")
    String at;

    @Option(names = "--layers", split = ",", paramLabel = "LAYER",
            description = "Layers to look in, topmost first (default: all feature layers, topmost first).")
    List<String> layers;

    @Option(names = "--tolerance-m", defaultValue = "2", paramLabel = "M",
            description = "How far a line or point may be from the point, in metres (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N",
            description = "At most N features per layer (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double[] xy = parsePoint(at);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance) || limit < 1) {
            throw new UserFacingException("cli.identify.error.tolerance", null, tolerance, limit);
        }
        List<IdentifiedFeature> hits;
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            List<String> searched = new ArrayList<>();
            if (layers == null) {
                searched.addAll(RenderCommand.defaultLayers(store.layers()));
                Collections.reverse(searched);
            } else {
                for (String l : layers) {
                    searched.add(store.schema(l.trim()).name());
                }
            }
            hits = new Identify(store).at(xy[0], xy[1], tolerance, searched, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.putArray("at").add(xy[0]).add(xy[1]);
            root.put("tolerance_m", tolerance);
            ArrayNode features = root.putArray("features");
            for (IdentifiedFeature h : hits) {
                ObjectNode o = features.addObject();
                o.put("layer", h.layer());
                o.put("fid", h.fid());
                o.put("distance_m", Math.round(h.distance() * 1000) / 1000.0);
                o.set("attributes", Json.MAPPER.valueToTree(h.attributes()));
            }
            out.println(Json.MAPPER.writeValueAsString(root));
            return ExitCodes.OK;
        }
        if (hits.isEmpty()) {
            out.println("no features within " + format(tolerance) + " m of " + format(xy[0]) + "," + format(xy[1]));
        }
        for (IdentifiedFeature h : hits) {
            out.println(h.layer() + " fid " + h.fid() + " (" + format(h.distance()) + " m)");
            int width = h.attributes().keySet().stream().mapToInt(String::length).max().orElse(0);
            for (Map.Entry<String, Object> a : h.attributes().entrySet()) {
                out.printf(Locale.ROOT, "  %-" + Math.max(1, width) + "s  %s%n", a.getKey(),
                        a.getValue() == null ? "" : a.getValue());
            }
        }
        return ExitCodes.OK;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static double[] parsePoint(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) {
            throw new UserFacingException("cli.identify.error.at", null, text);
        }
        try {
            double x = Double.parseDouble(parts[0].trim());
            double y = Double.parseDouble(parts[1].trim());
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new UserFacingException("cli.identify.error.at", null, text);
            }
            return new double[] {x, y};
        } catch (NumberFormatException e) {
            throw new UserFacingException("cli.identify.error.at", e, text);
        }
    }
}
