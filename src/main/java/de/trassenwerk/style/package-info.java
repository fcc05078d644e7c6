/**
 * Map styles: the model of the SLD 1.0 / SE 1.1 subset that QGIS writes and reads
 * ({@link de.trassenwerk.style.LayerStyle} with feature type styles, rules, filters, symbolizers and
 * scale ranges), the reader for SLD files ({@link de.trassenwerk.style.SldReader}), the built-in
 * fallback looks ({@link de.trassenwerk.style.DefaultStyles}) and the set of styles of a folder
 * ({@link de.trassenwerk.style.StyleLibrary}, the entry point). Depends on {@code store} (features
 * that filters test), {@code i18n} and the JDK's StAX parser; never on JavaFX or {@code render}.
 * Everything here is immutable once read, so styles may be shared by any number of threads.
 */
package de.trassenwerk.style;
