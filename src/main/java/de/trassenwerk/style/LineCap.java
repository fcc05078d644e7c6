package de.trassenwerk.style;

/** How a stroked line ends ({@code stroke-linecap}). */
public enum LineCap { BUTT, ROUND, SQUARE }
