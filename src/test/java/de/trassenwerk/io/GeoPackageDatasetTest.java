package de.trassenwerk.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.trassenwerk.io.geopackage.GeoPackageDataset;
import de.trassenwerk.io.importer.ImportReport;
import de.trassenwerk.io.importer.ImportSettings;
import de.trassenwerk.io.importer.LayerImport;
import de.trassenwerk.store.GeoPackageStore;
import de.trassenwerk.store.Query;
import de.trassenwerk.testing.Ogr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers of GeoPackages written by GDAL (other key column names, other CRSs) as import sources. */
class GeoPackageDatasetTest {
    @TempDir
    Path dir;

    @Test
    void everyFeatureOfAGdalLayerIsReadAcrossPagesAndReprojected() throws Exception {
        Ogr.assumeInstalled();
        StringBuilder csv = new StringBuilder("WKT,nr,name\n");
        for (int i = 0; i < 12000; i++) {
            csv.append(String.format(Locale.ROOT, "\"POINT (%.5f %.5f)\",%d,Punkt %d%n", 6.7 + i * 1e-5, 51.4, i, i));
        }
        Files.writeString(dir.resolve("points.csv"), csv);
        Files.writeString(dir.resolve("lines.csv"), "WKT,n\n\"LINESTRING (344000 5700000,344100 5700000)\",1\n");
        Path gpkg = dir.resolve("qgis.gpkg");
        Ogr.ogr2ogr(dir, "-f", "GPKG", gpkg.toString(), "points.csv", "-nln", "punkte", "-a_srs", "EPSG:4326",
                "-lco", "FID=objectid", "-oo", "AUTODETECT_TYPE=YES");
        Ogr.ogr2ogr(dir, "-update", "-f", "GPKG", gpkg.toString(), "lines.csv", "-nln", "linien", "-a_srs", "EPSG:25832");
        try (GeoPackageDataset d = new GeoPackageDataset(gpkg)) {
            assertEquals(List.of("punkte", "linien"), d.layers());
            FeatureSource punkte = d.layer("punkte");
            assertEquals(4326, punkte.srsId());
            Set<Long> seen = new HashSet<>();
            try (FeatureCursor c = punkte.features()) {
                while (c.hasNext()) {
                    seen.add((Long) c.next().attributes().get("nr"));
                }
            }
            assertEquals(12000, seen.size(), "three pages of 5000, nothing twice, nothing lost");
            ImportReport r = LayerImport.run(punkte, ImportSettings.into(dir.resolve("out.gpkg"), "punkte"), null, null);
            assertEquals(12000, r.added());
            assertEquals(4326, r.sourceCrs());
            assertThrows(ReadException.class, () -> d.layer("gibt_es_nicht"));
        }
        try (GeoPackageStore s = GeoPackageStore.open(dir.resolve("out.gpkg"), GeoPackageStore.Mode.READ_ONLY)) {
            double x = s.read("punkte", Query.ALL.page(0, 1)).get(0).geometry().getCoordinate().x;
            assertEquals(25832, s.schema("punkte").srsId());
            assertEquals(true, x > 340000 && x < 345000, "reprojected into UTM 32N: " + x);
        }
    }
}
