package de.trassenwerk.style;

/** How the segments of a stroked line meet ({@code stroke-linejoin}). */
public enum LineJoin { MITRE, ROUND, BEVEL }
