package de.trassenwerk.app;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Quick compilation for short batch commands. A command such as {@code coordinate} is a batch job of
 * seconds in a fresh JVM: HotSpot's optimizing compiler (C2) spends about a third of the process's CPU
 * time on code that then runs only for a moment, while the quick compiler (C1) alone makes the whole
 * run take about two thirds of the CPU time (measured in docs/coordination.md). A jar cannot carry
 * JVM options, so the launcher asks HotSpot at start, through its standard compiler-control command
 * ({@code Compiler.directives_add}, the one {@code jcmd PID Compiler.directives_add FILE} sends; JEP
 * 165), to leave all methods to C1 — the effect of {@code -XX:TieredStopAtLevel=1}, except that a
 * method first runs in C1's profiling tier until its C2 compilation is turned down. The launcher does
 * this only for commands measured to gain; the workbench window and longer jobs (imports of millions
 * of features) keep both compilers, where C2 pays off.
 *
 * <p>Nothing is changed when the user chose the JVM's compilation themselves ({@code -XX:TieredStopAtLevel},
 * {@code -XX:-TieredCompilation}, {@code -Xint}, {@code -Xcomp}), when {@code -D}{@value #PROPERTY}{@code =full}
 * asks for both compilers, or on a JVM without these management interfaces.
 *
 * <p>Thread rules: {@link #applySoon} is called once, on the main thread, before the command runs;
 * the work (about 0.15 s, mostly starting the JVM's management interfaces) then runs on a daemon
 * thread of its own beside the command's start-up. Methods become hot enough for C2 only later.
 */
final class BatchCompilation {
    /** System property: {@code full} keeps both compilers for headless commands. */
    static final String PROPERTY = "trassenwerk.compilation";
    /** The compiler directive: no method is compiled by C2. */
    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private BatchCompilation() {
    }

    /** Starts {@link #apply} on a daemon thread and returns at once. */
    static void applySoon() {
        Thread t = new Thread(BatchCompilation::apply, "batch-compilation");
        t.setDaemon(true);
        t.start();
    }

    /** Turns C2 off for this JVM unless the user or the JVM says otherwise; returns whether it did. */
    static boolean apply() {
        if ("full".equalsIgnoreCase(System.getProperty(PROPERTY, ""))
                || !System.getProperty("java.vm.info", "").contains("mixed mode")) {
            return false; // asked to keep C2, or -Xint / -Xcomp
        }
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (hotSpot == null || !isDefaultTiered(hotSpot.getVMOption("TieredCompilation"),
                    hotSpot.getVMOption("TieredStopAtLevel"))) {
                return false;
            }
            return addDirective(DIRECTIVE).contains("1 compiler directives added");
        } catch (RuntimeException | IOException | JMException e) {
            return false; // another JVM, or a restricted one: compile as it likes
        }
    }

    /** Whether the JVM compiles in tiers up to C2 by default, with nothing chosen by the user. */
    static boolean isDefaultTiered(VMOption tiered, VMOption stopAtLevel) {
        return "true".equals(tiered.getValue()) && tiered.getOrigin() == VMOption.Origin.DEFAULT
                && "4".equals(stopAtLevel.getValue()) && stopAtLevel.getOrigin() == VMOption.Origin.DEFAULT;
    }

    /** Adds compiler directives (JSON) to this JVM; returns HotSpot's answer. */
    static String addDirective(String directive) throws IOException, JMException {
        Path file = Files.createTempFile("trassenwerk-compilation-", ".json");
        try {
            Files.writeString(file, directive, StandardCharsets.UTF_8);
            return diagnosticCommand("compilerDirectivesAdd", file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Runs a HotSpot diagnostic command (as jcmd names it, in camel case) with arguments. */
    static String diagnosticCommand(String operation, String... arguments) throws JMException {
        Object answer = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()});
        return String.valueOf(answer);
    }
}
