package de.trassenwerk.explore;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * One result of {@link FeatureSearch}: what was found ({@code kind}, a {@code title} to show), where
 * it lives ({@code layer} and the {@code fids} of its features: a street is all segments of that
 * name), the envelope of those features (to zoom to) and how well the text matched. Immutable.
 */
public record SearchHit(Kind kind, String title, String layer, List<Long> fids, Envelope envelope, Match match) {

    /** What a hit is, in the order hits of equal match quality are listed. */
    public enum Kind { DISTRICT, QUARTER, STREET, COMMERCIAL_SITE, CONSTRUCTION_SITE }

    /** How the text matched a name or number, best first. */
    public enum Match { EXACT, PREFIX, WORD_PREFIX, CONTAINS }

    public SearchHit {
        fids = List.copyOf(fids);
        envelope = envelope == null ? null : new Envelope(envelope);
    }

    @Override
    public Envelope envelope() {
        return envelope == null ? null : new Envelope(envelope);
    }
}
