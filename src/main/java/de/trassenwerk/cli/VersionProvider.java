package de.trassenwerk.cli;

import picocli.CommandLine;

/** The version from the jar's manifest (the POM's version), or "development" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = TrassenwerkCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Trassenwerk " + (v == null ? "development" : v)};
    }
}
