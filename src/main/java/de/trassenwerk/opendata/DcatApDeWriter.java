package de.trassenwerk.opendata;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes the DCAT-AP.de metadata of a publication as JSON-LD ({@code catalog.jsonld}): a
 * {@code dcat:Catalog} and per dataset a {@code dcat:Dataset} with title, description, publisher,
 * contact point (a {@code vcard:Organization} with its team mailbox), licence, keywords, EU data
 * themes, spatial coverage (municipality URI and bounding box in CRS84), temporal coverage,
 * modification time, update frequency, the political geocoding of Duisburg (municipality key
 * 05112000, level municipality) and the contributor id; and per file one {@code dcat:Distribution}
 * with access and download URL, EU file type, IANA media type, licence, attribution text, byte
 * size, SHA-256 checksum (SPDX) and its coordinate system ({@code dct:conformsTo}). Stateless.
 */
final class DcatApDeWriter {
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String DCATDE = "http://dcat-ap.de/def/dcatde/";
    private static final String PUBLIC_ACCESS = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";
    private static final String SHA256 = "http://spdx.org/rdf/terms#checksumAlgorithm_sha256";
    private static final String CRS84 = "<http://www.opengis.net/def/crs/OGC/1.3/CRS84> ";

    private DcatApDeWriter() {
    }

    static void write(Publication p, Path file) throws IOException {
        JsonFiles.write(document(p), file);
    }

    static ObjectNode document(Publication p) {
        ObjectNode root = JsonFiles.MAPPER.createObjectNode();
        ObjectNode ctx = root.putObject("@context");
        ctx.put("dcat", DCAT);
        ctx.put("dct", DCT);
        ctx.put("dcatde", DCATDE);
        ctx.put("foaf", "http://xmlns.com/foaf/0.1/");
        ctx.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        ctx.put("spdx", "http://spdx.org/rdf/terms#");
        ctx.put("locn", "http://www.w3.org/ns/locn#");
        ctx.put("geo", "http://www.opengis.net/ont/geosparql#");
        ctx.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        ArrayNode graph = root.putArray("@graph");
        CatalogueInfo c = p.catalogue();
        ObjectNode catalog = graph.addObject();
        catalog.put("@id", p.url(Publisher.CATALOG));
        catalog.put("@type", "dcat:Catalog");
        catalog.set("dct:title", text(c.title(), c.language()));
        catalog.set("dct:description", text(c.description(), c.language()));
        catalog.set("dct:publisher", publisher(c.publisher()));
        catalog.set("dct:language", iri(c.languageUri()));
        catalog.set("dct:license", iri(c.licence().uri()));
        catalog.set("dct:modified", typed(instant(p), "xsd:dateTime"));
        catalog.set("foaf:homepage", iri(c.publisher().uri()));
        ArrayNode ids = catalog.putArray("dcat:dataset");
        for (PublishedDataset d : p.datasets()) {
            ids.add(iri(p.datasetIri(d.info())));
            graph.add(dataset(p, d));
        }
        return root;
    }

    private static ObjectNode dataset(Publication p, PublishedDataset d) {
        CatalogueInfo c = p.catalogue();
        DatasetInfo info = d.info();
        String lang = c.language();
        ObjectNode ds = JsonFiles.MAPPER.createObjectNode();
        ds.put("@id", p.datasetIri(info));
        ds.put("@type", "dcat:Dataset");
        ds.put("dct:identifier", p.datasetIri(info));
        ds.set("dct:title", text(info.title(), lang));
        ds.set("dct:description", text(info.description(), lang));
        ds.set("dct:publisher", publisher(info.publisher()));
        ObjectNode contact = ds.putObject("dcat:contactPoint");
        contact.put("@type", "vcard:Organization");
        contact.put("vcard:fn", info.contactPoint().organisation());
        contact.set("vcard:hasEmail", iri("mailto:" + info.contactPoint().email()));
        ds.set("dct:license", iri(info.licence().uri()));
        ArrayNode keywords = ds.putArray("dcat:keyword");
        info.keywords().forEach(k -> keywords.add(text(k, lang)));
        ArrayNode themes = ds.putArray("dcat:theme");
        info.themes().forEach(t -> themes.add(iri(t.uri())));
        ArrayNode spatial = ds.putArray("dct:spatial");
        spatial.add(iri(c.politicalGeocodingUri()));
        if (d.extentWgs84() != null) {
            ObjectNode location = spatial.addObject();
            location.put("@type", "dct:Location");
            location.set("locn:geometry", typed(CRS84 + polygon(d.extentWgs84()), "geo:wktLiteral"));
            location.set("dcat:bbox", typed(CRS84 + polygon(d.extentWgs84()), "geo:wktLiteral"));
        }
        ObjectNode period = ds.putObject("dct:temporal");
        period.put("@type", "dct:PeriodOfTime");
        period.set("dcat:startDate", typed(d.temporal().start().toString(), "xsd:date"));
        period.set("dcat:endDate", typed(d.temporal().end().toString(), "xsd:date"));
        ds.set("dct:modified", typed(instant(p), "xsd:dateTime"));
        ds.set("dct:accrualPeriodicity", iri(info.updateFrequency().uri()));
        ds.set("dct:language", iri(c.languageUri()));
        ds.set("dct:accessRights", iri(PUBLIC_ACCESS));
        ds.set("dcatde:politicalGeocodingURI", iri(c.politicalGeocodingUri()));
        ds.set("dcatde:politicalGeocodingLevelURI", iri(c.politicalGeocodingLevelUri()));
        ds.set("dcatde:contributorID", iri(c.contributorId()));
        ArrayNode distributions = ds.putArray("dcat:distribution");
        for (PublishedFile f : d.files()) {
            distributions.add(distribution(p, info, f));
        }
        return ds;
    }

    private static ObjectNode distribution(Publication p, DatasetInfo info, PublishedFile f) {
        Locale locale = p.catalogue().locale();
        ObjectNode dist = JsonFiles.MAPPER.createObjectNode();
        dist.put("@type", "dcat:Distribution");
        dist.put("dct:title", f.fileName());
        dist.set("dct:description", text(f.format().describe(locale), p.catalogue().language()));
        String url = p.url(f.fileName());
        dist.set("dcat:accessURL", iri(url));
        dist.set("dcat:downloadURL", iri(url));
        dist.set("dct:format", iri(f.format().fileTypeUri()));
        dist.set("dcat:mediaType", iri(f.format().mediaTypeUri()));
        dist.set("dct:license", iri(info.licence().uri()));
        dist.put("dcatde:licenseAttributionByText", info.attribution());
        dist.set("dct:conformsTo", iri(f.format().crsUri()));
        dist.set("dcat:byteSize", typed(Long.toString(f.bytes()), "xsd:nonNegativeInteger"));
        ObjectNode checksum = dist.putObject("spdx:checksum");
        checksum.put("@type", "spdx:Checksum");
        checksum.set("spdx:algorithm", iri(SHA256));
        checksum.set("spdx:checksumValue", typed(f.sha256(), "xsd:hexBinary"));
        dist.set("dct:modified", typed(instant(p), "xsd:dateTime"));
        return dist;
    }

    static String polygon(Envelope e) {
        String x0 = LonLatGeometry.format(e.getMinX());
        String y0 = LonLatGeometry.format(e.getMinY());
        String x1 = LonLatGeometry.format(e.getMaxX());
        String y1 = LonLatGeometry.format(e.getMaxY());
        return "POLYGON ((" + x0 + " " + y0 + ", " + x1 + " " + y0 + ", " + x1 + " " + y1 + ", " + x0 + " " + y1 + ", "
                + x0 + " " + y0 + "))";
    }

    private static String instant(Publication p) {
        return DateTimeFormatter.ISO_INSTANT.format(p.publishedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static ObjectNode publisher(Organisation o) {
        ObjectNode n = JsonFiles.MAPPER.createObjectNode();
        n.put("@type", "foaf:Organization");
        n.put("foaf:name", o.name());
        n.set("foaf:homepage", iri(o.uri()));
        return n;
    }

    private static ObjectNode iri(String iri) {
        return JsonFiles.MAPPER.createObjectNode().put("@id", iri);
    }

    private static ObjectNode text(String value, String language) {
        return JsonFiles.MAPPER.createObjectNode().put("@value", value).put("@language", language);
    }

    private static ObjectNode typed(String value, String type) {
        return JsonFiles.MAPPER.createObjectNode().put("@value", value).put("@type", type);
    }
}
