package org.tipx.api.statistics;

import org.tipx.anonymizer.cellkey.PTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

import org.tipx.anonymizer.cellkey.ProtectionParameters;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.PublishedRelease;
import org.tipx.api.release.InMemoryReleases;

/**
 * Two releases of synthetic case records for comparisons, with known true counts:
 * <ul>
 *   <li>{@value #OLD} (created 2025): UA, MD and BY for 2015–2020, 80 persons per country-year.</li>
 *   <li>{@value #NEW} (created 2026, the latest): UA, MD and BY for 2015–2024, {@link #persons} per
 *       country-year; MD 2018 has only 3 persons, so its cell is always withheld (3 + D &lt; threshold).
 *       UA's agencies change in 2020 (an NGO starts reporting); MD's never change; BY has no
 *       coverage data.</li>
 * </ul>
 * Every fifth person is reported a second time by another agency (same pseudonym and record key),
 * so victims and registrations differ. Sex alternates three women to two men. About a third of the
 * persons received shelter and medical care (their record key divisible by 3), the others none.
 */
public final class ComparisonFixture {

    public static final String OLD = "r2025";
    public static final String NEW = "r2026";
    public static final List<String> COUNTRIES = List.of("UA", "MD", "BY");
    public static final int WITHHELD_YEAR = 2018;
    public static final int COVERAGE_CHANGE_YEAR = 2020;

    private ComparisonFixture() {
    }

    /** Persons of the latest release in a country and year: a rising series, MD 2018 tiny. */
    public static int persons(String country, int year) {
        if (country.equals("MD") && year == WITHHELD_YEAR) {
            return 3;
        }
        int base = switch (country) {
            case "UA" -> 60;
            case "MD" -> 40;
            default -> 25;
        };
        return base + 4 * (year - 2015);
    }

    /** The two releases, with UA's and MD's reporting agencies in the latest. */
    public static InMemoryReleases releases() {
        Map<String, Map<Integer, Set<String>>> coverage = new HashMap<>();
        Map<Integer, Set<String>> ua = new HashMap<>();
        Map<Integer, Set<String>> md = new HashMap<>();
        for (int year = 2015; year <= 2024; year++) {
            ua.put(year, year < COVERAGE_CHANGE_YEAR ? Set.of("ua-police") : Set.of("ua-police", "ua-ngo"));
            md.put(year, Set.of("md-police"));
        }
        coverage.put("UA", ua);
        coverage.put("MD", md);
        return new InMemoryReleases()
                .add(release(OLD, "2025-01-15T00:00:00Z"), records(7, 2015, 2020, (c, y) -> 80))
                .add(release(NEW, "2026-01-15T00:00:00Z"), latestRecords(), coverage);
    }

    /** The records of the latest release. */
    public static List<CaseRecord> latestRecords() {
        return records(11, 2015, 2024, ComparisonFixture::persons);
    }

    private static PublishedRelease release(String id, String created) {
        return new PublishedRelease(id, Instant.parse(created), ProtectionParameters.DEFAULTS);
    }

    private interface Size {
        int of(String country, int year);
    }

    private static List<CaseRecord> records(long seed, int from, int to, Size size) {
        Random random = new Random(seed);
        List<CaseRecord> records = new ArrayList<>();
        for (String country : COUNTRIES) {
            for (int year = from; year <= to; year++) {
                for (int p = 0; p < size.of(country, year); p++) {
                    String pseudonym = String.format(Locale.ROOT, "%s%d%04d%052x", country, year, p, seed);
                    int key = random.nextInt(PTable.KEY_SPACE);
                    String sex = p % 5 < 3 ? "female" : "male";
                    List<String> forms = p % 2 == 0 ? List.of("sexual") : List.of("labour", "sexual");
                    int copies = p % 5 == 4 ? 2 : 1;
                    for (int c = 0; c < copies; c++) {
                        records.add(record(pseudonym, key, year, sex, country, forms));
                    }
                }
            }
        }
        return records;
    }

    /** The true number of victims (distinct pseudonyms) in a country and year, for assertions. */
    public static long trueVictims(List<CaseRecord> records, String country, int year) {
        return records.stream()
                .filter(r -> r.countryOfIdentification().equals(country) && r.registrationYear() == year)
                .map(CaseRecord::pseudonym).distinct().count();
    }

    /** A record of a person identified in {@code country}, aged 21–29, citizen of the same country. */
    public static CaseRecord record(String pseudonym, int key, int year, String sex, String country, List<String> forms) {
        // About a third of the persons received shelter and medical care, the others none (by record key, so the
        // same on every record of a person).
        List<String> assistance = key % 3 == 0 ? List.of("shelter", "medical") : List.of("none");
        return new CaseRecord(pseudonym, true, key, year, Optional.empty(), "registered", Optional.of("police"),
                sex, OptionalInt.empty(), Optional.of("21-29"), Optional.empty(), Optional.of(country), country,
                Optional.empty(), forms, List.of(), List.of(), List.of(), List.of(), assistance);
    }
}
