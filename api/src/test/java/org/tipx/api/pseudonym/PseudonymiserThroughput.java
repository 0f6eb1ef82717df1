package org.tipx.api.pseudonym;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Throughput of {@link HmacPseudonymiser} on a seeded mix of rows, single-threaded and on several threads.
 * Not a unit test (timings vary by machine); run it by hand:
 * <pre>
 * java -cp api/target/test-classes:api/target/classes:$(cat /tmp/cp.txt) \
 *     org.tipx.api.pseudonym.PseudonymiserThroughput [rows] [threads]
 * </pre>
 */
public final class PseudonymiserThroughput {

    private static final String[] LATIN_GIVEN = {"Olena", "Maria", "Anna", "Iryna", "Fatima", "Grace", "Nguyen Thi", "Ana"};
    private static final String[] LATIN_FAMILY = {"Kovalenko", "Shevchenko", "Ivanova", "Popescu", "Okafor", "Tran", "Silva"};
    private static final String[] CYRILLIC_GIVEN = {"Олена", "Марія", "Ірина", "Наталья", "Юлія", "Ганна"};
    private static final String[] CYRILLIC_FAMILY = {"Коваленко", "Шевченко", "Іванова", "Бондаренко", "Хмельницька"};
    private static final String[] OTHER_SCRIPT = {"Παπαδοπούλου", "გიორგაძე", "محمد", "Müller", "Ørsted"};

    private PseudonymiserThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        List<DirectIdentifiers> mix = rows(rows, new Random(42));
        HmacPseudonymiser pseudonymiser = new HmacPseudonymiser(PseudonymSecret.ofBytes(new byte[32]));

        for (int round = 0; round < 3; round++) { // the first rounds warm the JIT up
            report("1 thread ", rows, run(pseudonymiser, mix, 1));
            report(threads + " threads", rows, run(pseudonymiser, mix, threads));
        }
    }

    /** 45 % Latin names, 20 % Cyrillic, 5 % other scripts or accents, 10 % document only, 20 % nothing. */
    static List<DirectIdentifiers> rows(int count, Random random) {
        List<DirectIdentifiers> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(100);
            LocalDate birth = LocalDate.of(1960 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String document = String.format(Locale.ROOT, "FE%06d", random.nextInt(1_000_000));
            if (kind < 45) {
                rows.add(person(pick(LATIN_GIVEN, random), pick(LATIN_FAMILY, random) + i % 97, birth));
            } else if (kind < 65) {
                rows.add(person(pick(CYRILLIC_GIVEN, random), pick(CYRILLIC_FAMILY, random), birth));
            } else if (kind < 70) {
                rows.add(person(pick(LATIN_GIVEN, random), pick(OTHER_SCRIPT, random), birth));
            } else if (kind < 80) {
                rows.add(new DirectIdentifiers(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(document)));
            } else {
                rows.add(DirectIdentifiers.NONE);
            }
        }
        return rows;
    }

    private static DirectIdentifiers person(String given, String family, LocalDate birth) {
        return new DirectIdentifiers(Optional.of(given), Optional.of(family), Optional.of(birth), Optional.empty());
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static long run(HmacPseudonymiser pseudonymiser, List<DirectIdentifiers> mix, int threads) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> parts = new ArrayList<>();
            int slice = (mix.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * slice;
                int to = Math.min(mix.size(), from + slice);
                parts.add(pool.submit(() -> {
                    int checksum = 0;
                    for (int i = from; i < to; i++) {
                        checksum += pseudonymiser.pseudonymise("agency", "r" + i, mix.get(i)).recordKey();
                    }
                    return checksum;
                }));
            }
            for (Future<Integer> part : parts) {
                part.get();
            }
        }
        return System.nanoTime() - start;
    }

    private static void report(String label, int rows, long nanos) {
        System.out.printf(Locale.ROOT, "%s: %,d rows in %.2f s = %,.0f rows/s (%.2f us/row)%n",
                label, rows, nanos / 1e9, rows / (nanos / 1e9), nanos / 1e3 / rows);
    }
}
