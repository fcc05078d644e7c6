package de.trassenwerk.sample;

import java.util.List;

/**
 * Where things are in Duisburg, roughly, in EPSG:25832: the city outline (scaled to the city's
 * 232.8 km²), the Rhine and the Ruhr, the 7 districts with their 46 quarters (a point inside each,
 * taken from the quarter's approximate position), the Rhine bridges, the centres the street network
 * is dense around, and the port and industrial areas where commercial land clusters. Positions are
 * approximate on purpose: the sample city is generated, not surveyed.
 */
final class DuisburgGazetteer {
    private DuisburgGazetteer() {
    }

    /** The city boundary, clockwise from the north. */
    static final double[] OUTLINE = {
        339768, 5714129, 341749, 5713532, 344381, 5712381, 346331, 5710718, 347274, 5708764, 348887, 5706898,
        348957, 5704757, 347959, 5702647, 348712, 5701020, 348115, 5698899, 348920, 5696736, 347720, 5694633,
        346452, 5692532, 345384, 5690425, 343678, 5689407, 341011, 5689810, 339026, 5690621, 338291, 5692783,
        338786, 5693623, 337789, 5693869, 336135, 5694457, 335049, 5696096, 335369, 5697690, 336623, 5699254,
        337342, 5700836, 337060, 5702449, 336661, 5704601, 337197, 5706723, 338382, 5708290, 339926, 5708562,
        339666, 5710923, 339068, 5713082,
    };

    /** The Rhine's centreline from south to north (it flows north). */
    static final double[] RHINE = {
        336281, 5688569, 336649, 5689627, 337722, 5691732, 339110, 5693292, 340358, 5694644, 341752, 5696418,
        342737, 5697992, 342987, 5699589, 342368, 5701213, 341807, 5702513, 341116, 5703925, 340165, 5705560,
        339565, 5707718, 339166, 5709870, 338901, 5712017, 338336, 5715244,
    };

    /** The Ruhr's centreline from its mouth at Ruhrort eastwards. */
    static final double[] RUHR = {
        341937, 5702402, 343059, 5701940, 344047, 5701482, 345373, 5701121, 346702, 5700866, 347685, 5700195,
        349342, 5699718,
    };

    static final double RHINE_HALF_WIDTH = 170;
    static final double RUHR_HALF_WIDTH = 45;

    /** A Stadtbezirk: its number and name. */
    record District(String code, String name) {
    }

    /** An Ortsteil: code, name, district code, a point inside it, and whether it lies west of the Rhine. */
    record Quarter(String code, String name, String districtCode, double x, double y, boolean westBank) {
    }

    static final List<District> DISTRICTS = List.of(
            new District("1", "Walsum"),
            new District("2", "Hamborn"),
            new District("3", "Meiderich/Beeck"),
            new District("4", "Homberg/Ruhrort/Baerl"),
            new District("5", "Mitte"),
            new District("6", "Rheinhausen"),
            new District("7", "Süd"));

    static final List<Quarter> QUARTERS = List.of(
            new Quarter("101", "Vierlinden", "1", 343266, 5708672, false),
            new Quarter("102", "Overbruch", "1", 343779, 5710154, false),
            new Quarter("103", "Alt-Walsum", "1", 340350, 5711437, false),
            new Quarter("104", "Aldenrade", "1", 341483, 5709262, false),
            new Quarter("105", "Wehofen", "1", 345021, 5711506, false),
            new Quarter("106", "Fahrn", "1", 341032, 5707672, false),
            new Quarter("201", "Röttgersbach", "2", 346260, 5708367, false),
            new Quarter("202", "Marxloh", "2", 343427, 5707384, false),
            new Quarter("203", "Obermarxloh", "2", 345011, 5706800, false),
            new Quarter("204", "Neumühl", "2", 347416, 5706834, false),
            new Quarter("205", "Alt-Hamborn", "2", 345526, 5706143, false),
            new Quarter("301", "Bruckhausen", "3", 342183, 5706031, false),
            new Quarter("302", "Beeck", "3", 342821, 5705049, false),
            new Quarter("303", "Beeckerwerth", "3", 340966, 5705535, false),
            new Quarter("304", "Laar", "3", 341787, 5704012, false),
            new Quarter("305", "Untermeiderich", "3", 343429, 5703105, false),
            new Quarter("306", "Mittelmeiderich", "3", 345114, 5703588, false),
            new Quarter("307", "Obermeiderich", "3", 346805, 5704286, false),
            new Quarter("401", "Ruhrort", "4", 342608, 5702489, false),
            new Quarter("402", "Alt-Homberg", "4", 340081, 5702888, true),
            new Quarter("403", "Hochheide", "4", 338371, 5701659, true),
            new Quarter("404", "Baerl", "4", 338507, 5705933, true),
            new Quarter("501", "Altstadt", "5", 344152, 5700516, false),
            new Quarter("502", "Neuenkamp", "5", 342826, 5700878, false),
            new Quarter("503", "Kaßlerfeld", "5", 343857, 5701808, false),
            new Quarter("504", "Duissern", "5", 346035, 5700887, false),
            new Quarter("505", "Neudorf-Nord", "5", 347011, 5700002, false),
            new Quarter("506", "Neudorf-Süd", "5", 346638, 5698729, false),
            new Quarter("507", "Dellviertel", "5", 344666, 5699858, false),
            new Quarter("508", "Hochfeld", "5", 343632, 5698821, false),
            new Quarter("509", "Wanheimerort", "5", 344251, 5697197, false),
            new Quarter("601", "Rheinhausen-Mitte", "6", 340916, 5697514, true),
            new Quarter("602", "Hochemmerich", "6", 339957, 5698935, true),
            new Quarter("603", "Bergheim", "6", 339194, 5695964, true),
            new Quarter("604", "Friemersheim", "6", 340381, 5695392, true),
            new Quarter("605", "Rumeln-Kaldenhausen", "6", 336882, 5696893, true),
            new Quarter("701", "Bissingheim", "7", 347777, 5696556, false),
            new Quarter("702", "Wedau", "7", 347421, 5698064, false),
            new Quarter("703", "Buchholz", "7", 345539, 5695554, false),
            new Quarter("704", "Wanheim-Angerhausen", "7", 343212, 5696053, false),
            new Quarter("705", "Großenbaum", "7", 345822, 5693834, false),
            new Quarter("706", "Rahm", "7", 345088, 5691717, false),
            new Quarter("707", "Huckingen", "7", 344127, 5693137, false),
            new Quarter("708", "Hüttenheim", "7", 342153, 5694267, false),
            new Quarter("709", "Ungelsheim", "7", 342773, 5692643, false),
            new Quarter("710", "Mündelheim", "7", 341051, 5691092, false));

    /** A named place the street network is dense around: x, y, and the radius (m) of its core. */
    record Centre(String name, double x, double y, double radius) {
    }

    static final List<Centre> CENTRES = List.of(
            new Centre("Altstadt", 344300, 5700300, 1500),
            new Centre("Hamborn", 345300, 5706300, 1000),
            new Centre("Marxloh", 343600, 5707300, 800),
            new Centre("Meiderich", 344700, 5703500, 900),
            new Centre("Homberg", 340100, 5702700, 800),
            new Centre("Rheinhausen", 340500, 5697800, 1000),
            new Centre("Walsum", 342000, 5709600, 800),
            new Centre("Huckingen", 344500, 5693500, 800),
            new Centre("Neudorf", 346600, 5699500, 900),
            new Centre("Hochfeld", 343800, 5698700, 700));

    /** A port or industrial area: centre, radius, number of commercial plots, zoning, and coverage quality. */
    record Cluster(String name, double x, double y, double radius, int plots, String zoning, boolean poorlyServed) {
    }

    static final List<Cluster> CLUSTERS = List.of(
            new Cluster("Hafen Ruhrort", 343000, 5702400, 1000, 45, "GI", false),
            new Cluster("Logport Rheinhausen", 341100, 5696300, 900, 40, "GI", true),
            new Cluster("Hüttenheim", 342500, 5694100, 800, 25, "GI", true),
            new Cluster("Bruckhausen", 342000, 5705600, 800, 25, "GI", false),
            new Cluster("Hafen Walsum", 341000, 5710400, 700, 20, "GI", true),
            new Cluster("Kaßlerfeld", 343500, 5701500, 500, 20, "GE", false),
            new Cluster("Hochfeld", 343500, 5698300, 500, 15, "GE", false),
            new Cluster("Neumühl", 347100, 5706600, 600, 15, "GE", true),
            new Cluster("Innenhafen", 344500, 5700900, 400, 15, "MI", false),
            new Cluster("Großenbaum", 345700, 5692900, 500, 15, "GE", false),
            new Cluster("Homberg", 339700, 5703300, 500, 15, "GE", false));

    /** A bridge over the Rhine or the Ruhr: its name and the point where it crosses. */
    record Bridge(String name, double x, double y) {
    }

    static final List<Bridge> BRIDGES = List.of(
            new Bridge("Brücke der Solidarität", 342600, 5697600),
            new Bridge("Rheinbrücke Neuenkamp", 342700, 5700300),
            new Bridge("Friedrich-Ebert-Brücke", 341500, 5703000),
            new Bridge("Rheinbrücke Beeckerwerth", 340300, 5705300),
            new Bridge("Schwanentorbrücke", 343800, 5701600),
            new Bridge("Karl-Lehr-Brücke", 342700, 5702100),
            new Bridge("Ruhrbrücke Meiderich", 345400, 5701050),
            new Bridge("Ruhrdeichbrücke", 347000, 5700800));
}
