package de.trassenwerk.app;

import de.trassenwerk.cli.TrassenwerkCommand;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The program's entry point. With no arguments (or just a GeoPackage or project file) it opens the
 * workbench window; {@code bench-window [FILE]} measures frame times in the real window
 * ({@link BenchWindowStarter}); with a command it runs that command headless, without starting the JavaFX toolkit
 * (short batch commands with quick compilation, {@link BatchCompilation}), and exits with its code.
 * (A main class that extends {@code Application} cannot start from a plain class path, hence this
 * separate launcher.)
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // Java2D draws maps into images only; it never opens windows of its own.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        if (args.length == 0 || opensFile(args)) {
            WorkbenchStarter.start(args);
            return;
        }
        if (args[0].equals("bench-window")) {
            System.exit(BenchWindowStarter.start(args));
        }
        if (QUICK_COMPILATION.contains(command(args))) {
            BatchCompilation.applySoon();
        }
        Charset cs = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        System.exit(TrassenwerkCommand.execute(args, out, err));
    }

    /**
     * Commands that run as batch jobs of seconds, measured to take less time with the quick compiler
     * alone ({@link BatchCompilation}; docs/coordination.md). Others keep both compilers: an import of a
     * million polygons, for one, ran 25 s with both and 34 s with the quick one.
     */
    private static final java.util.Set<String> QUICK_COMPILATION = java.util.Set.of("coordinate");

    /** The command named on the command line (its first word that is not an option), or "". */
    private static String command(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
        }
        return "";
    }

    /**
     * {@code trassenwerk city.gpkg} or {@code trassenwerk plan.twproj}: one existing GeoPackage or
     * project file opens in the window (that is how the desktop's file associations call us).
     */
    private static boolean opensFile(String[] args) {
        String name = args.length == 1 ? args[0].toLowerCase(java.util.Locale.ROOT) : "";
        return (name.endsWith(".gpkg") || name.endsWith(de.trassenwerk.project.ProjectFiles.EXTENSION))
                && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(args[0]));
    }
}
