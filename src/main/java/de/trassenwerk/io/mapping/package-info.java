/**
 * Field mappings: how a feed's fields become a theme layer's fields (saved as JSON and reused),
 * value conversions, German dates, and footprints for line-shaped construction sites. Entry point:
 * {@link de.trassenwerk.io.mapping.FieldMapping}.
 */
package de.trassenwerk.io.mapping;
