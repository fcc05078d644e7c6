/**
 * The workbench's state as a file: which GeoPackage is open, its layers' order, visibility and
 * opacity, the styles folder, the view, the time filter, recent files and the language. Saved when
 * the window closes and read when it opens; also saved and opened as project files by the user.
 * No JavaFX here, so the CLI can read and write projects too.
 */
package de.trassenwerk.project;
