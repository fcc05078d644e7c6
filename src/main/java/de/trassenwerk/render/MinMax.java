package de.trassenwerk.render;

/**
 * Smaller and larger of two floats or doubles by one comparison, for the per-pixel and per-vertex
 * loops of the renderer. {@link Math#min(float, float)} and its kin also order -0 before +0 and pass
 * NaN on; Java 17 compiles them to several branches (they are no intrinsics there), which made a
 * line's edge pixels cost half as much again. Not for values that may be NaN.
 */
final class MinMax {
    private MinMax() {
    }

    static float min(float a, float b) {
        return a <= b ? a : b;
    }

    static float max(float a, float b) {
        return a >= b ? a : b;
    }

    static double min(double a, double b) {
        return a <= b ? a : b;
    }

    static double max(double a, double b) {
        return a >= b ? a : b;
    }
}
