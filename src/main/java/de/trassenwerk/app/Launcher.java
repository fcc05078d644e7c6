package de.trassenwerk.app;

import de.trassenwerk.cli.TrassenwerkCommand;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * The program's entry point. With no arguments it opens the workbench window; with a command it
 * runs that command headless, without starting the JavaFX toolkit, and exits with its code.
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
        if (args.length == 0) {
            WorkbenchStarter.start(args);
            return;
        }
        Charset cs = System.console() != null ? System.console().charset() : Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, cs), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, cs), true);
        System.exit(TrassenwerkCommand.execute(args, out, err));
    }
}
