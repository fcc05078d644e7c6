package de.trassenwerk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.LayerInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Envelope;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code info FILE [--json]}: the layers of a GeoPackage with type, CRS, count and extent. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "List the layers of a GeoPackage: geometry type, CRS, feature count, extent.")
final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The GeoPackage to describe (opened read-only).")
    Path file;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<LayerInfo> layers;
        try (GeoPackageStore store = GeoPackageStore.open(file, GeoPackageStore.Mode.READ_ONLY)) {
            layers = store.layers();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = Json.MAPPER.createObjectNode();
            ArrayNode array = root.putArray("layers");
            for (LayerInfo l : layers) {
                ObjectNode o = array.addObject();
                o.put("name", l.name());
                o.put("geometry_type", l.geometryType() == null ? null : l.geometryType().name());
                o.put("crs", l.crs());
                o.put("count", l.count());
                if (l.extent() == null) {
                    o.putNull("extent");
                } else {
                    Envelope e = l.extent();
                    o.putArray("extent").add(e.getMinX()).add(e.getMinY()).add(e.getMaxX()).add(e.getMaxY());
                }
            }
            out.println(Json.MAPPER.writeValueAsString(root));
        } else {
            out.println(file);
            out.printf(Locale.ROOT, "%-24s %-18s %-11s %10s  %s%n", "layer", "geometry", "crs", "count", "extent");
            for (LayerInfo l : layers) {
                Envelope e = l.extent();
                out.printf(Locale.ROOT, "%-24s %-18s %-11s %10d  %s%n", l.name(),
                        l.geometryType() == null ? "(attributes)" : l.geometryType().name(),
                        l.crs() == null ? "-" : l.crs(), l.count(),
                        e == null ? "-" : String.format(Locale.ROOT, "%.1f,%.1f,%.1f,%.1f", e.getMinX(), e.getMinY(),
                                e.getMaxX(), e.getMaxY()));
            }
        }
        return ExitCodes.OK;
    }
}
