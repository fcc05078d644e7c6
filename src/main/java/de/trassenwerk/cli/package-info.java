/**
 * The command line: one picocli command per capability, so that everything the workbench does runs
 * headless, in scripts and in CI. Commands only parse arguments, call the capability packages and
 * print; they never load JavaFX. Entry point: {@link de.trassenwerk.cli.TrassenwerkCommand#execute}.
 * Exit codes: {@link de.trassenwerk.cli.ExitCodes}.
 */
package de.trassenwerk.cli;
