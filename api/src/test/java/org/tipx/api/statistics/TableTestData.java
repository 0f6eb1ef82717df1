package org.tipx.api.statistics;

import org.tipx.anonymizer.cellkey.PTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.domain.PublishedRelease;

/**
 * Seeded synthetic releases and queries for the table source tests: persons reported several times
 * with disagreeing codes, multi-valued exploitation and assistance (including none and blank forms), values
 * not recorded, and small code lists so that tables are dense enough to be published.
 */
final class TableTestData {

    static final List<String> SEXES = List.of("female", "male", "");
    static final List<String> AGE_BANDS = List.of("0-8", "9-17", "18-20", "21-29", "30-38", "48+", "");
    static final List<String> MINOR = List.of("yes", "no", "");
    static final List<String> CITIZENSHIPS = List.of("UA", "NG", "RO", "VN", "");
    static final List<String> COUNTRIES = List.of("NL", "BE", "DE", "UA");
    static final List<String> EXPLOITATION_COUNTRIES = List.of("NL", "PL", "RU", "");
    static final List<String> FORMS = List.of("sexual", "forced_labour", "forced_criminality", "other", " ");
    static final List<String> IDENTIFIED_BY = List.of("police", "ngo", "self", "");
    static final List<String> STATUSES = List.of("registered", "assisted", " ");
    static final List<String> ASSISTANCE = List.of("shelter", "medical", "legal", "none", " ");

    private TableTestData() {
    }

    static PublishedRelease release(String id) {
        return new PublishedRelease(id, Instant.parse("2026-11-01T00:00:00Z"), ProtectionParameters.DEFAULTS);
    }

    /**
     * {@code persons} persons; about a quarter reported more than once (2 % of them six to nine
     * times), with codes that disagree.
     */
    static List<CaseRecord> records(long seed, int persons) {
        Random random = new Random(seed);
        List<CaseRecord> records = new ArrayList<>();
        for (int p = 0; p < persons; p++) {
            String pseudonym = String.format(Locale.ROOT, "%064x", p + seed * 1_000_003L);
            int key = random.nextInt(PTable.KEY_SPACE);
            double roll = random.nextDouble();
            // A few persons reported many times: more distinct profiles than inclusion–exclusion expands.
            int copies = roll < 0.02 ? 6 + random.nextInt(4) : roll < 0.08 ? 3 : roll < 0.25 ? 2 : 1;
            CaseRecord first = randomRecord(random, pseudonym, key);
            records.add(first);
            for (int c = 1; c < copies; c++) {
                // A second report: often the same person seen the same way, otherwise a few codes differ.
                records.add(random.nextDouble() < 0.3 ? first : vary(random, first));
            }
        }
        // Interleave the reports of a person with the others', as agencies' extracts would.
        java.util.Collections.shuffle(records, random);
        return records;
    }

    private static CaseRecord randomRecord(Random random, String pseudonym, int key) {
        return new CaseRecord(pseudonym, true, key, 2020 + random.nextInt(4), Optional.empty(),
                pick(random, STATUSES), optional(pick(random, IDENTIFIED_BY)), pick(random, SEXES), OptionalInt.empty(),
                optional(pick(random, AGE_BANDS)), optional(pick(random, MINOR)), optional(pick(random, CITIZENSHIPS)),
                pick(random, COUNTRIES), optional(pick(random, EXPLOITATION_COUNTRIES)), forms(random),
                List.of(), List.of(), List.of(), List.of(), some(random, ASSISTANCE));
    }

    private static CaseRecord vary(Random random, CaseRecord r) {
        return new CaseRecord(r.pseudonym(), r.linked(), r.recordKey(),
                random.nextDouble() < 0.3 ? 2020 + random.nextInt(4) : r.registrationYear(), Optional.empty(),
                r.status(), r.identifiedBy(), random.nextDouble() < 0.1 ? pick(random, SEXES) : r.sex(),
                OptionalInt.empty(), random.nextDouble() < 0.4 ? optional(pick(random, AGE_BANDS)) : r.ageBand(),
                r.minorAtExploitation(), random.nextDouble() < 0.2 ? optional(pick(random, CITIZENSHIPS)) : r.citizenship(),
                pick(random, COUNTRIES), r.countryOfExploitation(), random.nextDouble() < 0.5 ? forms(random) : r.exploitation(),
                List.of(), List.of(), List.of(), List.of(),
                random.nextDouble() < 0.3 ? some(random, ASSISTANCE) : r.assistance());
    }

    private static List<String> forms(Random random) {
        return some(random, FORMS);
    }

    /** Each of these codes with probability 0.3 (possibly none, possibly blank), one sometimes listed twice. */
    private static List<String> some(Random random, List<String> codes) {
        List<String> forms = new ArrayList<>();
        for (String form : codes) {
            if (random.nextDouble() < 0.3) {
                forms.add(form);
            }
        }
        if (!forms.isEmpty() && random.nextDouble() < 0.1) {
            forms.add(forms.get(0)); // a form listed twice counts once
        }
        return forms;
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String pick(Random random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A random valid query: up to five by dimensions in random order, up to three filters, either measure. */
    static TableQuery query(Random random) {
        List<Dimension> all = new ArrayList<>(List.of(Dimension.values()));
        java.util.Collections.shuffle(all, random);
        int byCount = random.nextInt(6);
        List<Dimension> by = new ArrayList<>();
        for (Dimension d : all) {
            if (by.size() == byCount) {
                break;
            }
            by.add(d);
        }
        long restricted = by.stream()
                .filter(d -> d != Dimension.YEAR && d != Dimension.COUNTRY_OF_IDENTIFICATION).count();
        if (restricted > TableQuery.MAX_RESTRICTED_DIMENSIONS) {
            by.remove(by.size() - 1);
        }
        Map<Dimension, Set<String>> filters = new EnumMap<>(Dimension.class);
        int filterCount = random.nextInt(4);
        java.util.Collections.shuffle(all, random);
        for (int f = 0; f < filterCount; f++) {
            Dimension d = all.get(f);
            List<String> universe = new ArrayList<>(codesOf(d));
            universe.add("XX"); // a code no record has
            Set<String> allowed = new HashSet<>();
            while (allowed.isEmpty()) {
                for (String code : universe) {
                    if (random.nextDouble() < 0.4) {
                        allowed.add(code);
                    }
                }
            }
            filters.put(d, allowed);
        }
        Measure measure = random.nextBoolean() ? Measure.VICTIMS : Measure.REGISTRATIONS;
        return new TableQuery(by, filters, measure);
    }

    /** The codes a dimension can take in these releases, {@link Dimension#UNKNOWN} included. */
    static List<String> codesOf(Dimension dimension) {
        List<String> raw = switch (dimension) {
            case YEAR -> List.of("2020", "2021", "2022", "2023");
            case SEX -> SEXES;
            case AGE_BAND -> AGE_BANDS;
            case MINOR_AT_EXPLOITATION -> MINOR;
            case CITIZENSHIP -> CITIZENSHIPS;
            case COUNTRY_OF_IDENTIFICATION -> COUNTRIES;
            case COUNTRY_OF_EXPLOITATION -> EXPLOITATION_COUNTRIES;
            case EXPLOITATION -> FORMS;
            case IDENTIFIED_BY -> IDENTIFIED_BY;
            case STATUS -> STATUSES;
            case ASSISTANCE -> ASSISTANCE;
        };
        return raw.stream().map(c -> c.isBlank() ? Dimension.UNKNOWN : c).distinct().toList();
    }
}
