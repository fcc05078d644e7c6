package de.trassenwerk.render;

import de.trassenwerk.style.LabelFont;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Java2D fonts for label fonts: the first family of the list that is installed (the CSS generic
 * names {@code sans-serif}, {@code serif} and {@code monospace} map to Java's logical fonts), else
 * Java's sans-serif. The installed families are looked up once. Thread-safe.
 */
final class LabelFonts {
    private static volatile Set<String> installed;

    private LabelFonts() {
    }

    /** The font for {@code f} at {@code pixels} size. */
    static Font of(LabelFont f, double pixels) {
        int style = (f.bold() ? Font.BOLD : 0) | (f.italic() ? Font.ITALIC : 0);
        return new Font(family(f), style, 1).deriveFont((float) pixels);
    }

    private static String family(LabelFont f) {
        for (String name : f.families()) {
            String n = name.trim();
            switch (n.toLowerCase(Locale.ROOT)) {
                case "sans-serif", "sansserif", "sans" -> {
                    return Font.SANS_SERIF;
                }
                case "serif" -> {
                    return Font.SERIF;
                }
                case "monospace", "monospaced" -> {
                    return Font.MONOSPACED;
                }
                default -> {
                    if (installed().contains(n.toLowerCase(Locale.ROOT))) {
                        return n;
                    }
                }
            }
        }
        return Font.SANS_SERIF;
    }

    private static Set<String> installed() {
        Set<String> s = installed;
        if (s == null) {
            Set<String> names = new TreeSet<>();
            for (String n : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
                names.add(n.toLowerCase(Locale.ROOT));
            }
            s = Set.copyOf(names);
            installed = s;
        }
        return s;
    }
}
