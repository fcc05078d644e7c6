package de.trassenwerk.opendata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes {@code publication-report.json}: what was published (datasets with their layers, fields
 * and the rule applied to each, feature counts, files) and what was withheld — layers and fields —
 * with the reason code and the policy's own words. It names withheld layers and fields, never their
 * values, and gives no counts of restricted or internal layers. Stateless.
 */
final class PublicationReport {
    static final String FORMAT = "trassenwerk-publication-report";

    private PublicationReport() {
    }

    static void write(Publication p, Path file) throws IOException {
        JsonFiles.write(document(p), file);
    }

    static ObjectNode document(Publication p) {
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("published_at", DateTimeFormatter.ISO_INSTANT.format(p.publishedAt().truncatedTo(ChronoUnit.SECONDS)));
        root.put("source", p.sourceName());
        root.put("policy", p.plan().policy().source());
        root.put("base_url", p.baseUrl() == null ? null : p.baseUrl().toString());
        ArrayNode datasets = root.putArray("datasets");
        for (PublishedDataset d : p.datasets()) {
            PlannedDataset plan = d.plan();
            ObjectNode ds = datasets.addObject();
            ds.put("name", d.info().name());
            ds.put("title", d.info().title());
            ds.put("kind", plan.kind().name().toLowerCase(java.util.Locale.ROOT));
            ds.put("source_layer", plan.sourceLayer());
            ds.put("layer", plan.outputLayer());
            ds.put("licence", d.info().licence().id());
            ds.put("geometry", plan.geometry().key());
            ds.put("features", d.counts().published());
            if (plan.kind() == PlannedDataset.Kind.LAYER) {
                ObjectNode left = ds.putObject("left_out");
                left.put("by_row_conditions", d.counts().filteredByRows());
                left.put("marked_restricted", d.counts().restricted());
                left.put("outside_areas", d.counts().outsideAreas());
            }
            ArrayNode rows = ds.putArray(plan.kind() == PlannedDataset.Kind.LAYER ? "row_conditions" : "counted_when");
            plan.rows().forEach(r -> rows.add(r.toString()));
            ArrayNode fields = ds.putArray("fields");
            ArrayNode withheldFields = ds.putArray("withheld_fields");
            if (plan.kind() == PlannedDataset.Kind.AGGREGATE) {
                plan.output().fields().forEach(f -> fields.addObject().put("field", f.name()).put("rule", "aggregate"));
            }
            for (FieldDecision f : plan.fields()) {
                if (f.published()) {
                    fields.addObject().put("field", f.field()).put("rule", f.outcome() == FieldDecision.Outcome.MONTH
                            ? FieldRule.MONTH.key() : FieldRule.KEEP.key());
                } else {
                    withheldFields.addObject().put("field", f.field()).put("reason", f.reason().code());
                }
            }
            ArrayNode files = ds.putArray("files");
            for (PublishedFile f : d.files()) {
                files.addObject().put("file", f.fileName()).put("format", f.format().key()).put("crs", f.format().crsUri())
                        .put("bytes", f.bytes()).put("sha256", f.sha256());
            }
        }
        ArrayNode withheld = root.putArray("withheld_layers");
        for (WithheldLayer w : p.plan().withheld()) {
            withheld.addObject().put("layer", w.layer()).put("reason", w.reason().code()).put("detail", w.detail());
        }
        return root;
    }
}
