package de.trassenwerk.opendata;

import java.util.List;
import java.util.Optional;

/**
 * An open-data licence as DCAT-AP.de names it: the short id used in the policy, the URI of the
 * DCAT-AP.de licence vocabulary, the full name, the URL of the licence text, and whether users must
 * name the source (attribution). Immutable.
 */
public record Licence(String id, String uri, String name, String textUrl, boolean attribution) {

    /** Datenlizenz Deutschland – Namensnennung – Version 2.0: the city's default. */
    public static final Licence DL_DE_BY_2_0 = new Licence("dl-de/by-2-0", "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
            "Datenlizenz Deutschland – Namensnennung – Version 2.0", "https://www.govdata.de/dl-de/by-2-0", true);
    /** Creative Commons Namensnennung 3.0 Deutschland: some of the city's older data. */
    public static final Licence CC_BY_3_0_DE = new Licence("cc-by-de/3.0", "http://dcat-ap.de/def/licenses/cc-by-de/3.0",
            "Creative Commons Namensnennung 3.0 Deutschland (CC BY 3.0 DE)",
            "https://creativecommons.org/licenses/by/3.0/de/", true);
    /** Datenlizenz Deutschland – Zero – Version 2.0: no conditions. */
    public static final Licence DL_DE_ZERO_2_0 = new Licence("dl-de/zero-2-0", "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
            "Datenlizenz Deutschland – Zero – Version 2.0", "https://www.govdata.de/dl-de/zero-2-0", false);
    /** Creative Commons Namensnennung 4.0 International. */
    public static final Licence CC_BY_4_0 = new Licence("cc-by/4.0", "http://dcat-ap.de/def/licenses/cc-by/4.0",
            "Creative Commons Namensnennung 4.0 International (CC BY 4.0)",
            "https://creativecommons.org/licenses/by/4.0/", true);

    /** The licences a policy may name. */
    public static final List<Licence> KNOWN = List.of(DL_DE_BY_2_0, CC_BY_3_0_DE, DL_DE_ZERO_2_0, CC_BY_4_0);

    /** The licence with this policy id, such as {@code dl-de/by-2-0}. */
    public static Optional<Licence> byId(String id) {
        return KNOWN.stream().filter(l -> l.id.equals(id)).findFirst();
    }

    /**
     * The source note the licence asks users to show, for instance
     * "Stadt Duisburg, Datenlizenz Deutschland – Namensnennung – Version 2.0 (https://www.govdata.de/dl-de/by-2-0)",
     * followed by the dataset's address where it has one.
     */
    public String attributionNote(String attributionText, String datasetUrl) {
        String note = attributionText + ", " + name + " (" + textUrl + ")";
        return datasetUrl == null ? note : note + ", " + datasetUrl;
    }
}
