package de.trassenwerk.cli;

/** The exit codes every command uses. */
public final class ExitCodes {
    /** Done, nothing wrong. */
    public static final int OK = 0;
    /** Done, and problems were found (for instance by {@code validate}). */
    public static final int PROBLEMS = 1;
    /** The input could not be read at all, or the command was misused. */
    public static final int UNUSABLE = 2;

    private ExitCodes() {
    }
}
