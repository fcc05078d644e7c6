package de.trassenwerk.coordination;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * "Who to call": the findings grouped by the organisation doing the work. A co-laying chance or a
 * work's moratorium clash is listed under the work's organisation, a double dig under both. Only
 * organisations are named, never persons (the analysis does not even read {@code contact_person}).
 * Findings without an organisation (a route's own moratorium clash) are not listed. Immutable.
 */
public record ContactList(List<Organisation> organisations) {

    public ContactList {
        organisations = List.copyOf(organisations);
    }

    /** One organisation and its findings (ordered by start date, then id), with their total saving. */
    public record Organisation(String name, List<Finding> findings) {
        public Organisation {
            findings = List.copyOf(findings);
        }

        /** The sum of the co-laying savings listed under this organisation, in euros. */
        public long savingEur() {
            return findings.stream().mapToLong(f -> f.savingEur() == null ? 0 : f.savingEur()).sum();
        }
    }

    /** Groups the findings; organisations in alphabetical order (German collation). */
    public static ContactList of(List<Finding> findings) {
        Map<String, List<Finding>> byOrg = new TreeMap<>(Collator.getInstance(Locale.GERMAN));
        for (Finding f : findings) {
            add(byOrg, f.organisation(), f);
            if (f.otherOrganisation() != null && !f.otherOrganisation().equals(f.organisation())) {
                add(byOrg, f.otherOrganisation(), f);
            }
        }
        List<Organisation> out = new ArrayList<>();
        Comparator<Finding> order = Comparator.comparing(Finding::startDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Finding::id);
        for (Map.Entry<String, List<Finding>> e : byOrg.entrySet()) {
            List<Finding> list = new ArrayList<>(e.getValue());
            list.sort(order);
            out.add(new Organisation(e.getKey(), list));
        }
        return new ContactList(out);
    }

    private static void add(Map<String, List<Finding>> byOrg, String organisation, Finding f) {
        if (organisation != null && !organisation.isBlank()) {
            byOrg.computeIfAbsent(organisation.trim(), k -> new ArrayList<>()).add(f);
        }
    }
}
