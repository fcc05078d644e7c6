/**
 * The headless map renderer: turns the features of a {@link de.trassenwerk.store.FeatureStore} into
 * a Java2D image for a {@link de.trassenwerk.render.Viewport}, one parallel job per layer, styled by
 * the rules of a {@link de.trassenwerk.style.LayerStyle} (SLD or built-in default), with the labels
 * of all layers placed on top without overlaps ({@link de.trassenwerk.render.LabelEngine}), and the
 * legend icons of those rules ({@link de.trassenwerk.render.Legend}). Depends on {@code store},
 * {@code style}, JTS and Java2D only, never on JavaFX, so the workbench, the CLI's {@code render}
 * and tests share it. Big layers are drawn from overviews built
 * in the background; docs/rendering.md explains the design. Entry point:
 * {@link de.trassenwerk.render.MapRenderer#render}.
 */
package de.trassenwerk.render;
