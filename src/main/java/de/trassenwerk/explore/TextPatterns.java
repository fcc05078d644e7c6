package de.trassenwerk.explore;

import de.trassenwerk.store.AttributeFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Case-insensitive text matching through SQL {@code LIKE}. SQLite's LIKE ignores case for ASCII
 * letters only, so a text with umlauts is also asked for in lower case, upper case and with capital
 * initials ("\u00f6sterreich" finds "\u00d6sterreich"; not all in capitals), and a text with "ss" also with "\u00df"
 * ("strasse" finds "Stra\u00dfe"). {@link #fold} gives the form in which the caller compares the
 * rows that come back. {@code %} and {@code _} in a text act as LIKE wildcards. Stateless.
 */
public final class TextPatterns {
    private TextPatterns() {
    }

    /** The comparison form of a text: trimmed, single spaces, lower case, \u00df as ss. */
    public static String fold(String text) {
        StringBuilder b = new StringBuilder(text.length() + 2);
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                if (c == '\u00df') {
                    b.append("ss");
                } else {
                    b.append(Character.toLowerCase(c));
                }
            }
        }
        return b.toString();
    }

    /** Field contains the text, in any case. */
    public static AttributeFilter contains(String field, String text) {
        return like(field, text, "%", "%");
    }

    /** Field starts with the text, in any case. */
    public static AttributeFilter startsWith(String field, String text) {
        return like(field, text, "", "%");
    }

    private static AttributeFilter like(String field, String text, String before, String after) {
        List<AttributeFilter> parts = new ArrayList<>();
        for (String v : variants(text)) {
            parts.add(new AttributeFilter.Like(field, before + v + after));
        }
        return parts.size() == 1 ? parts.get(0) : new AttributeFilter.Or(parts);
    }

    /** The spellings to ask SQLite for; just the text itself when it is plain ASCII without "ss". */
    static Set<String> variants(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(t);
        String lower = t.toLowerCase(Locale.GERMAN);
        if (!t.chars().allMatch(c -> c < 128)) {
            spellings.add(lower);
            spellings.add(capitalised(lower));
        }
        if (lower.contains("ss")) {
            String sharp = lower.replace("ss", "\u00df");
            spellings.add(sharp);
            spellings.add(capitalised(sharp));
        }
        // LIKE ignores the case of ASCII letters: spellings that differ only there are one pattern
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String v : spellings) {
            distinct.putIfAbsent(asciiLower(v), v);
        }
        return new LinkedHashSet<>(distinct.values());
    }

    private static String asciiLower(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return b.toString();
    }

    private static String capitalised(String lower) {
        StringBuilder b = new StringBuilder(lower.length());
        boolean start = true;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            b.append(start ? Character.toUpperCase(c) : c);
            start = !Character.isLetterOrDigit(c);
        }
        return b.toString();
    }
}
