/**
 * The headless map renderer: turns the features of a {@link de.trassenwerk.store.FeatureStore} into
 * a Java2D image for a {@link de.trassenwerk.render.Viewport}, one parallel job per layer, styled by
 * {@link de.trassenwerk.render.LayerStyle} (defaults in {@link de.trassenwerk.render.DefaultStyles}).
 * Geometries go from the store's encoding straight to pixels ({@code PixelDecoder}); big layers are
 * drawn from in-memory overviews, finished layer images are kept for re-use, and layers in other
 * CRSs are reprojected on the fly. Depends on {@code store}, {@code crs}, JTS and Java2D only, never
 * on JavaFX, so the workbench, the CLI's {@code render} and tests share it. Entry point:
 * {@link de.trassenwerk.render.MapRenderer#renderLayers} (with {@link de.trassenwerk.render.LayerRequest}s)
 * and {@link de.trassenwerk.render.MapRenderer#render}; docs/rendering.md explains the design.
 */
package de.trassenwerk.render;
