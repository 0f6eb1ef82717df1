package org.tipx.api.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipx.anonymizer.cellkey.PTable;
import org.tipx.anonymizer.cellkey.PTableParameters;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.release.InMemoryReleases;

/**
 * Attacks on the published statistics, run through {@code GET /v1/statistics} as an outsider would,
 * with the attacker's accuracy printed. The attacker knows the public p-table parameters
 * ({@code /v1/config}) and so the p-table itself. Run:
 * {@code mvn -B -o verify -pl api -Dtest=StatisticsAttackTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class StatisticsAttackTest {

    private static final int TARGETS = 2_000;

    @TempDir
    Path dir;

    /**
     * The same query asked many times, and the same cell asked through other spellings of the
     * query (another format, labels, the filter codes in another order, the deprecated alias):
     * every answer is the same value, so averaging gains nothing over one answer.
     */
    @Test
    void averagingAttack_manyRepeatsAndRespellings_giveOneValue_soAveragingGainsNothing() throws Exception {
        InMemoryReleases releases = new InMemoryReleases().add(
                StatisticsFixture.release("r1", Instant.parse("2026-06-30T00:00:00Z")), StatisticsFixture.records(5, 3000));
        try (RunningStatistics server = new RunningStatistics(dir, StatisticsApi.over(releases)
                .withRateLimit(Optional.empty()))) {
            Set<String> values = new HashSet<>();
            double sum = 0;
            int repeats = 200;
            for (int i = 0; i < repeats; i++) {
                String value = single(server.get("/v1/statistics?country_of_identification=MD,UA&year=2021&format=csv"));
                values.add(value);
                sum += Long.parseLong(value);
            }
            values.add(single(server.get("/v1/statistics?year=2021&country_of_identification=UA,MD&format=csv&labels=true")));
            values.add(single(server.get("/v1/tables?country_of_identification=UA,MD&year=2021&format=csv")));
            values.add(StatisticsApiTest.csvValues(server.get(
                    "/v1/statistics?by=sex&country_of_identification=UA,MD&year=2021&format=csv").body()).get(List.of("_T")));
            System.out.printf(Locale.ROOT, "averaging over HTTP: %d repeats and 3 respellings gave %d distinct value(s); "
                    + "mean of repeats %.3f%n", repeats, values.size(), sum / repeats);
            assertEquals(1, values.size(), "every repeat and respelling publishes the same value: " + values);
        }
    }

    /**
     * Many targets, each in a release of its own whose cell (country MD, year 2021) holds n other
     * persons and, with probability one half, the target. The attacker knows n exactly (everyone in
     * the cell but the target) and asks the cell through the endpoint with filters; the best guess
     * is the likelihood ratio P(y | n + 1) against P(y | n) of the p-table. Its accuracy is bounded
     * by 1/2 + TV(row n, row n + 1) / 2, about 0.61 for D = 5, V = 3, js = 2; chance is 0.5 and an
     * unprotected count answers every time (1.0).
     */
    @Test
    void differencingAttack_recordSetsDifferingByOnePerson_overManyTargets_staysAtTheBayesBound() throws Exception {
        Targets targets = targets(20_261_123L);
        PTable ptable = PTable.maximumEntropy(PTableParameters.DEFAULTS);
        try (RunningStatistics server = new RunningStatistics(dir, StatisticsApi.over(targets.releases())
                .withRateLimit(Optional.empty()))) {
            int correct = 0;
            double boundSum = 0;
            for (Target target : targets.list()) {
                long y = Long.parseLong(single(server.get("/v1/statistics?country_of_identification=MD&year=2021"
                        + "&format=csv&release=" + target.release())));
                boolean guessIn = ptable.probability(target.others() + 1, (int) y) > ptable.probability(target.others(), (int) y);
                correct += guessIn == target.in() ? 1 : 0;
                boundSum += bayesBound(ptable, target.others());
            }
            double accuracy = (double) correct / TARGETS;
            double bound = boundSum / TARGETS;
            double sd = Math.sqrt(bound * (1 - bound) / TARGETS);
            System.out.printf(Locale.ROOT, "differencing over HTTP (attacker knows the other n in the cell): "
                            + "accuracy %.4f over %d targets, Bayes bound %.4f (sd %.4f); chance 0.5, "
                            + "unprotected 1.0 (a true count is n + 1 exactly when the target is in)%n",
                    accuracy, TARGETS, bound, sd);
            assertEquals(0.61, bound, 0.01);
            assertTrue(accuracy <= bound + 3 * sd, "accuracy " + accuracy + " above the Bayes bound " + bound);
        }
    }

    /**
     * The same targets, but the attacker also asks a second table that excludes the target by
     * definition (the target is the only person of sex "other"; the reference query filters
     * {@code sex=female}). Without the target both queries would hold the same persons and, under
     * the plain cell key method, show the same value; with it the values collide only by chance, so
     * "absent iff equal" reached 0.93. The closure rule publishes the reference query as the cell
     * without its constraint whenever the persons that constraint removes form a withheld cell, so
     * both queries show one value whether or not the target exists: the attacker is back to chance.
     */
    @Test
    void differencingAttack_withAReferenceQueryExcludingTheTarget_isNoBetterThanChance() throws Exception {
        Targets targets = targets(20_261_124L);
        PTable ptable = PTable.maximumEntropy(PTableParameters.DEFAULTS);
        try (RunningStatistics server = new RunningStatistics(dir, StatisticsApi.over(targets.releases())
                .withRateLimit(Optional.empty()))) {
            int correct = 0;
            double boundSum = 0;
            for (Target target : targets.list()) {
                String cell = "/v1/statistics?country_of_identification=MD&year=2021&format=csv&release=" + target.release();
                String withTarget = single(server.get(cell));
                String reference = single(server.get(cell + "&sex=female"));
                boolean guessIn = !withTarget.equals(reference);
                correct += guessIn == target.in() ? 1 : 0;
                double collision = 0;
                int n = target.others();
                for (int j = n - 5; j <= n + 6; j++) {
                    collision += ptable.probability(n, j) * ptable.probability(n + 1, j);
                }
                boundSum += 1 - collision / 2;
            }
            double accuracy = (double) correct / TARGETS;
            double plainCellKeyBound = boundSum / TARGETS;
            double sd = Math.sqrt(0.25 / TARGETS);
            System.out.printf(Locale.ROOT, "differencing over HTTP with a reference query excluding the target: "
                    + "accuracy %.4f over %d targets (chance 0.5, sd %.4f); the plain cell key method's collision "
                    + "bound would be %.4f%n", accuracy, TARGETS, sd, plainCellKeyBound);
            assertTrue(accuracy <= 0.5 + 3 * sd, "accuracy " + accuracy + " above chance");
        }
    }

    private record Target(String release, int others, boolean in) {
    }

    private record Targets(InMemoryReleases releases, List<Target> list) {
    }

    /** One release per target: n others in the cell (female, MD, 2021), a few persons elsewhere, and maybe the target. */
    private static Targets targets(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        InMemoryReleases releases = new InMemoryReleases();
        List<Target> list = new ArrayList<>();
        Instant created = Instant.parse("2026-01-01T00:00:00Z");
        for (int t = 0; t < TARGETS; t++) {
            int n = 20 + random.nextInt(181);
            boolean in = random.nextBoolean();
            List<CaseRecord> records = new ArrayList<>(n + 11);
            for (int p = 0; p < n; p++) {
                records.add(person(random, t, p, "female", "MD", 2021));
            }
            for (int p = 0; p < 10; p++) {
                records.add(person(random, t, n + p, "male", "UA", 2020));
            }
            if (in) {
                records.add(person(random, t, -1, "other", "MD", 2021));
            }
            String id = "attack-" + t;
            releases.add(StatisticsFixture.release(id, created.plusSeconds(t)), records);
            list.add(new Target(id, n, in));
        }
        return new Targets(releases, list);
    }

    private static CaseRecord person(SplittableRandom random, int target, int person, String sex, String country, int year) {
        String pseudonym = String.format(Locale.ROOT, "%032x%032x", target, person & 0xffffffffL);
        return StatisticsFixture.record(pseudonym, random.nextInt(PTable.KEY_SPACE), year, sex, "30-38",
                "UA", country, List.of("sexual"));
    }

    /** The single value of a table without {@code by}: its one row's OBS_VALUE. */
    private static String single(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        Map<List<String>, String> values = StatisticsApiTest.csvValues(response.body());
        assertEquals(1, values.size(), response.body());
        String value = values.values().iterator().next();
        assertTrue(!value.isEmpty(), "the cell is above the threshold");
        return value;
    }

    /** 1/2 * sum_y max(P(y | n), P(y | n + 1)). */
    private static double bayesBound(PTable table, int n) {
        double sum = 0;
        for (int y = Math.max(0, n - table.maxPerturbation()); y <= n + 1 + table.maxPerturbation(); y++) {
            sum += Math.max(table.probability(n, y), table.probability(n + 1, y));
        }
        return sum / 2;
    }
}
