package de.trassenwerk.opendata;

import de.trassenwerk.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the README of a publication (Markdown, in the catalogue's language): what the folder holds,
 * the licence of each dataset with the attribution note it requires (source, licence name and link,
 * dataset address), contact point, period, fields, files with their coordinate system, size and
 * checksum, and which layers were not published and why. Stateless.
 */
final class ReadmeWriter {

    private ReadmeWriter() {
    }

    static void write(Publication p, Path file) throws IOException {
        Files.writeString(file, text(p), StandardCharsets.UTF_8);
    }

    static String text(Publication p) {
        CatalogueInfo c = p.catalogue();
        Locale l = c.locale();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(c.title()).append("\n\n").append(c.description()).append("\n\n");
        md.append(m(l, "opendata.readme.asOf", LocalDate.ofInstant(p.publishedAt(), ZoneId.of("Europe/Berlin")),
                c.publisher().name())).append("\n\n");
        md.append("## ").append(m(l, "opendata.readme.licence")).append("\n\n");
        md.append(m(l, "opendata.readme.licenceIntro")).append("\n\n");
        for (PublishedDataset d : p.datasets()) {
            DatasetInfo info = d.info();
            md.append("## ").append(info.title()).append(" (`").append(info.name()).append("`)\n\n");
            md.append(info.description()).append("\n\n");
            md.append("- ").append(m(l, "opendata.readme.licenceOf", info.licence().name(), info.licence().textUrl()))
                    .append('\n');
            if (info.licence().attribution()) {
                md.append("- ").append(m(l, "opendata.readme.attribution",
                        info.licence().attributionNote(info.attribution(),
                        p.baseUrl() == null ? null : p.datasetIri(info)))).append('\n');
            }
            md.append("- ").append(m(l, "opendata.readme.contact", info.contactPoint().organisation(),
                    info.contactPoint().email())).append('\n');
            md.append("- ").append(m(l, "opendata.readme.frequency",
                    m(l, "opendata.frequency." + info.updateFrequency().name()))).append('\n');
            md.append("- ").append(m(l, "opendata.readme.period", d.temporal().start(), d.temporal().end())).append('\n');
            md.append("- ").append(m(l, "opendata.readme.features", d.counts().published())).append('\n');
            md.append("- ").append(m(l, "opendata.readme.fields", fields(d, l))).append('\n');
            md.append("- ").append(m(l, "opendata.readme.files")).append('\n');
            for (PublishedFile f : d.files()) {
                md.append("  - [`").append(f.fileName()).append("`](").append(f.fileName()).append(") — ")
                        .append(f.format().describe(l)).append(", ")
                        .append(m(l, "opendata.readme.size", f.bytes())).append(", SHA-256 `").append(f.sha256())
                        .append("`\n");
            }
            md.append('\n');
        }
        md.append("## ").append(m(l, "opendata.readme.metadata")).append("\n\n");
        md.append(m(l, "opendata.readme.metadataFiles")).append("\n\n");
        if (!p.plan().withheld().isEmpty()) {
            md.append("## ").append(m(l, "opendata.readme.withheld")).append("\n\n");
            for (WithheldLayer w : p.plan().withheld()) {
                md.append("- `").append(w.layer()).append("`: ").append(m(l, w.reason().messageKey()));
                if (w.detail() != null) {
                    md.append(" (").append(w.detail()).append(')');
                }
                md.append('\n');
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String fields(PublishedDataset d, Locale l) {
        List<String> names = new ArrayList<>();
        for (var f : d.plan().output().fields()) {
            names.add("`" + f.name() + "`");
        }
        for (FieldDecision f : d.plan().fields()) {
            if (f.outcome() == FieldDecision.Outcome.MONTH) {
                names.set(names.indexOf("`" + f.field() + "`"), "`" + f.field() + "` (" + m(l, "opendata.readme.month") + ")");
            }
        }
        if (d.plan().geometry() == GeometryRule.AREA && d.plan().kind() == PlannedDataset.Kind.LAYER) {
            names.add(m(l, "opendata.readme.geometryArea"));
        }
        return String.join(", ", names);
    }

    private static String m(Locale l, String key, Object... args) {
        return Messages.format(l, key, args);
    }
}
