/**
 * ArcGIS REST MapServer/FeatureServer layers as an import source (the city's DUGis): layer list,
 * paged or id-batched queries, GeoJSON or Esri JSON. Entry point:
 * {@link de.trassenwerk.io.arcgis.ArcGisDataset}.
 */
package de.trassenwerk.io.arcgis;
