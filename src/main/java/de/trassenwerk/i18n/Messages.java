package de.trassenwerk.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user's language: looks up message keys in {@code messages*.properties}. German is used when
 * the default locale is German, English otherwise. Thread-safe; the locale may be changed at any
 * time (for instance from the settings) and takes effect for the next lookup.
 */
public final class Messages {
    private static final String BUNDLE = "de.trassenwerk.i18n.messages";
    private static volatile Locale locale = defaultLocale();

    private Messages() {
    }

    /** German on a German system, English everywhere else. */
    public static Locale defaultLocale() {
        return Locale.getDefault().getLanguage().equals("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    public static Locale locale() {
        return locale;
    }

    public static void setLocale(Locale newLocale) {
        locale = newLocale.getLanguage().equals("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    public static ResourceBundle bundle() {
        return bundle(locale);
    }

    private static ResourceBundle bundle(Locale in) {
        return ResourceBundle.getBundle(BUNDLE, in, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The message for {@code key} in the current language, with {@code args} filled in. */
    public static String get(String key, Object... args) {
        return format(locale, key, args);
    }

    /** The message for {@code key} in the given language; the key itself when it is unknown. */
    public static String format(Locale in, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(in).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, in).format(args);
    }
}
