package de.trassenwerk.coordination;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one coordination run found, with the parameters and prices it used and the spatial
 * reference of the findings' sections. Findings are ordered by kind, then route, site, other site
 * and street fid. Immutable.
 */
public record CoordinationResult(CoordinationParameters parameters, CostModel costs, List<Finding> findings,
        int srsId) {

    public CoordinationResult {
        findings = List.copyOf(findings);
    }

    /** Count, length and saving of the findings of one kind. */
    public record Totals(int count, double lengthM, Long savingEur) {
    }

    /**
     * Totals per kind, every kind present: lengths are the sum of the reported (one-decimal) lengths,
     * savings the sum of the reported whole-euro savings (null for kinds without a saving).
     */
    public Map<FindingKind, Totals> summary() {
        return summary(findings);
    }

    /** Totals per kind of any list of findings (for instance a filtered table). */
    public static Map<FindingKind, Totals> summary(List<Finding> findings) {
        int kinds = FindingKind.values().length;
        int[] count = new int[kinds];
        long[] dm = new long[kinds];
        long[] saving = new long[kinds];
        for (Finding f : findings) {
            int k = f.kind().ordinal();
            count[k]++;
            dm[k] += f.lengthDm();
            saving[k] += f.savingEur() == null ? 0 : f.savingEur();
        }
        Map<FindingKind, Totals> out = new EnumMap<>(FindingKind.class);
        for (FindingKind k : FindingKind.values()) {
            int i = k.ordinal();
            out.put(k, new Totals(count[i], dm[i] / 10.0, k == FindingKind.CO_LAYING ? saving[i] : null));
        }
        return out;
    }
}
