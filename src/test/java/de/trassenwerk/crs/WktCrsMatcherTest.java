package de.trassenwerk.crs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import de.trassenwerk.testing.Fixtures;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WktCrsMatcherTest {
    @TempDir
    Path dir;

    @Test
    void everyKnownSystemMatchesItsOwnDefinition() {
        for (int code : SpatialReferences.known()) {
            assertEquals(Optional.of(code), WktCrsMatcher.match(SpatialReferences.epsg(code).orElseThrow().definition()));
        }
    }

    @Test
    void esriPrjFilesAsGdalWritesThemMatchByTheirParameters() {
        Assumptions.assumeTrue(Fixtures.onPath("gdalsrsinfo"), "gdalsrsinfo (gdal-bin) is not installed");
        for (int code : SpatialReferences.known()) {
            Fixtures.Run esri = Fixtures.run(dir, "gdalsrsinfo", "-o", "wkt_esri", "EPSG:" + code);
            assertEquals(0, esri.exit(), esri.err());
            assertEquals(Optional.of(code), WktCrsMatcher.match(esri.out()), esri.out());
            Fixtures.Run ogc = Fixtures.run(dir, "gdalsrsinfo", "-o", "wkt1", "EPSG:" + code);
            assertEquals(Optional.of(code), WktCrsMatcher.match(ogc.out()), ogc.out());
        }
    }

    @Test
    void parametersDecideNotNames() {
        String misnamed = "PROJCS[\"Duisburg\",GEOGCS[\"GCS_ETRS_1989\",DATUM[\"D_ETRS_1989\",SPHEROID[\"GRS_1980\",6378137.0,"
                + "298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Transverse_Mercator\"],"
                + "PARAMETER[\"False_Easting\",32500000.0],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",9.0],"
                + "PARAMETER[\"Scale_Factor\",0.9996],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";
        assertEquals(Optional.of(4647), WktCrsMatcher.match(misnamed));
        assertEquals(Optional.of(25832), WktCrsMatcher.match(misnamed.replace("32500000.0", "500000.0")));
        assertEquals(Optional.empty(), WktCrsMatcher.match(misnamed.replace("Central_Meridian\",9.0", "Central_Meridian\",8.0")));
        assertEquals(Optional.empty(), WktCrsMatcher.match(misnamed.replace("UNIT[\"Meter\",1.0]", "UNIT[\"Foot_US\",0.3048006096]")));
        assertThrows(CrsException.class, () -> WktCrsMatcher.match("PROJCS[\"broken\",GEOGCS["));
    }

    @Test
    void namesAndUrnsWithTheirAxisOrder() {
        assertEquals(new CrsIdentifier(25832, false), CrsIdentifier.parse("EPSG:25832").orElseThrow());
        assertEquals(new CrsIdentifier(4326, true), CrsIdentifier.parse("urn:ogc:def:crs:EPSG::4326").orElseThrow());
        assertEquals(new CrsIdentifier(4326, true), CrsIdentifier.parse("urn:ogc:def:crs:EPSG:6.6:4326").orElseThrow());
        assertEquals(new CrsIdentifier(3035, true), CrsIdentifier.parse("http://www.opengis.net/def/crs/EPSG/0/3035").orElseThrow());
        assertEquals(new CrsIdentifier(31466, false), CrsIdentifier.parse("http://www.opengis.net/gml/srs/epsg.xml#31466").orElseThrow());
        assertEquals(new CrsIdentifier(4326, false), CrsIdentifier.parse("urn:ogc:def:crs:OGC:1.3:CRS84").orElseThrow());
        assertEquals(Optional.empty(), CrsIdentifier.parse("Gauss-Krüger"));
        assertEquals(true, CrsIdentifier.parse("urn:ogc:def:crs:EPSG::4326").orElseThrow().swapsAxes(), "latitude first");
        assertEquals(true, CrsIdentifier.parse("urn:ogc:def:crs:EPSG::31466").orElseThrow().swapsAxes(), "northing first");
        assertEquals(false, CrsIdentifier.parse("urn:ogc:def:crs:EPSG::25832").orElseThrow().swapsAxes(), "easting first");
        assertEquals(false, CrsIdentifier.parse("EPSG:4326").orElseThrow().swapsAxes(), "the short form is longitude first");
    }

    @Test
    void valueRangesNameTheSystem() {
        assertEquals(31466, CoordinateInference.fromRanges(2550000, 2560000, 5690000, 5715000).orElseThrow().epsg());
        assertEquals(31467, CoordinateInference.fromRanges(3400000, 3410000, 5690000, 5715000).orElseThrow().epsg());
        assertEquals(4647, CoordinateInference.fromRanges(32340000, 32350000, 5690000, 5715000).orElseThrow().epsg());
        assertEquals(25832, CoordinateInference.fromRanges(335000, 349000, 5689300, 5714700).orElseThrow().epsg());
        assertEquals(3035, CoordinateInference.fromRanges(4086200, 4100700, 3140900, 3166400).orElseThrow().epsg());
        assertEquals(4326, CoordinateInference.fromRanges(6.6, 6.9, 51.3, 51.6).orElseThrow().epsg());
        assertEquals(Optional.empty(), CoordinateInference.fromRanges(6.6, 345000, 51.3, 5700000), "degrees and metres mixed");
        assertEquals(Optional.empty(), CoordinateInference.fromRanges(12345, 12350, 678, 690));
    }
}
