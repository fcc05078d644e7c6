package de.trassenwerk.render;

import de.trassenwerk.crs.SpatialReferences;

/**
 * How a {@link MapRenderer} works: the level of detail, how many pixels of layer images it may keep
 * for re-use, whether big layers get overviews, and the CRS of the map (layers in other CRSs are
 * reprojected into it). Immutable; any thread.
 *
 * @param detail           {@link Detail#LEVEL_OF_DETAIL} normally, {@link Detail#FULL} for reference pictures
 * @param layerCachePixels pixels of layer images kept for re-use; 0 keeps none (every render is cold)
 * @param overviews        whether big layers are drawn from overviews built in the background
 * @param mapSrs           EPSG code of the map's CRS
 */
public record RenderSettings(Detail detail, long layerCachePixels, boolean overviews, int mapSrs) {
    /** About twenty full-HD layer images. */
    public static final long DEFAULT_CACHE_PIXELS = 40_000_000L;

    public RenderSettings {
        if (detail == null) {
            throw new IllegalArgumentException("detail is required");
        }
        if (layerCachePixels < 0) {
            throw new IllegalArgumentException("layerCachePixels must not be negative");
        }
    }

    /** Level of detail, overviews, a layer image cache, the project CRS. */
    public static RenderSettings defaults() {
        return new RenderSettings(Detail.LEVEL_OF_DETAIL, DEFAULT_CACHE_PIXELS, true, SpatialReferences.PROJECT_SRS);
    }

    public RenderSettings withDetail(Detail d) {
        return new RenderSettings(d, layerCachePixels, overviews, mapSrs);
    }

    public RenderSettings withLayerCachePixels(long pixels) {
        return new RenderSettings(detail, pixels, overviews, mapSrs);
    }

    public RenderSettings withOverviews(boolean on) {
        return new RenderSettings(detail, layerCachePixels, on, mapSrs);
    }
}
