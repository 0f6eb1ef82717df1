package org.tipx.anonymizer;

/**
 * Receives progress from a running search, on the searching thread; it must return quickly.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores every report. */
    ProgressListener NONE = (checked, total, best) -> { };

    /**
     * Reports how far the search has come.
     *
     * @param nodesChecked transformations checked so far
     * @param nodesTotal   the size of the lattice
     * @param bestScore    the best score found so far, or {@link Double#POSITIVE_INFINITY} before the first
     */
    void progress(long nodesChecked, long nodesTotal, double bestScore);
}
