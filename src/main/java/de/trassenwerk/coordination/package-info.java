/**
 * Trenching coordination: which planned fibre routes can lay their ducts in someone else's open
 * trench ({@code co_laying}), which routes and works would dig a street under its digging moratorium
 * ({@code moratorium_clash}), and which pairs of works dig the same street within months of each other
 * ({@code double_dig}). Entry point: {@link de.trassenwerk.coordination.CoordinationAnalysis#run};
 * parameters in {@link de.trassenwerk.coordination.CoordinationParameters}, prices in
 * {@link de.trassenwerk.coordination.CostModel} (shared with the route planner), persistence of the
 * findings and of what users record on them in {@link de.trassenwerk.coordination.FindingsLayer}. The
 * route planner prices streets by the same rules through {@link de.trassenwerk.coordination.DigConditions}.
 * Depends on {@code store}, {@code i18n}, JTS and Jackson; never on JavaFX or the CLI.
 */
package de.trassenwerk.coordination;
