package de.trassenwerk.crs;

/**
 * A coordinate reference system as a GeoPackage records it in {@code gpkg_spatial_ref_sys}:
 * its id, name, defining organisation and code, and OGC WKT 1 definition.
 */
public record SpatialReference(int srsId, String name, String organization, int organizationId,
        String definition, String description) {

    /** The short form users see, for instance {@code EPSG:25832}; null-safe for undefined systems. */
    public String code() {
        return organization + ":" + organizationId;
    }
}
