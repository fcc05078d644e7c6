/**
 * The JavaFX views of the workbench: the main window, the map view that shows frames of the
 * {@code render} package, the layer list and the status bar. A thin layer over {@code store} and
 * {@code render}: views never read data on the FX thread. Only this package and {@code app} may use
 * JavaFX. Entry point: {@link de.trassenwerk.ui.MainWindow}.
 */
package de.trassenwerk.ui;
