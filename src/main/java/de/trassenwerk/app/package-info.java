/**
 * Program start: {@link de.trassenwerk.app.Launcher} runs a CLI command headless (short batch
 * commands with quick compilation, {@link de.trassenwerk.app.BatchCompilation}) or starts the JavaFX
 * {@link de.trassenwerk.app.WorkbenchApp}, which wires the main window of {@code ui}. In an
 * installed copy {@link de.trassenwerk.app.BundledSample} gives the first start its sample city.
 * Only this package and {@code ui} may use JavaFX.
 */
package de.trassenwerk.app;
