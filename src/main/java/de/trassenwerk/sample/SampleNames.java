package de.trassenwerk.sample;

import java.util.List;
import java.util.SplittableRandom;

/** Names for the generated city: streets, people (fictional), organisations. */
final class SampleNames {
    private SampleNames() {
    }

    static final List<String> MAIN_ROADS = List.of(
            "Düsseldorfer Straße", "Mülheimer Straße", "Weseler Straße", "Krefelder Straße", "Moerser Straße",
            "Ruhrorter Straße", "Duisburger Straße", "Friedrich-Ebert-Straße", "Kaiser-Wilhelm-Straße",
            "Essener Straße", "Oberhausener Straße", "Dinslakener Straße", "Emmericher Straße", "Wanheimer Straße",
            "Hochfelder Straße", "Koloniestraße", "Aakerfährstraße", "Zoostraße", "Sittardsberger Allee",
            "Großenbaumer Allee", "Angerhauser Straße", "Königstraße", "Friedrich-Wilhelm-Straße", "Neudorfer Straße",
            "Bonifatiusstraße", "Kaiserstraße", "Gutenbergstraße", "Richard-Dehmel-Straße", "Rheinhauser Straße",
            "Asterlager Straße", "Homberger Straße", "Römerstraße");

    private static final List<String> STEMS = List.of(
            "Ahorn", "Birken", "Buchen", "Eichen", "Eschen", "Linden", "Ulmen", "Tannen", "Kastanien", "Erlen",
            "Amsel", "Drossel", "Finken", "Lerchen", "Meisen", "Falken", "Schwalben", "Stieglitz", "Kiebitz",
            "Goethe", "Schiller", "Lessing", "Heine", "Uhland", "Eichendorff", "Mörike", "Fontane", "Storm",
            "Bach", "Beethoven", "Mozart", "Händel", "Brahms", "Schubert", "Haydn", "Mercator", "Humboldt",
            "Kant", "Hegel", "Leibniz", "Gauß", "Kepler", "Röntgen", "Diesel", "Siemens", "Bosch", "Krupp",
            "Hafen", "Werft", "Kanal", "Deich", "Anger", "Wiesen", "Feld", "Mühlen", "Brunnen", "Garten",
            "Schul", "Kirch", "Markt", "Bahnhof", "Post", "Zechen", "Hütten", "Schacht", "Kokerei", "Stahl",
            "Rosen", "Tulpen", "Nelken", "Veilchen", "Lilien", "Flieder", "Holunder", "Weiden", "Pappel",
            "Sonnen", "Mond", "Stern", "Berg", "Tal", "Heide", "Moor", "Bruch", "Busch", "Hecken", "Wald",
            "Friedens", "Freiheits", "Einheits", "Rathaus", "Turm", "Burg", "Schloss", "Kloster", "Kapellen",
            "Xantener", "Kevelaerer", "Emmericher", "Bocholter", "Borkener", "Kleverland", "Geldern", "Goch",
            "Wittener", "Bochumer", "Dortmunder", "Hagener", "Sauerland", "Münsterland", "Eifel", "Hunsrück",
            "Lippe", "Emscher", "Anger", "Ruhr", "Erft", "Wupper", "Sieg", "Lahn", "Mosel", "Saar", "Nahe");

    private static final List<String> SUFFIXES = List.of(
            "straße", "weg", "straße", "allee", "straße", "ring", "weg", "gasse", "straße", "pfad");

    static final List<String> FIRST_NAMES = List.of(
            "Anna", "Bernd", "Claudia", "Dirk", "Elke", "Frank", "Gabi", "Heinz", "Ingrid", "Jürgen", "Katrin",
            "Lars", "Monika", "Norbert", "Olga", "Peter", "Renate", "Stefan", "Tanja", "Uwe", "Vera", "Werner",
            "Yvonne", "Zeynep", "Mehmet", "Aylin", "Marek", "Sofia", "Jan", "Lea");

    static final List<String> LAST_NAMES = List.of(
            "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
            "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger",
            "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Yilmaz", "Kaya", "Nowak", "Kowalski");

    static final List<String> DUCT_OWNERS = List.of(
            "Stadtwerke Duisburg", "Telekom", "Vodafone", "DU-IT", "Glasfaser Ruhr", "Netze Duisburg");

    /** A street name that is not yet used in {@code used}. */
    static String residentialStreet(SplittableRandom rnd, java.util.Set<String> used) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String stem = STEMS.get(rnd.nextInt(STEMS.size()));
            String suffix = SUFFIXES.get(rnd.nextInt(SUFFIXES.size()));
            String name = stem.endsWith("er") && suffix.equals("straße") && rnd.nextBoolean()
                    ? stem + " Straße" : stem + suffix;
            if (used.add(name)) {
                return name;
            }
        }
        String name = STEMS.get(rnd.nextInt(STEMS.size())) + "straße " + (used.size() + 1);
        used.add(name);
        return name;
    }

    /** A fictional person's name. */
    static String person(SplittableRandom rnd) {
        return FIRST_NAMES.get(rnd.nextInt(FIRST_NAMES.size())) + " " + LAST_NAMES.get(rnd.nextInt(LAST_NAMES.size()));
    }
}
