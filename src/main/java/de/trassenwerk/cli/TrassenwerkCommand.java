package de.trassenwerk.cli;

import de.trassenwerk.i18n.Messages;
import de.trassenwerk.i18n.UserFacingException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root of the command line: {@code trassenwerk <command> ...}. Every capability of the
 * workbench is reachable here without a screen. Failures print one line naming what was wrong
 * (with the stack trace only under {@code --verbose}) and exit with {@link ExitCodes#UNUSABLE}.
 */
@Command(name = "trassenwerk", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Trassenwerk: a GIS workbench for Duisburg's road works, fibre roll-out and open data. "
                + "Without a command it opens the workbench window.",
        subcommands = {BenchCommand.class, InfoCommand.class, RenderCommand.class, SampleCommand.class, ValidateCommand.class,
            IdentifyCommand.class, FindCommand.class, CoordinateCommand.class, CoordinateBenchCommand.class, RouteCommand.class,
            PublishCommand.class, ImportCommand.class,
            GapsCommand.class,
            CommandLine.HelpCommand.class})
public final class TrassenwerkCommand implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of failures.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        TrassenwerkCommand root = new TrassenwerkCommand();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> ExitCodes.UNUSABLE);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println(Messages.get("cli.error.usage", ex.getMessage()));
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return ExitCodes.UNUSABLE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (root.verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            if (ex instanceof UserFacingException u) {
                commandLine.getErr().println(u.localizedMessage());
            } else {
                commandLine.getErr().println(Messages.get("cli.error.unexpected", String.valueOf(ex)));
            }
            return ExitCodes.UNUSABLE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
