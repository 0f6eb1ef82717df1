package org.tipx.api.sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** An immutable discrete distribution over values, drawn by inverse transform on cumulative weights. */
final class Weighted<T> {

    private final List<T> values;
    private final double[] cumulative;

    private Weighted(List<T> values, double[] cumulative) {
        if (values.isEmpty() || !(cumulative[cumulative.length - 1] > 0)) {
            throw new IllegalArgumentException("a distribution needs values with a positive total weight");
        }
        this.values = List.copyOf(values);
        this.cumulative = cumulative;
    }

    /** Keeps the insertion order of {@code weights}, so draws are reproducible for a seed. */
    static <T> Weighted<T> of(Map<T, Double> weights) {
        List<T> values = new ArrayList<>();
        double[] cumulative = new double[weights.size()];
        double total = 0;
        int i = 0;
        for (Map.Entry<T, Double> e : weights.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("negative weight " + e.getValue() + " for " + e.getKey());
            }
            total += e.getValue();
            values.add(e.getKey());
            cumulative[i++] = total;
        }
        return new Weighted<>(values, cumulative);
    }

    /** {@code of("a", 3, "b", 1)}: alternating values and weights. */
    static Weighted<String> of(Object... valueWeightPairs) {
        Map<String, Double> weights = new LinkedHashMap<>();
        for (int i = 0; i < valueWeightPairs.length; i += 2) {
            weights.put((String) valueWeightPairs[i], ((Number) valueWeightPairs[i + 1]).doubleValue());
        }
        return of(weights);
    }

    T draw(RandomGenerator random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return values.get(i);
            }
        }
        return values.get(values.size() - 1);
    }

    /** Between 1 and {@code max} distinct values, in the order of the distribution. */
    List<T> drawDistinct(RandomGenerator random, int max) {
        int wanted = 1 + random.nextInt(Math.min(max, values.size()));
        List<T> chosen = new ArrayList<>();
        // Bounded retries: a rare value may simply not come up, and fewer codes are still valid.
        for (int attempt = 0; attempt < 4 * wanted && chosen.size() < wanted; attempt++) {
            T value = draw(random);
            if (!chosen.contains(value)) {
                chosen.add(value);
            }
        }
        chosen.sort((a, b) -> Integer.compare(values.indexOf(a), values.indexOf(b)));
        return chosen;
    }

    List<T> values() {
        return values;
    }

    double weightOf(T value) {
        int i = values.indexOf(value);
        if (i < 0) {
            return 0;
        }
        return cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }
}
