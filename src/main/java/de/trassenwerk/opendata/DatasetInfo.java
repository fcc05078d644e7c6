package de.trassenwerk.opendata;

import java.util.List;

/**
 * The metadata of one published dataset, complete (what the policy leaves out is taken from its
 * catalogue section): the portal name (CKAN rule: 2–100 lower-case letters, digits, {@code -} and
 * {@code _}), title, description, keywords, EU data themes, licence, publisher, contact point (a team
 * mailbox), the attribution text the licence asks for, and how often it is updated. Immutable.
 */
public record DatasetInfo(String name, String title, String description, List<String> keywords,
        List<DataTheme> themes, Licence licence, Organisation publisher, ContactPoint contactPoint,
        String attribution, UpdateFrequency updateFrequency) {

    public DatasetInfo {
        keywords = List.copyOf(keywords);
        themes = List.copyOf(themes);
    }

    /** A copy with other texts, keywords and licence, as edited in the publish wizard. */
    public DatasetInfo edited(String newTitle, String newDescription, List<String> newKeywords, Licence newLicence) {
        return new DatasetInfo(name, newTitle, newDescription, newKeywords, themes, newLicence, publisher, contactPoint,
                attribution, updateFrequency);
    }
}
