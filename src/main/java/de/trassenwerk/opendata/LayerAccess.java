package de.trassenwerk.opendata;

import java.util.Locale;

/**
 * How far a layer may leave the office: {@code public} layers are published (their listed fields
 * only), {@code internal} ones stay in the office, {@code restricted} ones stay there too and may at
 * most feed an aggregate (such as "quarters with free ducts: yes/no").
 */
public enum LayerAccess {
    PUBLIC, INTERNAL, RESTRICTED;

    /** The word used in the policy file. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
