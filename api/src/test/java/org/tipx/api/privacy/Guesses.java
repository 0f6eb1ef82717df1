package org.tipx.api.privacy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The membership guesses of one attack, made target by target (on a few threads: the attacker's
 * questions are independent), and scored only once every guess is in.
 */
final class Guesses {

    /** A guess about one target, with the questions it took. */
    record Guess(boolean present, int queries) {
    }

    private final Map<Integer, Boolean> guesses = new ConcurrentHashMap<>();
    private final AtomicInteger maxQueries = new AtomicInteger();

    /** Guesses every target with {@code attack} on {@code threads} threads. */
    static Guesses make(List<KnownTarget> targets, int threads, Function<KnownTarget, Guess> attack) {
        Guesses guesses = new Guesses();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<?>> futures = targets.stream().map(t -> pool.submit(() -> {
                Guess g = attack.apply(t);
                guesses.guesses.put(t.id(), g.present());
                guesses.maxQueries.accumulateAndGet(g.queries(), Math::max);
            })).<Future<?>>map(f -> f).toList();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an attack failed on a target", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return guesses;
    }

    /** Guesses made elsewhere: target id to guess. */
    static Guesses of(Map<Integer, Boolean> made, int maxQueries) {
        Guesses guesses = new Guesses();
        guesses.guesses.putAll(made);
        guesses.maxQueries.set(maxQueries);
        return guesses;
    }

    /** Accuracy and false-positive rate of the guesses against the truth. */
    AttackResult score(String attack, Membership membership, double bound, String note) {
        int correct = 0;
        int absent = 0;
        int falsePositives = 0;
        for (Map.Entry<Integer, Boolean> g : guesses.entrySet()) {
            boolean present = membership.present(g.getKey());
            if (present == g.getValue()) {
                correct++;
            }
            if (!present) {
                absent++;
                if (g.getValue()) {
                    falsePositives++;
                }
            }
        }
        int n = guesses.size();
        return new AttackResult(attack, AttackResult.Metric.ACCURACY, n == 0 ? 0.5 : (double) correct / n, bound, n,
                absent == 0 ? Double.NaN : (double) falsePositives / absent, maxQueries.get(), note);
    }
}
