package de.trassenwerk.opendata;

import java.util.Locale;

/**
 * The file formats of a publication, with what the metadata says about each: the file extension,
 * the IANA media type, the EU file-type vocabulary URI (DCAT-AP.de {@code dct:format}), and the one
 * coordinate system its files use (GeoJSON and CSV: WGS84 longitude/latitude, OGC CRS84;
 * GeoPackage: ETRS89 / UTM zone 32N, EPSG:25832).
 */
public enum Format {
    GEOJSON("geojson", "GeoJSON", "application/geo+json", "GEOJSON", "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
            "WGS 84 (OGC:CRS84)"),
    CSV("csv", "CSV", "text/csv", "CSV", "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "WGS 84 (OGC:CRS84)"),
    GPKG("gpkg", "GeoPackage", "application/geopackage+sqlite3", "GPKG", "http://www.opengis.net/def/crs/EPSG/0/25832",
            "ETRS89 / UTM zone 32N (EPSG:25832)");

    private final String extension;
    private final String label;
    private final String mediaType;
    private final String fileType;
    private final String crsUri;
    private final String crsName;

    Format(String extension, String label, String mediaType, String fileType, String crsUri, String crsName) {
        this.extension = extension;
        this.label = label;
        this.mediaType = mediaType;
        this.fileType = fileType;
        this.crsUri = crsUri;
        this.crsName = crsName;
    }

    /** The word used on the command line ({@code geojson}, {@code csv}, {@code gpkg}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String extension() {
        return extension;
    }

    /** The name users know it by, also CKAN's resource format. */
    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    /** {@code dcat:mediaType}: the IANA registry URI. */
    public String mediaTypeUri() {
        return "https://www.iana.org/assignments/media-types/" + mediaType;
    }

    /** {@code dct:format}: the EU file-type vocabulary URI. */
    public String fileTypeUri() {
        return "http://publications.europa.eu/resource/authority/file-type/" + fileType;
    }

    /** The URI of the one coordinate system the files of this format use. */
    public String crsUri() {
        return crsUri;
    }

    /** Its human name. */
    public String crsName() {
        return crsName;
    }

    /** What a file of this format holds and in which coordinate system, in the given language. */
    public String describe(Locale locale) {
        return de.trassenwerk.i18n.Messages.format(locale, "opendata.meta.distribution." + key(), crsName);
    }

    /** The format named {@code key} ({@code geojson}, {@code csv}, {@code gpkg}), case-insensitive. */
    public static Format byKey(String key) {
        for (Format f : values()) {
            if (f.key().equalsIgnoreCase(key.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException(key);
    }
}
