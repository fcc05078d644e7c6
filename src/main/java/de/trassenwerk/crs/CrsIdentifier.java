package de.trassenwerk.crs;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coordinate system as a file or service names it ({@code EPSG:25832},
 * {@code urn:ogc:def:crs:EPSG::25832}, {@code http://www.opengis.net/def/crs/EPSG/0/25832},
 * {@code urn:ogc:def:crs:OGC:1.3:CRS84}, ...) and the axis order the name implies: the URN and
 * {@code /def/crs} URI forms mean the EPSG axis order (latitude first for EPSG:4326, northing first
 * for Gauss-Krüger and LAEA), the short {@code EPSG:n} form and the old
 * {@code http://www.opengis.net/gml/srs/epsg.xml#n} form mean easting/longitude first, as do the
 * CRS84 names.
 *
 * @param epsg the EPSG code (4326 for CRS84)
 * @param authorityAxisOrder whether coordinates follow the EPSG axis order
 */
public record CrsIdentifier(int epsg, boolean authorityAxisOrder) {
    private static final Pattern URN = Pattern.compile("urn:(?:x-)?ogc:def:crs:epsg:[^:]*:(\\d+)");
    private static final Pattern URI = Pattern.compile("https?://www\\.opengis\\.net/def/crs/epsg/[^/]*/(\\d+)");
    private static final Pattern OLD_URI = Pattern.compile("https?://www\\.opengis\\.net/gml/srs/epsg\\.xml#(\\d+)");
    private static final Pattern SHORT = Pattern.compile("epsg:{1,2}(\\d+)");

    /** Parses a CRS name; empty when the text names no EPSG system. */
    public static Optional<CrsIdentifier> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("crs:84") || n.equals("crs84") || n.equals("ogc:crs84") || n.matches("urn:ogc:def:crs:ogc:[^:]*:crs84")
                || n.matches("https?://www\\.opengis\\.net/def/crs/ogc/[^/]*/crs84")) {
            return Optional.of(new CrsIdentifier(SpatialReferences.WGS84, false));
        }
        Matcher m = URN.matcher(n);
        if (m.matches()) {
            return Optional.of(new CrsIdentifier(Integer.parseInt(m.group(1)), true));
        }
        m = URI.matcher(n);
        if (m.matches()) {
            return Optional.of(new CrsIdentifier(Integer.parseInt(m.group(1)), true));
        }
        m = OLD_URI.matcher(n);
        if (m.matches()) {
            return Optional.of(new CrsIdentifier(Integer.parseInt(m.group(1)), false));
        }
        m = SHORT.matcher(n);
        if (m.matches()) {
            return Optional.of(new CrsIdentifier(Integer.parseInt(m.group(1)), false));
        }
        if (n.matches("\\d{4,5}")) {
            return Optional.of(new CrsIdentifier(Integer.parseInt(n), false));
        }
        return Optional.empty();
    }

    /** Whether coordinates in this system's files come northing/latitude first and must be swapped. */
    public boolean swapsAxes() {
        return authorityAxisOrder && SpatialReferences.northingFirst(epsg);
    }

    /** The short form, {@code EPSG:n}. */
    public String code() {
        return "EPSG:" + epsg;
    }
}
