package de.trassenwerk.coordination;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finding as the flat record that JSON, CSV and the findings layer share. Every finding has every
 * key, in the same order ({@link #KEYS}); keys that do not apply to its kind are null. Values are
 * Long, Double (metres with one decimal), String (dates ISO-8601) or null. Stateless.
 */
public final class FindingFields {
    /** The keys of a finding, in output order: the CSV columns, the members of a JSON finding. */
    public static final List<String> KEYS = List.of("finding_id", "kind", "route_fid", "site_fid", "other_site_fid",
            "site_ref", "other_site_ref", "organisation", "other_organisation", "street_fid", "street_name", "district",
            "start_date", "end_date", "dig_date", "renewed", "moratorium_until", "before_moratorium_until", "gap_days",
            "length_m", "saving_eur");

    private FindingFields() {
    }

    /**
     * The finding's values in the order of {@link #KEYS}: Long, Double (metres, one decimal), String,
     * LocalDate or null.
     */
    public static Object[] values(Finding f) {
        return new Object[] {f.id(), f.kind().key(), f.routeFid(), f.siteFid(), f.otherSiteFid(), f.siteRef(),
            f.otherSiteRef(), f.organisation(), f.otherOrganisation(), f.streetFid(), f.streetName(), f.district(),
            f.startDate(), f.endDate(), f.digDate(), f.renewed(), f.moratoriumUntil(), f.beforeMoratoriumUntil(),
            f.gapDays(), f.roundedLengthM(), f.savingEur()};
    }

    /** The finding's values under {@link #KEYS}, dates as ISO-8601 text. */
    public static Map<String, Object> of(Finding f) {
        Object[] v = values(f);
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.size(); i++) {
            m.put(KEYS.get(i), v[i] instanceof LocalDate d ? iso(d) : v[i]);
        }
        return m;
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
