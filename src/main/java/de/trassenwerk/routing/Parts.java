package de.trassenwerk.routing;

import java.util.Arrays;

/** Connected parts of a graph by union-find, numbered by size (0 = the largest). Stateless. */
final class Parts {
    private Parts() {
    }

    /** {part of each node, node count of each part}, parts ordered by size descending (ties by first node). */
    static int[][] of(int n, int[] edgeA, int[] edgeB) {
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int e = 0; e < edgeA.length; e++) {
            int a = find(parent, edgeA[e]);
            int b = find(parent, edgeB[e]);
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] rootSize = new int[n];
        for (int i = 0; i < n; i++) {
            rootSize[find(parent, i)]++;
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (rootSize[i] > 0) {
                count++;
            }
        }
        Integer[] roots = new Integer[count];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (rootSize[i] > 0) {
                roots[k++] = i;
            }
        }
        Arrays.sort(roots, (x, y) -> rootSize[x] != rootSize[y] ? Integer.compare(rootSize[y], rootSize[x])
                : Integer.compare(x, y));
        int[] number = new int[n];
        int[] sizes = new int[count];
        for (int i = 0; i < count; i++) {
            number[roots[i]] = i;
            sizes[i] = rootSize[roots[i]];
        }
        int[] part = new int[n];
        for (int i = 0; i < n; i++) {
            part[i] = number[find(parent, i)];
        }
        return new int[][] {part, sizes};
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
