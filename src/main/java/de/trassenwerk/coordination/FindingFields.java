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

    /** The finding's values under {@link #KEYS}. */
    public static Map<String, Object> of(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("finding_id", f.id());
        m.put("kind", f.kind().key());
        m.put("route_fid", f.routeFid());
        m.put("site_fid", f.siteFid());
        m.put("other_site_fid", f.otherSiteFid());
        m.put("site_ref", f.siteRef());
        m.put("other_site_ref", f.otherSiteRef());
        m.put("organisation", f.organisation());
        m.put("other_organisation", f.otherOrganisation());
        m.put("street_fid", f.streetFid());
        m.put("street_name", f.streetName());
        m.put("district", f.district());
        m.put("start_date", iso(f.startDate()));
        m.put("end_date", iso(f.endDate()));
        m.put("dig_date", iso(f.digDate()));
        m.put("renewed", iso(f.renewed()));
        m.put("moratorium_until", iso(f.moratoriumUntil()));
        m.put("before_moratorium_until", iso(f.beforeMoratoriumUntil()));
        m.put("gap_days", f.gapDays());
        m.put("length_m", f.roundedLengthM());
        m.put("saving_eur", f.savingEur());
        return m;
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
