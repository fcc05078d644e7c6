package de.trassenwerk.opendata;

/**
 * The catalogue-wide metadata and defaults of a policy: the catalogue's title and description, the
 * language of the texts ({@code de} or {@code en}), the default publisher, contact point, licence
 * and attribution text, the DCAT-AP.de contributor id of the system that delivers to GovData, and the
 * municipality key (Amtlicher Gemeindeschlüssel, Duisburg {@code 05112000}) for the political
 * geocoding. Immutable.
 */
public record CatalogueInfo(String title, String description, String language, Organisation publisher,
        ContactPoint contactPoint, Licence licence, String attribution, String contributorId,
        String municipalityKey) {

    /** The language of the metadata texts, for the README and the EU language vocabulary. */
    public java.util.Locale locale() {
        return java.util.Locale.forLanguageTag(language);
    }

    /** {@code dct:language}: the EU language vocabulary URI ({@code DEU}, {@code ENG}). */
    public String languageUri() {
        return "http://publications.europa.eu/resource/authority/language/" + (language.equals("de") ? "DEU" : "ENG");
    }

    /** {@code dcatde:politicalGeocodingURI} of the municipality. */
    public String politicalGeocodingUri() {
        return "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/" + municipalityKey;
    }

    /** {@code dcatde:politicalGeocodingLevelURI}: the data is the municipality's. */
    public String politicalGeocodingLevelUri() {
        return "http://dcat-ap.de/def/politicalGeocoding/Level/municipality";
    }
}
