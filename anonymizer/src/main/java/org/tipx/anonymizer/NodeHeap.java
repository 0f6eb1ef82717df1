package org.tipx.anonymizer;

import java.util.Arrays;

/**
 * A binary min-heap of lattice nodes keyed by their lower bound, in parallel primitive arrays: a search over
 * millions of nodes allocates no object per node. Ties are broken by the node id, so the search order (and
 * the transformation chosen among equal scores) is deterministic.
 */
final class NodeHeap {
    private double[] bounds = new double[256];
    private long[] nodes = new long[256];
    private byte[] lastDims = new byte[256];
    private int size;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void push(long node, double bound, int lastDim) {
        if (size == nodes.length) {
            int capacity = size * 2;
            bounds = Arrays.copyOf(bounds, capacity);
            nodes = Arrays.copyOf(nodes, capacity);
            lastDims = Arrays.copyOf(lastDims, capacity);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(bound, node, bounds[parent], nodes[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        bounds[i] = bound;
        nodes[i] = node;
        lastDims[i] = (byte) lastDim;
    }

    double peekBound() {
        return bounds[0];
    }

    long peekNode() {
        return nodes[0];
    }

    int peekLastDim() {
        return lastDims[0];
    }

    void pop() {
        size--;
        if (size == 0) {
            return;
        }
        double bound = bounds[size];
        long node = nodes[size];
        byte lastDim = lastDims[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(bounds[child + 1], nodes[child + 1], bounds[child], nodes[child])) {
                child++;
            }
            if (!less(bounds[child], nodes[child], bound, node)) {
                break;
            }
            move(child, i);
            i = child;
        }
        bounds[i] = bound;
        nodes[i] = node;
        lastDims[i] = lastDim;
    }

    private void move(int from, int to) {
        bounds[to] = bounds[from];
        nodes[to] = nodes[from];
        lastDims[to] = lastDims[from];
    }

    private static boolean less(double boundA, long nodeA, double boundB, long nodeB) {
        return boundA < boundB || (boundA == boundB && nodeA < nodeB);
    }
}
