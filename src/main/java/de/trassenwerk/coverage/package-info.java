/**
 * Coverage gaps of commercial land: for every commercial site (SISDU) the broadband coverage cells it
 * overlaps, its best download speed, its area-weighted gigabit share, the district and quarter holding
 * the largest part of it, and whether it is under-served; a summary per district. Entry point:
 * {@link de.trassenwerk.coverage.CoverageGaps#analyse}; parameters in
 * {@link de.trassenwerk.coverage.GapParameters}; CSV and JSON forms in {@link de.trassenwerk.coverage.GapsCsv}
 * and {@link de.trassenwerk.coverage.GapsJson}. The route planner's "plan all gaps" starts from the
 * under-served sites of a run. Depends on {@code store}, {@code crs}, {@code i18n}, JTS, Jackson and the
 * generic {@link de.trassenwerk.coordination.AnalysisMonitor}; never on JavaFX or the CLI.
 */
package de.trassenwerk.coverage;
