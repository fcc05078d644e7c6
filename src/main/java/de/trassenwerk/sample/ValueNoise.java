package de.trassenwerk.sample;

/**
 * Smooth, deterministic 2D noise in [0, 1]: random values on a square lattice, blended with a
 * smoothstep. Gives spatially coherent patterns (coverage areas, density) instead of salt and pepper.
 */
final class ValueNoise {
    private final long seed;
    private final double cell;

    ValueNoise(long seed, double cellSize) {
        this.seed = seed;
        this.cell = cellSize;
    }

    double at(double x, double y) {
        double gx = x / cell;
        double gy = y / cell;
        long ix = (long) Math.floor(gx);
        long iy = (long) Math.floor(gy);
        double fx = smooth(gx - ix);
        double fy = smooth(gy - iy);
        double a = lattice(ix, iy);
        double b = lattice(ix + 1, iy);
        double c = lattice(ix, iy + 1);
        double d = lattice(ix + 1, iy + 1);
        return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    double lattice(long ix, long iy) {
        long h = seed ^ (ix * 0x9E3779B97F4A7C15L) ^ (iy * 0xC2B2AE3D27D4EB4FL);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (h >>> 11) * 0x1.0p-53;
    }
}
