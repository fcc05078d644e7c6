/**
 * OGC WFS 2.0 as an import source: capabilities, DescribeFeatureType, GetFeature pages in GeoJSON
 * or GML 3.2 (read with StAX). Entry point: {@link de.trassenwerk.io.wfs.WfsDataset}.
 */
package de.trassenwerk.io.wfs;
