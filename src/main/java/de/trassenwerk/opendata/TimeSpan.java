package de.trassenwerk.opendata;

import java.time.LocalDate;

/** The period a dataset covers ({@code dct:temporal}), first and last day inclusive. Immutable. */
public record TimeSpan(LocalDate start, LocalDate end) {
}
