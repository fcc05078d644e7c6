package de.trassenwerk.io.importer;

import de.trassenwerk.io.Dataset;
import de.trassenwerk.io.arcgis.ArcGisDataset;
import de.trassenwerk.io.http.Credentials;
import de.trassenwerk.io.http.HttpFetcher;
import de.trassenwerk.io.wfs.WfsDataset;
import de.trassenwerk.io.ReadException;
import de.trassenwerk.io.SingleLayerDataset;
import de.trassenwerk.io.csv.CsvSource;
import de.trassenwerk.io.geojson.GeoJsonSource;
import de.trassenwerk.io.geopackage.GeoPackageDataset;
import de.trassenwerk.io.shapefile.ShapefileSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Opens what the user names as a source: a file by its extension (GeoJSON, CSV, shapefile,
 * GeoPackage) or an {@code http(s)} service URL (ArcGIS REST or WFS). Not thread-safe: the
 * datasets it returns belong to the caller.
 */
public final class Sources {
    private Sources() {
    }

    /** Opens a source; {@link ReadException} when it is missing or of an unknown kind. */
    public static Dataset open(String source, SourceOptions options) {
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return openService(source, options);
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new ReadException("io.error.notFound", null, source);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return new SingleLayerDataset(new GeoJsonSource(file));
        }
        if (name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")) {
            return new SingleLayerDataset(new CsvSource(file, options.encoding(), options.xField(), options.yField(),
                    options.wktField()));
        }
        if (name.endsWith(".shp")) {
            return new SingleLayerDataset(new ShapefileSource(file, options.encoding()));
        }
        if (name.endsWith(".gpkg")) {
            return new GeoPackageDataset(file);
        }
        throw new ReadException("io.error.unknownKind", null, source);
    }

    /**
     * An ArcGIS REST service (a path ending in MapServer or FeatureServer, with or without a layer
     * number) or else a WFS. User and password in the URL ({@code https://user:pw@host/...}) mean
     * basic authentication, as {@link SourceOptions#credentials()} does.
     */
    private static Dataset openService(String source, SourceOptions options) {
        URI uri;
        try {
            uri = new URI(source.trim());
        } catch (URISyntaxException e) {
            throw new ReadException("io.error.badUrl", e, source, e.getReason());
        }
        Credentials credentials = options.credentials();
        if (uri.getRawUserInfo() != null && !credentials.isBasic()) {
            String[] userPass = uri.getUserInfo().split(":", 2);
            credentials = Credentials.basic(userPass[0], userPass.length > 1 ? userPass[1].toCharArray() : new char[0]);
            try {
                uri = new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                        uri.getFragment());
            } catch (URISyntaxException e) {
                throw new ReadException("io.error.badUrl", e, HttpFetcher.safe(uri), e.getReason());
            }
        }
        HttpFetcher http = new HttpFetcher(credentials);
        return ArcGisDataset.isService(uri) ? new ArcGisDataset(uri, http) : new WfsDataset(uri, http);
    }
}
