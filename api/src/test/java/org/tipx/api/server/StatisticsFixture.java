package org.tipx.api.server;

import org.tipx.anonymizer.cellkey.PTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.PublishedRelease;

/** Synthetic frozen records for the public statistics API tests, with seeded randomness. */
final class StatisticsFixture {

    static final List<String> COUNTRIES = List.of("UA", "MD", "RO");
    static final List<String> SEXES = List.of("female", "male");
    static final List<String> CITIZENSHIPS = List.of("UA", "MD", "RO", "VN", "");
    static final List<String> FORMS = List.of("sexual", "forced_labour", "forced_criminality", "forced_begging");
    static final List<String> AGE_BANDS = List.of("9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+");
    /** A pseudonym no output may ever show. */
    static final String PLANTED_PSEUDONYM = "planted0pseudonym0c0ffee0" + "0".repeat(39);

    private StatisticsFixture() {
    }

    static PublishedRelease release(String id, Instant created) {
        return new PublishedRelease(id, created, ProtectionParameters.DEFAULTS);
    }

    /**
     * {@code persons} people, each with one or (10 %) two records; the planted pseudonym is the
     * first person's.
     */
    static List<CaseRecord> records(long seed, int persons) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CaseRecord> records = new ArrayList<>();
        for (int p = 0; p < persons; p++) {
            String pseudonym = p == 0 ? PLANTED_PSEUDONYM : String.format(Locale.ROOT, "%064x", seed * 1_000_003L + p);
            int key = random.nextInt(PTable.KEY_SPACE);
            String sex = pick(random, SEXES);
            String citizenship = pick(random, CITIZENSHIPS);
            int year = 2020 + random.nextInt(3);
            String country = pick(random, COUNTRIES);
            int copies = random.nextDouble() < 0.10 ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                List<String> forms = FORMS.stream().filter(f -> random.nextDouble() < 0.4).toList();
                records.add(record(pseudonym, key, year, sex, pick(random, AGE_BANDS), citizenship, country, forms));
            }
        }
        return records;
    }

    static CaseRecord record(String pseudonym, int key, int year, String sex, String ageBand, String citizenship,
                             String countryOfIdentification, List<String> forms) {
        return new CaseRecord(pseudonym, true, key, year, Optional.empty(), "confirmed", Optional.of("police"),
                sex, OptionalInt.empty(), Optional.of(ageBand), Optional.empty(),
                citizenship.isEmpty() ? Optional.empty() : Optional.of(citizenship), countryOfIdentification,
                Optional.empty(), forms, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }
}
