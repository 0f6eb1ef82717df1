package org.tipx.anonymizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Globally optimal full-domain generalisation: a best-first search over the lattice of transformations (one
 * level per quasi-identifier), ordered by a lower bound of the metric, with anonymity pruning in the manner of
 * Flash (Kohlmayer, Prasser, Eckert, Kemper and Kuhn, "Flash: efficient, stable and optimal k-anonymity",
 * PASSAT 2012), the algorithm of ARX.
 *
 * <p><b>Why the result is optimal.</b> Each node n gets a lower bound lb(n) of the score of every node that
 * generalises it:
 * <ul>
 *   <li>Loss: the Loss of n without suppression, which depends only on the levels (per quasi-identifier the
 *   sum of covered-leaf shares is precomputed from the value frequencies). Generalising only merges labels, so
 *   shares never shrink and the bound is monotone along the lattice; a suppressed record contributes 1, the
 *   largest share, so suppression can only raise the score above the bound.</li>
 *   <li>Discernibility: Σ|E|² over all classes (nothing suppressed), inherited from the parent node once it has
 *   been grouped (merging classes only raises Σ|E|², and a suppressed record costs n ≥ |E|), and n²/(the
 *   largest possible number of classes) before that.</li>
 * </ul>
 * Nodes are generated once each along a spanning tree of the lattice (a node's children raise one level at or
 * after the dimension last raised) and popped in ascending bound order. When the smallest bound left is at
 * least the best score found, no node left can beat it: the optimum is proven. Children whose bound is already
 * no better than the best are never queued.
 *
 * <p><b>Anonymity pruning.</b> k-anonymity and distinct l-diversity with a suppression limit are monotone:
 * generalising merges classes, so a record in a class that passes stays in one that passes, and the number of
 * suppressed records never grows. (So is entropy l-diversity when nothing may be suppressed, but not with
 * suppression: a passing class merged with a failing one can fail; pruning is then switched off.) When a node
 * fails, the search climbs a chain of generalisations of it whose bounds are still below the best score and
 * finds the highest failing node by bisection: every specialisation of it fails too, so those nodes are never
 * grouped. Passing nodes met on the way become candidates.
 *
 * <p>Budgets: with a node or time budget the search stops when it is spent and reports its best transformation
 * as not proven optimal. Not thread-safe; one search per instance.
 */
final class LatticeSearch {
    private static final int CACHE_ENTRIES = 512;
    /** Cached tables hold at most this many ints (64 MB): roll-up sources for later nodes. */
    private static final long CACHE_INTS = 16L << 20;
    private static final int PROGRESS_EVERY = 256;

    private final Encoded encoded;
    private final Criteria criteria;
    private final QualityMetric metric;
    private final long maxSuppressed;
    private final long nodeBudget;
    private final long deadline;
    private final ProgressListener progress;
    private final int qis;
    private final int[] heights;
    private final long[] strides;
    final long latticeSize;
    private final boolean monotone;

    private final Deque<ClassTable> cache = new ArrayDeque<>();
    private final List<int[]> failingWitnesses = new ArrayList<>();
    private final List<int[]> cleanWitnesses = new ArrayList<>();
    /** Passing nodes already grouped, with the bound their children inherit. */
    private final Map<Long, Double> passing = new HashMap<>();

    static final boolean DEBUG = Boolean.getBoolean("anon.debug");
    long groupings;
    long rowsGrouped;
    private long cachedInts;
    private long nodesChecked;
    private double bestScore = Double.POSITIVE_INFINITY;
    private int[] bestLevels;
    private boolean budgetSpent;

    LatticeSearch(Encoded encoded, Criteria criteria, QualityMetric metric, long maxSuppressed, long nodeBudget,
                  long deadlineNanos, ProgressListener progress) {
        this.encoded = encoded;
        this.criteria = criteria;
        this.metric = metric;
        this.maxSuppressed = maxSuppressed;
        this.nodeBudget = nodeBudget;
        this.deadline = deadlineNanos;
        this.progress = progress;
        this.qis = encoded.qis;
        this.heights = new int[qis];
        this.strides = new long[qis];
        long size = 1;
        for (int i = 0; i < qis; i++) {
            heights[i] = encoded.height(i);
            strides[i] = size;
            if (size > (1L << 62) / heights[i]) {
                throw new AnonymizationException("the lattice of transformations is too large to index: more than "
                        + "2^62 nodes for " + qis + " quasi-identifiers");
            }
            size *= heights[i];
        }
        this.latticeSize = size;
        this.monotone = criteria.monotoneWithSuppression() || maxSuppressed == 0;
    }

    /** The outcome: the best transformation, whether it is proven optimal, and the work done. */
    record Outcome(int[] levels, Evaluation evaluation, long nodesChecked, boolean optimal) {
    }

    Outcome run() {
        int[] top = new int[qis];
        for (int i = 0; i < qis; i++) {
            top[i] = heights[i] - 1;
        }
        Evaluation topEvaluation = check(top);
        if (!topEvaluation.acceptable() && monotone) {
            throw new AnonymizationException("no transformation satisfies the privacy models: even with every "
                    + "quasi-identifier fully generalised, " + topEvaluation.suppressed()
                    + " records would need suppression and the limit allows " + maxSuppressed);
        }
        NodeHeap heap = new NodeHeap();
        int[] bottom = new int[qis];
        heap.push(0L, staticBound(bottom), 0);
        int[] levels = new int[qis];
        while (!heap.isEmpty()) {
            if (heap.peekBound() >= bestScore) {
                break;
            }
            if (budgetExhausted()) {
                budgetSpent = true;
                break;
            }
            long node = heap.peekNode();
            double bound = heap.peekBound();
            int lastDim = heap.peekLastDim();
            heap.pop();
            decode(node, levels);
            double childBound = resolve(node, levels, bound);
            for (int dim = lastDim; dim < qis; dim++) {
                if (levels[dim] + 1 < heights[dim]) {
                    levels[dim]++;
                    double bound2 = Math.max(childBound, staticBound(levels));
                    if (bound2 < bestScore) {
                        heap.push(node + strides[dim], bound2, dim);
                    }
                    levels[dim]--;
                }
            }
            if (nodesChecked % PROGRESS_EVERY == 0) {
                progress.progress(nodesChecked, latticeSize, bestScore);
            }
        }
        progress.progress(nodesChecked, latticeSize, bestScore);
        if (DEBUG) {
            System.err.printf("groupings %d rows %d failing witnesses %d clean %d passing %d base %d%n", groupings,
                    rowsGrouped, failingWitnesses.size(), cleanWitnesses.size(), passing.size(), encoded.base.rows());
        }
        if (bestLevels == null) {
            throw new AnonymizationException(budgetSpent
                    ? "the search budget ran out before any transformation satisfied the privacy models"
                    : "no transformation satisfies the privacy models within the suppression limit of "
                    + maxSuppressed + " records");
        }
        // Grouped from the base table (not a cached one), so the output can map every record to its class.
        Evaluation best = Metrics.evaluate(encoded, encoded.group(encoded.base, bestLevels), criteria, metric,
                maxSuppressed);
        return new Outcome(bestLevels.clone(), best, nodesChecked, !budgetSpent);
    }

    /**
     * Decides a popped node, by pruning or by grouping, and returns the lower bound its children inherit.
     */
    private double resolve(long node, int[] levels, double bound) {
        if (monotone && isBelowFailingWitness(levels)) {
            nodesChecked++;
            return bound;
        }
        Double known = passing.get(node);
        if (known != null) {
            nodesChecked++;
            return Math.max(bound, known);
        }
        if (metric == QualityMetric.LOSS && monotone && isAboveCleanWitness(levels)) {
            // Above a node that passes with nothing suppressed, nothing is suppressed either: the score is
            // exactly the bound, no grouping needed.
            nodesChecked++;
            offer(levels, bound);
            return bound;
        }
        Evaluation evaluation = check(levels);
        if (!evaluation.acceptable() && monotone) {
            climb(levels);
        }
        return Math.max(bound, evaluation.noSuppressionBound());
    }

    /** Groups a node, counts it, and records what it teaches. */
    private Evaluation check(int[] levels) {
        nodesChecked++;
        Evaluation evaluation = evaluate(levels);
        if (evaluation.acceptable()) {
            passing.put(encode(levels), evaluation.noSuppressionBound());
            offer(levels, evaluation.score());
            if (evaluation.suppressed() == 0 && monotone) {
                addWitness(cleanWitnesses, levels, false);
            }
        } else if (monotone) {
            addWitness(failingWitnesses, levels, true);
        }
        return evaluation;
    }

    private void offer(int[] levels, double score) {
        if (score < bestScore) {
            bestScore = score;
            bestLevels = levels.clone();
        }
    }

    /**
     * From a failing node, climbs to generalisations whose bound is below the best score (each step raising
     * the level that raises the bound least) and bisects the chain for its highest failing node.
     */
    private void climb(int[] start) {
        List<int[]> chain = new ArrayList<>();
        chain.add(start.clone());
        int[] current = start.clone();
        while (true) {
            int bestDim = -1;
            double lowest = Double.POSITIVE_INFINITY;
            for (int dim = 0; dim < qis; dim++) {
                if (current[dim] + 1 < heights[dim]) {
                    current[dim]++;
                    double bound = staticBound(current);
                    current[dim]--;
                    if (bound < lowest) {
                        lowest = bound;
                        bestDim = dim;
                    }
                }
            }
            if (bestDim < 0) {
                break;
            }
            current[bestDim]++;
            chain.add(current.clone());
        }
        int low = 0;
        int high = chain.size() - 1;
        if (high == 0 || budgetExhausted() || !passes(chain.get(high))) {
            // Either nothing to climb, or the chain's top fails and is now a witness itself.
            return;
        }
        while (high - low > 1 && !budgetExhausted()) {
            int middle = (low + high) >>> 1;
            if (passes(chain.get(middle))) {
                high = middle;
            } else {
                low = middle;
            }
        }
    }

    private boolean passes(int[] levels) {
        if (passing.containsKey(encode(levels))) {
            return true;
        }
        return !isBelowFailingWitness(levels) && check(levels).acceptable();
    }

    private boolean budgetExhausted() {
        return nodesChecked >= nodeBudget || System.nanoTime() - deadline > 0;
    }

    /** Adds a node to an antichain of witnesses, dropping the ones it makes redundant. */
    private static void addWitness(List<int[]> witnesses, int[] levels, boolean keepMaximal) {
        for (Iterator<int[]> it = witnesses.iterator(); it.hasNext(); ) {
            int[] witness = it.next();
            if (keepMaximal ? dominates(witness, levels) : dominates(levels, witness)) {
                return;
            }
            if (keepMaximal ? dominates(levels, witness) : dominates(witness, levels)) {
                it.remove();
            }
        }
        witnesses.add(levels.clone());
    }

    /** Whether {@code upper} generalises {@code lower} (or equals it). */
    private static boolean dominates(int[] upper, int[] lower) {
        for (int i = 0; i < upper.length; i++) {
            if (upper[i] < lower[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean isBelowFailingWitness(int[] levels) {
        for (int[] witness : failingWitnesses) {
            if (dominates(witness, levels)) {
                return true;
            }
        }
        return false;
    }

    private boolean isAboveCleanWitness(int[] levels) {
        for (int[] witness : cleanWitnesses) {
            if (dominates(levels, witness)) {
                return true;
            }
        }
        return false;
    }

    private void decode(long node, int[] levels) {
        for (int i = qis - 1; i >= 0; i--) {
            levels[i] = (int) (node / strides[i]);
            node %= strides[i];
        }
    }

    private long encode(int[] levels) {
        long node = 0;
        for (int i = 0; i < qis; i++) {
            node += levels[i] * strides[i];
        }
        return node;
    }

    /** A lower bound of the score of this node and every generalisation of it, from its levels alone. */
    private double staticBound(int[] levels) {
        if (metric == QualityMetric.LOSS) {
            double[] sums = new double[qis];
            for (int i = 0; i < qis; i++) {
                sums[i] = encoded.staticShareSum[i][levels[i]];
            }
            return Metrics.loss(sums, encoded);
        }
        // Σ|E|² is smallest when the records spread evenly over as many classes as can exist.
        double maxClasses = encoded.base.rows();
        double product = 1;
        for (int i = 0; i < qis && product < maxClasses; i++) {
            product *= encoded.domain[i][levels[i]];
        }
        maxClasses = Math.min(maxClasses, product);
        double n = encoded.records;
        return n * n / maxClasses;
    }

    /** Groups a node from the smallest cached table that generalises to it, and scores it. */
    Evaluation evaluate(int[] levels) {
        ClassTable source = encoded.base;
        for (ClassTable table : cache) {
            if (table.rows() < source.rows() && table.generalisesTo(levels)) {
                source = table;
            }
        }
        Grouping grouping = encoded.group(source, levels);
        if (DEBUG) {
            groupings++;
            rowsGrouped += source.rows();
        }
        remember(grouping.table());
        return Metrics.evaluate(encoded, grouping, criteria, metric, maxSuppressed);
    }

    /** Caches a table for roll-up, evicting the oldest when the cache is full. */
    private void remember(ClassTable table) {
        long ints = (long) table.rows() * encoded.width;
        if (table.rows() >= encoded.base.rows() / 2 || ints > CACHE_INTS / 4) {
            return;
        }
        while (!cache.isEmpty() && (cache.size() >= CACHE_ENTRIES || cachedInts + ints > CACHE_INTS)) {
            ClassTable evicted = cache.removeLast();
            cachedInts -= (long) evicted.rows() * encoded.width;
        }
        cache.addFirst(table);
        cachedInts += ints;
    }

    boolean monotone() {
        return monotone;
    }
}
