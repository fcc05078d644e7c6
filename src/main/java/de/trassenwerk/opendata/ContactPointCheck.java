package de.trassenwerk.opendata;

import de.trassenwerk.store.FeatureStore;
import de.trassenwerk.store.FieldInfo;
import de.trassenwerk.store.LayerInfo;
import de.trassenwerk.store.Query;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes sure no dataset names a person as its contact point: the contact must be an organisation or
 * team mailbox, so the check fails when the contact's name or mailbox contains every part of a
 * name found in the GeoPackage's personal fields (e.g. "Heinz Schneider" and
 * {@code heinz.schneider@…}). Stateless; runs on the publishing thread.
 */
final class ContactPointCheck {

    private ContactPointCheck() {
    }

    static void check(FeatureStore store, PublicationPlan plan) {
        Set<List<String>> people = personalNames(store, plan.policy());
        for (PlannedDataset d : plan.datasets()) {
            ContactPoint c = d.info().contactPoint();
            Set<String> words = words(c.organisation() + " " + c.email().substring(0, c.email().indexOf('@')));
            for (List<String> person : people) {
                if (words.containsAll(person)) {
                    throw new PolicyException("opendata.policy.error.contactIsPerson", null, plan.policy().source(),
                            "dataset " + d.info().name() + ".contact_point", c.organisation() + " <" + c.email() + ">");
                }
            }
        }
    }

    /** The names in every personal field of every layer, each as its words of two letters or more. */
    private static Set<List<String>> personalNames(FeatureStore store, PublicationPolicy policy) {
        Set<List<String>> out = new HashSet<>();
        for (LayerInfo l : store.layers()) {
            for (FieldInfo f : l.schema().fields()) {
                if (!policy.isPersonal(f.name())) {
                    continue;
                }
                store.read(l.name(), Query.ALL.withFields(List.of(f.name()), false), feature -> {
                    String v = feature.getString(f.name());
                    if (v != null) {
                        List<String> name = words(v).stream().sorted().toList();
                        if (name.size() >= 2) {
                            out.add(name);
                        }
                    }
                });
            }
        }
        return out;
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() >= 2) {
                out.add(w);
            }
        }
        return out;
    }
}
