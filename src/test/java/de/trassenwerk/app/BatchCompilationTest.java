package de.trassenwerk.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.VMOption;
import com.sun.management.VMOption.Origin;
import org.junit.jupiter.api.Test;

/** Quick compilation for headless commands: when it applies, and that HotSpot takes the directive. */
class BatchCompilationTest {

    private static VMOption option(String name, String value, Origin origin) {
        return new VMOption(name, value, true, origin);
    }

    @Test
    void onlyTheJvmsOwnTieredCompilationIsChanged() {
        VMOption tiered = option("TieredCompilation", "true", Origin.DEFAULT);
        VMOption level4 = option("TieredStopAtLevel", "4", Origin.DEFAULT);
        assertTrue(BatchCompilation.isDefaultTiered(tiered, level4));
        assertFalse(BatchCompilation.isDefaultTiered(tiered, option("TieredStopAtLevel", "1", Origin.VM_CREATION)),
                "-XX:TieredStopAtLevel=1 chosen by the user");
        assertFalse(BatchCompilation.isDefaultTiered(tiered, option("TieredStopAtLevel", "4", Origin.ENVIRON_VAR)),
                "set in JAVA_TOOL_OPTIONS, even to the default");
        assertFalse(BatchCompilation.isDefaultTiered(option("TieredCompilation", "false", Origin.VM_CREATION), level4),
                "-XX:-TieredCompilation: C2 alone, which must not be turned off");
    }

    @Test
    void hotSpotTakesADirectiveOfThisShape() throws Exception {
        // the same directive, for a method that does not exist, so that this JVM keeps compiling as before
        String harmless = BatchCompilation.DIRECTIVE.replace("*.*", "de/trassenwerk/app/NoSuchClass.noSuchMethod");
        assertTrue(BatchCompilation.addDirective(harmless).contains("1 compiler directives added"));
        String listed = BatchCompilation.diagnosticCommand("compilerDirectivesPrint");
        BatchCompilation.diagnosticCommand("compilerDirectivesRemove");
        assertTrue(listed.contains("NoSuchClass"), listed);
    }
}
