package org.tipx.api.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.tipx.api.domain.Period;
import org.tipx.api.sample.CaseRowGenerator.Identifiers;

/**
 * Generates realistic, entirely fictional case-record-v1 extracts for the demo, tests and
 * benchmarks: six sample agencies in five countries over six quarters (2025-Q1 to 2026-Q2).
 * Sex, age group, form of exploitation and citizenship follow public UNODC GLOTIP shares
 * (datasets/synthetic/profile.csv); about 20% of persons are reported by two agencies with the same
 * identifiers, mostly once in Cyrillic (UA/MD agencies) and once in Latin script (PL/DE/NL).
 *
 * <p>Deterministic: the same seed gives byte-identical extracts. An instance is immutable and
 * thread-safe; each {@link #generate()} call starts from the seed again.
 */
public final class SyntheticExtracts {

    private static final List<SampleAgency> AGENCIES = List.of(
            new SampleAgency("ua-police", "Sample Police Anti-Trafficking Unit (Ukraine)", "UA", "police"),
            new SampleAgency("ua-ngo", "Sample Helpline and Shelter NGO (Ukraine)", "UA", "ngo"),
            new SampleAgency("md-io", "Sample International Organisation Office (Moldova)", "MD", "international_org"),
            new SampleAgency("pl-police", "Sample Border and Police Unit (Poland)", "PL", "police"),
            new SampleAgency("de-social", "Sample Counselling and Social Services Centre (Germany)", "DE", "social_services"),
            new SampleAgency("nl-labour", "Sample Labour Inspectorate (Netherlands)", "NL", "labour_inspection"));
    /** Mean records per quarter, by agency (same order as {@link #AGENCIES}). */
    private static final int[] MEAN_RECORDS_PER_QUARTER = {45, 30, 25, 35, 40, 20};
    private static final Period FIRST_PERIOD = new Period(2025, 1);
    private static final int QUARTERS = 6;
    private static final List<Period> PERIODS = quartersFrom(FIRST_PERIOD, QUARTERS);
    /** Of the persons reported twice, the share written in two scripts (the rest: same script). */
    private static final double CROSS_SCRIPT_SHARE = 0.7;

    private final long seed;
    private final CaseRowGenerator generator;

    public SyntheticExtracts(long seed) {
        this.seed = seed;
        this.generator = new CaseRowGenerator(SyntheticProfile.load());
    }

    /** The fictional sample agencies. */
    public static List<SampleAgency> agencies() {
        return AGENCIES;
    }

    /** The quarters covered by {@link #generate()}: 2025-Q1 to 2026-Q2. */
    public static List<Period> periods() {
        return PERIODS;
    }

    private static List<Period> quartersFrom(Period first, int count) {
        List<Period> periods = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = first.year() * 4 + first.quarter() - 1 + i;
            periods.add(new Period(index / 4, index % 4 + 1));
        }
        return List.copyOf(periods);
    }

    /** One entry of an extract before it is written: who, and when they were registered. */
    private record Registration(SamplePerson person, LocalDate date) {
    }

    /** An extract being assembled. */
    private record Draft(SampleAgency agency, Period period, int target, List<Registration> registrations) {
        boolean cyrillic() {
            return CaseRowGenerator.CYRILLIC_COUNTRIES.contains(agency.country());
        }
    }

    /** One extract per agency and quarter, agencies in {@link #agencies()} order within each quarter. */
    public List<SampleExtract> generate() {
        RandomGenerator random = new SplittableRandom(seed);
        List<Draft> drafts = new ArrayList<>();
        for (Period period : PERIODS) {
            for (int a = 0; a < AGENCIES.size(); a++) {
                int mean = MEAN_RECORDS_PER_QUARTER[a];
                int target = (int) Math.round(mean * (0.7 + 0.6 * random.nextDouble()));
                drafts.add(new Draft(AGENCIES.get(a), period, target, new ArrayList<>()));
            }
        }
        Set<String> identityKeys = new HashSet<>();
        int totalRows = drafts.stream().mapToInt(Draft::target).sum();
        // Each person reported twice fills two rows: with S such persons among P, rows = P + S, and
        // S = rows / 6 makes S / P = 1/5.
        int reportedTwice = Math.round(totalRows / 6f);
        for (int i = 0; i < reportedTwice; i++) {
            addPersonReportedTwice(drafts, random.nextDouble() < CROSS_SCRIPT_SHARE, identityKeys, random);
        }
        for (Draft draft : drafts) {
            while (draft.registrations().size() < draft.target()) {
                LocalDate date = dateIn(draft.period(), random);
                SamplePerson person = uniquePerson(draft.agency().country(), Optional.empty(), Optional.empty(), date,
                        Identifiers.VARIED, identityKeys, random);
                draft.registrations().add(new Registration(person, date));
            }
        }
        List<SampleExtract> extracts = new ArrayList<>();
        for (Draft draft : drafts) {
            extracts.add(new SampleExtract(draft.agency(), draft.period(), csv(draft, random)));
        }
        return List.copyOf(extracts);
    }

    private void addPersonReportedTwice(List<Draft> drafts, boolean crossScript, Set<String> identityKeys,
                                        RandomGenerator random) {
        Draft first = pickWithRoom(drafts.stream().filter(d -> !crossScript || d.cyrillic()).toList(), random);
        int firstQuarter = PERIODS.indexOf(first.period());
        // The second report comes from another agency, in the same quarter or a neighbouring one, and
        // for a cross-script pair from an agency writing the other script.
        List<Draft> candidates = drafts.stream()
                .filter(d -> !d.agency().equals(first.agency()))
                .filter(d -> crossScript ? !d.cyrillic() : d.cyrillic() == first.cyrillic())
                .filter(d -> Math.abs(PERIODS.indexOf(d.period()) - firstQuarter) <= 1)
                .toList();
        Draft second = pickWithRoom(candidates, random);
        LocalDate firstDate = dateIn(first.period(), random);
        Optional<String> citizenship = crossScript ? Optional.of(first.agency().country()) : Optional.empty();
        Optional<String> exploitedIn = crossScript ? Optional.of(second.agency().country()) : Optional.empty();
        SamplePerson person = uniquePerson(first.agency().country(), citizenship, exploitedIn, firstDate,
                Identifiers.LINKABLE, identityKeys, random);
        first.registrations().add(new Registration(person, firstDate));
        second.registrations().add(new Registration(person, dateIn(second.period(), random)));
    }

    /** A draft chosen with probability proportional to its remaining room (at least 1). */
    private static Draft pickWithRoom(List<Draft> drafts, RandomGenerator random) {
        double total = drafts.stream().mapToDouble(SyntheticExtracts::room).sum();
        double u = random.nextDouble() * total;
        for (Draft d : drafts) {
            u -= room(d);
            if (u < 0) {
                return d;
            }
        }
        return drafts.get(drafts.size() - 1);
    }

    private static double room(Draft d) {
        return Math.max(1, d.target() - d.registrations().size());
    }

    /** Persons with identical identifiers would be linked as one, so identifiers are drawn until new. */
    private SamplePerson uniquePerson(String detection, Optional<String> citizenship, Optional<String> exploitedIn,
                                      LocalDate firstRegistration, Identifiers identifiers, Set<String> identityKeys,
                                      RandomGenerator random) {
        while (true) {
            SamplePerson person = generator.person(detection, citizenship, exploitedIn, firstRegistration, identifiers, random);
            if (!person.identifiable() || identityKeys.add(person.identityKey())) {
                return person;
            }
        }
    }

    private String csv(Draft draft, RandomGenerator random) {
        List<Registration> sorted = draft.registrations().stream()
                .sorted(Comparator.comparing(Registration::date)).toList();
        StringBuilder out = new StringBuilder();
        try {
            ExtractEncoding.appendCsvHeader(out);
            for (int i = 0; i < sorted.size(); i++) {
                Registration r = sorted.get(i);
                String recordId = String.format(Locale.ROOT, "%s-%d-Q%d-%04d", draft.agency().id().toUpperCase(Locale.ROOT),
                        draft.period().year(), draft.period().quarter(), i + 1);
                ExtractEncoding.appendCsv(generator.row(r.person(), draft.agency(), recordId, r.date(), random), out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    private static LocalDate dateIn(Period period, RandomGenerator random) {
        long days = period.lastDay().toEpochDay() - period.firstDay().toEpochDay() + 1;
        return period.firstDay().plusDays(random.nextLong(days));
    }

    /**
     * Streams a large extract of {@code rows} valid records to {@code file} in constant memory, for
     * benchmarks, as the first sample agency ({@code ua-police}) would upload it.
     *
     * @param ndjson {@code true} for {@code application/x-ndjson}, {@code false} for {@code text/csv}
     */
    public static void writeLargeExtract(Path file, long rows, long seed, Period period, boolean ndjson) {
        writeLargeExtract(file, rows, seed, period, ndjson, AGENCIES.get(0));
    }

    /**
     * Streams a large extract of {@code rows} valid records to {@code file} in constant memory. Every
     * row is a new person (no duplicates are planted); record ids are {@code L} + a 10-digit sequence.
     *
     * @param ndjson {@code true} for {@code application/x-ndjson}, {@code false} for {@code text/csv}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void writeLargeExtract(Path file, long rows, long seed, Period period, boolean ndjson,
                                         SampleAgency agency) {
        if (rows < 0) {
            throw new IllegalArgumentException("row count must not be negative, was " + rows);
        }
        CaseRowGenerator generator = new CaseRowGenerator(SyntheticProfile.load());
        RandomGenerator random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (!ndjson) {
                ExtractEncoding.appendCsvHeader(out);
            }
            for (long i = 1; i <= rows; i++) {
                LocalDate date = dateIn(period, random);
                SamplePerson person = generator.person(agency.country(), Optional.empty(), Optional.empty(), date,
                        Identifiers.VARIED, random);
                SampleRow row = generator.row(person, agency, String.format(Locale.ROOT, "L%010d", i), date, random);
                if (ndjson) {
                    ExtractEncoding.appendNdjson(row, out);
                } else {
                    ExtractEncoding.appendCsv(row, out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sample extract", e);
        }
    }
}
