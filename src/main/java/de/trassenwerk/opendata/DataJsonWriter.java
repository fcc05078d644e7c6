package de.trassenwerk.opendata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.trassenwerk.i18n.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes the catalogue entries for a DKAN portal ({@code data.json}, Project Open Data metadata
 * schema 1.1, as opendata-duisburg.de reads it): per dataset its identifier, title, description,
 * keywords, modification time, publisher, contact point (name and {@code hasEmail} of the team
 * mailbox), {@code accessLevel} public, licence URL, spatial extent (west, south, east, north),
 * temporal coverage, update frequency, language, themes and its distributions. Stateless.
 */
final class DataJsonWriter {
    static final String SCHEMA = "https://project-open-data.cio.gov/v1.1/schema";

    private DataJsonWriter() {
    }

    static void write(Publication p, Path file) throws IOException {
        JsonFiles.write(document(p), file);
    }

    static ObjectNode document(Publication p) {
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        root.put("@context", SCHEMA + "/catalog.jsonld");
        root.put("@id", p.url(Publisher.DATA_JSON));
        root.put("@type", "dcat:Catalog");
        root.put("conformsTo", SCHEMA);
        root.put("describedBy", SCHEMA + "/catalog.json");
        ArrayNode datasets = root.putArray("dataset");
        String modified = DateTimeFormatter.ISO_INSTANT.format(p.publishedAt().truncatedTo(ChronoUnit.SECONDS));
        CatalogueInfo c = p.catalogue();
        for (PublishedDataset d : p.datasets()) {
            DatasetInfo info = d.info();
            ObjectNode ds = datasets.addObject();
            ds.put("@type", "dcat:Dataset");
            ds.put("identifier", p.datasetIri(info));
            ds.put("title", info.title());
            ds.put("description", info.description());
            ArrayNode kw = ds.putArray("keyword");
            info.keywords().forEach(kw::add);
            ds.put("modified", modified);
            ObjectNode publisher = ds.putObject("publisher");
            publisher.put("@type", "org:Organization");
            publisher.put("name", info.publisher().name());
            ObjectNode contact = ds.putObject("contactPoint");
            contact.put("@type", "vcard:Contact");
            contact.put("fn", info.contactPoint().organisation());
            contact.put("hasEmail", "mailto:" + info.contactPoint().email());
            ds.put("accessLevel", "public");
            ds.put("license", info.licence().textUrl());
            if (d.extentWgs84() != null) {
                var e = d.extentWgs84();
                ds.put("spatial", LonLatGeometry.format(e.getMinX()) + "," + LonLatGeometry.format(e.getMinY()) + ","
                        + LonLatGeometry.format(e.getMaxX()) + "," + LonLatGeometry.format(e.getMaxY()));
            }
            ds.put("temporal", d.temporal().start() + "/" + d.temporal().end());
            if (info.updateFrequency().podPeriodicity() != null) {
                ds.put("accrualPeriodicity", info.updateFrequency().podPeriodicity());
            }
            ds.putArray("language").add(c.language());
            ArrayNode theme = ds.putArray("theme");
            info.themes().forEach(t -> theme.add(Messages.format(c.locale(), "opendata.theme." + t.name())));
            ArrayNode dist = ds.putArray("distribution");
            for (PublishedFile f : d.files()) {
                ObjectNode o = dist.addObject();
                o.put("@type", "dcat:Distribution");
                o.put("title", f.fileName());
                o.put("description", f.format().describe(c.locale()));
                o.put("downloadURL", p.url(f.fileName()));
                o.put("mediaType", f.format().mediaType());
                o.put("format", f.format().label());
                o.put("conformsTo", f.format().crsUri());
            }
        }
        return root;
    }
}
