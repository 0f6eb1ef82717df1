package org.tipx.anonymizer.cellkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Attacks on the default protection (D = 5, V = 3, js = 2, threshold 10), with the figures printed
 * for docs/cell-key-method.md. Run: {@code mvn -B -o -pl anonymizer test -Dtest=CellKeyAttackTest}.
 */
class CellKeyAttackTest {

    private static final int TRIALS = 20_000;

    private final CellKeyProtector protector = CellKeyProtector.withDefaults();
    private final PTable table = protector.ptable();

    /** The cell key of n people whose record keys are drawn uniformly. */
    private static int randomCellKey(SplittableRandom random, int n) {
        int key = 0;
        for (int i = 0; i < n; i++) {
            key = CellKeys.combine(key, random.nextInt(PTable.KEY_SPACE));
        }
        return key;
    }

    /**
     * The attacker knows everyone in the cell but the target (n people, e.g. from a table that
     * excludes the target by definition) and must tell, from the published count of the cell, which
     * of two record sets differing by exactly the target it is looking at: count n or n + 1.
     * Without protection the count answers exactly (accuracy 1). With the p-table the best rule is
     * the likelihood ratio P(y | n + 1) vs P(y | n), and its accuracy is bounded by
     * 1/2 * sum_y max(P(y | n), P(y | n + 1)) = 1/2 + TV(row n, row n + 1) / 2.
     */
    @Test
    void differencingAttack_knowingEveryoneElse_staysNearTheBayesBoundOfAbout61Percent() {
        SplittableRandom random = new SplittableRandom(20_261_123L);
        int correct = 0;
        double boundSum = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = 20 + random.nextInt(181); // others in the cell: large enough that nothing is withheld
            boolean targetIn = random.nextBoolean();
            int othersKey = randomCellKey(random, n);
            int targetKey = random.nextInt(PTable.KEY_SPACE);
            long published = targetIn
                    ? protector.protect(n + 1, CellKeys.combine(othersKey, targetKey)).value().orElseThrow()
                    : protector.protect(n, othersKey).value().orElseThrow();
            boolean guessIn = table.probability(n + 1, (int) published) > table.probability(n, (int) published);
            correct += guessIn == targetIn ? 1 : 0;
            boundSum += bayesBound(table, n);
        }
        double accuracy = (double) correct / TRIALS;
        double bound = boundSum / TRIALS;
        double sd = Math.sqrt(bound * (1 - bound) / TRIALS);
        System.out.printf(Locale.ROOT,
                "differencing (one cell, attacker knows the other %s): Bayes bound %.6f, attacker accuracy %.4f "
                        + "over %d targets (sd %.4f); chance 0.5, unprotected 1.0%n",
                "n", bound, accuracy, TRIALS, sd);
        assertTrue(accuracy <= bound + 3 * sd, "accuracy " + accuracy + " above bound " + bound);
        assertTrue(accuracy >= bound - 3 * sd, "the Bayes rule should reach its bound: " + accuracy);
        assertEquals(0.61, bound, 0.01);
    }

    /**
     * The same attacker also sees the published count of the reference cell (the others alone),
     * defined so that it excludes the target. If the target is absent the two cells hold the same
     * records, so they get the same key and the same published value; if present the keys are
     * independent. The best rule is "absent iff the two values are equal", with accuracy
     * 1 - 1/2 * sum_j P(j | n) P(j | n + 1). This is the price of consistency; it is why the query
     * rules must not let a user exclude individual records by definition.
     */
    @Test
    void differencingAttack_withAReferenceCellThatExcludesTheTarget_isBoundedByTheCollisionRule() {
        SplittableRandom random = new SplittableRandom(20_261_124L);
        int correct = 0;
        double boundSum = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            int n = 20 + random.nextInt(181);
            boolean targetIn = random.nextBoolean();
            int othersKey = randomCellKey(random, n);
            int targetKey = random.nextInt(PTable.KEY_SPACE);
            long reference = protector.protect(n, othersKey).value().orElseThrow();
            long withTarget = targetIn
                    ? protector.protect(n + 1, CellKeys.combine(othersKey, targetKey)).value().orElseThrow()
                    : reference;
            boolean guessIn = withTarget != reference;
            correct += guessIn == targetIn ? 1 : 0;
            double collision = 0;
            for (int j = n - 5; j <= n + 6; j++) {
                collision += table.probability(n, j) * table.probability(n + 1, j);
            }
            boundSum += 1 - collision / 2;
        }
        double accuracy = (double) correct / TRIALS;
        double bound = boundSum / TRIALS;
        double sd = Math.sqrt(bound * (1 - bound) / TRIALS);
        System.out.printf(Locale.ROOT,
                "differencing (target cell and a reference cell excluding the target): bound %.6f, "
                        + "attacker accuracy %.4f over %d targets (sd %.4f)%n",
                bound, accuracy, TRIALS, sd);
        assertTrue(accuracy <= bound + 3 * sd, "accuracy " + accuracy + " above bound " + bound);
        assertTrue(bound > 0.61, "a reference cell helps the attacker: " + bound);
    }

    /**
     * A trafficking-like cross-table (country x form of exploitation x sex x age group x
     * citizenship region) over a skewed population, with many small and empty cells: how many cells
     * the perturbation changes, by how much, and how many the threshold withholds. The same table
     * under a p-table with pStay = 0.8 shows the trade-off between cells changed and attack accuracy.
     */
    @Test
    void realisticTable_shareOfCellsChanged_isReported() {
        TableEffect defaults = measureOnRealisticTable(protector, "D=5 V=3 js=2");
        assertTrue(defaults.shareChangedAll() > 0 && defaults.shareChangedAll() < 1);
        assertTrue(Math.abs(defaults.meanChange()) < 5 * defaults.standardError(), "perturbation is unbiased");
        assertTrue(defaults.meanAbsoluteChange() <= 5);

        CellKeyProtector sticky = new CellKeyProtector(new ProtectionParameters(
                new PTableParameters(5, 3, 2, java.util.OptionalDouble.of(0.8)), 10));
        TableEffect stickyEffect = measureOnRealisticTable(sticky, "D=5 V=3 js=2 pStay=0.8");
        System.out.printf(Locale.ROOT, "one-cell differencing Bayes bound: %.6f (defaults), %.6f (pStay=0.8)%n",
                bayesBound(table, 100), bayesBound(sticky.ptable(), 100));
        assertTrue(stickyEffect.shareChangedNonZero() < defaults.shareChangedNonZero());
        assertTrue(bayesBound(sticky.ptable(), 100) > bayesBound(table, 100), "fewer changes, more disclosure");
    }

    private record TableEffect(double shareChangedAll, double shareChangedNonZero, double meanAbsoluteChange,
                               double meanChange, double standardError) {
    }

    private static TableEffect measureOnRealisticTable(CellKeyProtector protector, String label) {
        SplittableRandom random = new SplittableRandom(42);
        int countries = 30;
        int forms = 6;
        int sexes = 2;
        int ages = 4;
        int citizenships = 8;
        double[] country = zipf(countries, 1.1);
        double[] form = {0.50, 0.38, 0.04, 0.03, 0.03, 0.02};
        double[] sex = {0.65, 0.35};
        double[] age = {0.10, 0.25, 0.45, 0.20};
        double[] citizenship = zipf(citizenships, 1.3);
        CellKeyAccumulator[] cells = new CellKeyAccumulator[countries * forms * sexes * ages * citizenships];
        for (int k = 0; k < cells.length; k++) {
            cells[k] = new CellKeyAccumulator();
        }
        int people = 50_000;
        for (int i = 0; i < people; i++) {
            int index = draw(random, country);
            index = index * forms + draw(random, form);
            index = index * sexes + draw(random, sex);
            index = index * ages + draw(random, age);
            index = index * citizenships + draw(random, citizenship);
            cells[index].add(random.nextInt(PTable.KEY_SPACE));
        }
        PTable ptable = protector.ptable();
        int nonZero = 0;
        int changed = 0;
        long absoluteChange = 0;
        long signedChange = 0;
        long squaredChange = 0;
        int withheldNonZero = 0;
        for (CellKeyAccumulator cell : cells) {
            int change = ptable.perturb((int) cell.count(), cell.cellKey()) - (int) cell.count();
            if (cell.count() > 0) {
                nonZero++;
                changed += change != 0 ? 1 : 0;
                absoluteChange += Math.abs(change);
                signedChange += change;
                squaredChange += (long) change * change;
                withheldNonZero += protector.protect(cell).value().isEmpty() ? 1 : 0;
            }
        }
        double meanChange = (double) signedChange / nonZero;
        double standardError = Math.sqrt(((double) squaredChange / nonZero - meanChange * meanChange) / nonZero);
        TableEffect effect = new TableEffect((double) changed / cells.length, (double) changed / nonZero,
                (double) absoluteChange / nonZero, meanChange, standardError);
        int g = ptable.genericRow();
        System.out.printf(Locale.ROOT,
                "realistic table [%s]: %d cells from %d people, %d non-zero (%.1f%%); perturbation changed "
                        + "%.1f%% of all cells, %.1f%% of non-zero cells; over non-zero cells mean |change| %.3f, "
                        + "mean change %.4f (se %.4f); threshold 10 withholds %.1f%% of non-zero cells; "
                        + "a large count stays unchanged with probability %.4f%n",
                label, cells.length, people, nonZero, 100.0 * nonZero / cells.length, 100 * effect.shareChangedAll(),
                100 * effect.shareChangedNonZero(), effect.meanAbsoluteChange(), meanChange, standardError,
                100.0 * withheldNonZero / nonZero, ptable.probability(g, g));
        return effect;
    }

    /** 1/2 * sum_y max(P(y | n), P(y | n + 1)): the accuracy of the best guess between n and n + 1. */
    private static double bayesBound(PTable table, int n) {
        double sum = 0;
        for (int y = Math.max(0, n - table.maxPerturbation()); y <= n + 1 + table.maxPerturbation(); y++) {
            sum += Math.max(table.probability(n, y), table.probability(n + 1, y));
        }
        return sum / 2;
    }

    private static double[] zipf(int size, double exponent) {
        double[] weights = new double[size];
        double total = 0;
        for (int k = 0; k < size; k++) {
            weights[k] = Math.pow(k + 1, -exponent);
            total += weights[k];
        }
        for (int k = 0; k < size; k++) {
            weights[k] /= total;
        }
        return weights;
    }

    private static int draw(SplittableRandom random, double[] probabilities) {
        double u = random.nextDouble();
        for (int k = 0; k < probabilities.length - 1; k++) {
            u -= probabilities[k];
            if (u < 0) {
                return k;
            }
        }
        return probabilities.length - 1;
    }
}
