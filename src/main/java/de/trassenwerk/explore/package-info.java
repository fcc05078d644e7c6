/**
 * Finding and looking at features: {@link de.trassenwerk.explore.Identify} (the features under a map
 * point), {@link de.trassenwerk.explore.FeatureSearch} (streets, quarters, districts, commercial
 * sites and construction sites by name or number), and {@link de.trassenwerk.explore.TableQuery}
 * with {@link de.trassenwerk.explore.ColumnFilters} (a layer as a sorted, filtered table read in
 * pages). Everything is pushed down to the store as SQL; nothing here keeps a whole layer in memory.
 * Depends on {@code store} and JTS only, never on JavaFX: the workbench's table, identify panel and
 * search box and the CLI's {@code identify} and {@code find} share these classes.
 */
package de.trassenwerk.explore;
