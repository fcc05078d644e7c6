package de.trassenwerk.io.http;

/**
 * How to authenticate at a service: nothing, HTTP basic authentication (user and password), or an
 * ArcGIS token sent as the {@code token} parameter. Immutable; {@link #toString()} never shows the
 * secret.
 */
public record Credentials(String user, char[] password, String token) {
    public static final Credentials NONE = new Credentials(null, null, null);

    public static Credentials basic(String user, char[] password) {
        return new Credentials(user, password == null ? new char[0] : password.clone(), null);
    }

    public static Credentials token(String token) {
        return new Credentials(null, null, token);
    }

    public boolean isBasic() {
        return user != null;
    }

    @Override
    public String toString() {
        return isBasic() ? "basic(" + user + ")" : token != null ? "token(...)" : "none";
    }
}
