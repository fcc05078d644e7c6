package de.trassenwerk.app;

import de.trassenwerk.ui.MapViewBenchmark;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;

/**
 * {@code bench-window [FILE]}: starts the JavaFX toolkit without an application, runs
 * {@link MapViewBenchmark} on FILE (default: the sample city) and exits. Needs a display: run it
 * under Xvfb ({@code xvfb-run -a java -Dprism.order=sw -jar trassenwerk.jar bench-window}). Kept
 * apart from {@link Launcher} so that the CLI never loads JavaFX.
 */
final class BenchWindowStarter {
    private BenchWindowStarter() {
    }

    static int start(String[] args) {
        Path file = args.length > 1 ? Path.of(args[1]) : WorkbenchApp.SAMPLE_FILE;
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        if (!Files.isRegularFile(file)) {
            System.err.println(de.trassenwerk.i18n.Messages.get("cli.benchWindow.noFile", file));
            return 2;
        }
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        try {
            MapViewBenchmark.run(file, out);
            return 0;
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        } finally {
            Platform.exit();
        }
    }
}
