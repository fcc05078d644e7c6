/**
 * The headless map renderer: turns the features of a {@link de.trassenwerk.store.FeatureStore} into
 * a Java2D image for a {@link de.trassenwerk.render.Viewport}, one parallel job per layer, styled by
 * {@link de.trassenwerk.render.LayerStyle} (defaults in {@link de.trassenwerk.render.DefaultStyles}).
 * Depends on {@code store}, JTS and Java2D only, never on JavaFX, so the workbench, the CLI's
 * {@code render} and tests share it. Entry point: {@link de.trassenwerk.render.MapRenderer#render}.
 */
package de.trassenwerk.render;
