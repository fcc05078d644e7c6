/**
 * Publishing the public parts of the city's data as open data: the {@link
 * de.trassenwerk.opendata.PublicationPolicy} (deny by default: layers and fields not named are
 * withheld; personal fields dropped; restricted layers at most as an aggregate), the writers
 * (GeoJSON per RFC 7946, CSV, GeoPackage), the metadata (DCAT-AP.de JSON-LD, a DKAN {@code data.json},
 * README, publication report) and the {@link de.trassenwerk.opendata.Publisher} that writes a
 * folder all-or-nothing. The CKAN upload lives in {@code opendata.ckan}. Depends on store, crs and
 * i18n; no JavaFX. Entry points: {@link de.trassenwerk.opendata.Publisher#publish},
 * {@link de.trassenwerk.opendata.PublicationPlanner#plan}.
 */
package de.trassenwerk.opendata;
