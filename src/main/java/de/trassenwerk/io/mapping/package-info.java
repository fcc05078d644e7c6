/**
 * Field mappings: how a feed's fields become a theme layer's fields (saved as JSON and reused),
 * value conversions, German dates, and footprints for line-shaped construction sites. Entry point:
 * {@link de.trassenwerk.io.mapping.FieldMapping}; {@link de.trassenwerk.io.mapping.MappingCheck}
 * lists what keeps a mapping from fitting a source and a target layer before an import starts, and
 * {@link de.trassenwerk.io.mapping.RuleEdits} are the edits a mapping editor makes to its rules.
 */
package de.trassenwerk.io.mapping;
