package org.tipx.api.privacy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.ingest.ExtractContext;
import org.tipx.api.ingest.ExtractFormat;
import org.tipx.api.ingest.ExtractIngestor;
import org.tipx.api.ingest.ExtractValidator;
import org.tipx.api.ingest.IngestOutcome;
import org.tipx.api.domain.Period;
import org.tipx.api.pseudonym.HmacPseudonymiser;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.sample.SampleAgency;
import org.tipx.api.sample.SampleExtract;
import org.tipx.api.sample.SyntheticExtracts;
import org.tipx.api.domain.Dimension;

/**
 * A seeded world of case records on a running tipx server, built only through its HTTP API, with the
 * truth kept on the suite's side.
 *
 * <ul>
 *   <li><b>Base population</b>: the synthetic sample of {@link SyntheticExtracts} (six agencies in UA, MD,
 *   PL, DE, NL, 2025-Q1 to 2026-Q2, about a fifth of persons reported twice), plus, for larger worlds,
 *   bulk extracts of one more agency per country in the same quarters.</li>
 *   <li><b>Release 1</b> is built from the base population before any target is uploaded.</li>
 *   <li><b>Planted targets</b>: each has a citizenship that no one else identified in their country has
 *   (a pair citizenship × country of identification unique in the world), a registration year (2025 or
 *   2026), sex, age, form of exploitation, identifying agency type, status, country of exploitation, and a
 *   name and birth date of their own. A seeded coin makes each one PRESENT (uploaded) or ABSENT (never
 *   uploaded).</li>
 *   <li><b>Release 2</b> adds, after release 1, extracts of a later quarter (2026-Q3, each sample agency) with
 *   ordinary new records and the present targets of 2026, and late registrations: 2025-Q4 extracts of one
 *   new agency per country, ordinary records of 2025 and the present targets of 2025.</li>
 * </ul>
 * The server must be fresh (no release yet): the truth is the records uploaded here and nothing else.
 */
public final class AttackWorld {

    /**
     * The size of a world.
     *
     * @param seed             everything random derives from it: the same seed gives the same world
     * @param targets          planted persons, each present with probability one half
     * @param bulkBaseRecords  records beyond the synthetic sample (about 1,100 records of 950 persons), spread
     *                         over one bulk agency per country and the sample's six quarters; 0 for none
     * @param newBaseRecords   ordinary records of 2026-Q3 added for release 2
     * @param lateBaseRecords  ordinary late registrations of 2025-Q4 added for release 2
     */
    public record Settings(long seed, int targets, int bulkBaseRecords, int newBaseRecords, int lateBaseRecords) {
        public Settings {
            if (targets < 1 || bulkBaseRecords < 0 || newBaseRecords < 0 || lateBaseRecords < 0) {
                throw new IllegalArgumentException("sizes must be positive: " + targets + ", " + bulkBaseRecords);
            }
        }
    }

    /** One extract as an agency uploads it. */
    private record Upload(SampleAgency agency, Period period, String csv) {
    }

    /** No one is a citizen of these: the attacker may use them as canaries (see {@link RowListingAttack}). */
    static final Set<String> UNINHABITED = Set.of("AQ", "BV", "HM", "TF", "UM");
    static final Period LATER_QUARTER = new Period(2026, 3);
    static final Period LATE_QUARTER = new Period(2025, 4);
    private static final List<String> AGENCY_TYPES = List.of("ngo", "police", "social_services", "international_org",
            "labour_inspection");
    private static final List<String> IDENTIFIED_BY = List.of("police", "ngo", "international_org", "social_services",
            "labour_inspection", "border_migration", "hotline", "prosecution_court");
    private static final List<String> FORMS = List.of("sexual", "sexual", "sexual", "forced_labour", "forced_labour",
            "forced_criminality", "forced_begging", "servitude");
    /** One form each, so that a target's assistance is a single code an attacker can know. */
    private static final List<String> ASSISTANCE = List.of("shelter", "shelter", "medical", "psychological", "legal",
            "reintegration", "return", "none", "declined");
    private static final List<String> SYLLABLES = List.of("ka", "lo", "mi", "ra", "ne", "to", "vi", "sa", "de", "lu",
            "ko", "ta", "ri", "no", "be", "ma", "zo", "pe", "li", "ga", "nu", "di", "fo", "ha");
    private static final List<String> TARGET_COLUMNS = List.of("record_id", "registration_date", "status", "identified_by",
            "given_name", "family_name", "birth_date", "sex", "age", "minor_at_exploitation", "citizenship",
            "country_of_identification", "country_of_exploitation", "exploitation", "assistance");

    private final Settings settings;
    private final List<String> countries;
    private final List<KnownTarget> targets;
    private final Membership membership;
    private final Truth release1Truth;
    private final Truth release2Truth;
    private final String release1;
    private final String release2;

    private AttackWorld(Settings settings, List<String> countries, List<KnownTarget> targets, Membership membership,
                        Truth release1Truth, Truth release2Truth, String release1, String release2) {
        this.settings = settings;
        this.countries = countries;
        this.targets = targets;
        this.membership = membership;
        this.release1Truth = release1Truth;
        this.release2Truth = release2Truth;
        this.release1 = release1;
        this.release2 = release2;
    }

    Settings settings() {
        return settings;
    }

    /** The countries of identification of the world's agencies. */
    List<String> countries() {
        return countries;
    }

    List<KnownTarget> targets() {
        return targets;
    }

    Membership membership() {
        return membership;
    }

    /** Release 1 (before the targets) and release 2 (the latest): their ids are public, every answer names them. */
    String release1() {
        return release1;
    }

    String release2() {
        return release2;
    }

    Truth truth(String release) {
        if (release.equals(release1)) {
            return release1Truth;
        }
        if (release.equals(release2) || release.equals("latest")) {
            return release2Truth;
        }
        throw new IllegalArgumentException("not a release of this world");
    }

    /**
     * Generates the world, uploads it through {@code http} (the admin token registers the agencies and builds
     * the releases; each agency uploads with its own token) and returns it with its truth.
     *
     * @param workDir scratch space for the bulk extracts' files
     * @param log     progress lines (counts only)
     */
    static AttackWorld build(TipxHttp http, String adminToken, Settings settings, Path workDir, PrintStream log) {
        requireFresh(http);
        SplittableRandom random = new SplittableRandom(settings.seed());
        Ingestion ingestion = new Ingestion();
        List<SampleAgency> sampleAgencies = SyntheticExtracts.agencies();
        List<String> countries = sampleAgencies.stream().map(SampleAgency::country).distinct().toList();

        List<Upload> phase1 = new ArrayList<>();
        for (SampleExtract extract : new SyntheticExtracts(settings.seed()).generate()) {
            phase1.add(new Upload(extract.agency(), extract.period(), extract.csv()));
        }
        List<SampleAgency> bulkAgencies = agenciesPerCountry("bulk", "Bulk reporting", countries);
        if (settings.bulkBaseRecords() > 0) {
            List<Period> periods = SyntheticExtracts.periods();
            int extracts = bulkAgencies.size() * periods.size();
            for (int i = 0; i < extracts; i++) {
                long rows = (long) settings.bulkBaseRecords() / extracts + (i < settings.bulkBaseRecords() % extracts ? 1 : 0);
                phase1.add(bulk(bulkAgencies.get(i % bulkAgencies.size()), periods.get(i / bulkAgencies.size()), rows,
                        random.nextLong(), workDir));
            }
        }
        List<SampleAgency> lateAgencies = agenciesPerCountry("late", "Late reporting", countries);
        Map<String, StringBuilder> phase2 = new LinkedHashMap<>();
        Map<String, Upload> phase2Keys = new LinkedHashMap<>();
        for (int i = 0; i < sampleAgencies.size(); i++) {
            long rows = (long) settings.newBaseRecords() / sampleAgencies.size() + (i < settings.newBaseRecords() % sampleAgencies.size() ? 1 : 0);
            Upload upload = bulk(sampleAgencies.get(i), LATER_QUARTER, rows, random.nextLong(), workDir);
            phase2Keys.put(key(upload), upload);
            phase2.put(key(upload), new StringBuilder(upload.csv()));
        }
        for (int i = 0; i < lateAgencies.size(); i++) {
            long rows = (long) settings.lateBaseRecords() / lateAgencies.size() + (i < settings.lateBaseRecords() % lateAgencies.size() ? 1 : 0);
            Upload upload = bulk(lateAgencies.get(i), LATE_QUARTER, rows, random.nextLong(), workDir);
            phase2Keys.put(key(upload), upload);
            phase2.put(key(upload), new StringBuilder(upload.csv()));
        }

        // Which citizenships each country of identification already has, so that every target's pair is new.
        Map<String, Set<String>> citizenshipsByCountry = new HashMap<>();
        List<Upload> base = new ArrayList<>(phase1);
        base.addAll(phase2Keys.values());
        for (Upload upload : base) {
            for (CaseRecord r : ingestion.records(upload)) {
                citizenshipsByCountry.computeIfAbsent(r.countryOfIdentification(), c -> new HashSet<>())
                        .add(r.citizenship().orElse(""));
            }
        }

        List<String> isoCodes = new ArrayList<>(new TreeSet<>(Arrays.asList(Locale.getISOCountries())));
        Set<String> names = new HashSet<>();
        List<KnownTarget> targets = new ArrayList<>();
        Map<Integer, Boolean> present = new HashMap<>();
        for (int id = 0; id < settings.targets(); id++) {
            String country = countries.get(id % countries.size());
            Set<String> taken = citizenshipsByCountry.computeIfAbsent(country, c -> new HashSet<>());
            List<String> free = isoCodes.stream()
                    .filter(code -> !taken.contains(code) && !code.equals(country) && !UNINHABITED.contains(code)).toList();
            if (free.isEmpty()) {
                throw new IllegalStateException("more targets than free citizenships in " + country);
            }
            String citizenship = free.get(random.nextInt(free.size()));
            taken.add(citizenship);
            boolean late = random.nextBoolean();
            SampleAgency agency = late ? lateAgencies.get(countries.indexOf(country))
                    : sampleAgencies.stream().filter(a -> a.country().equals(country)).findFirst().orElseThrow();
            Period period = late ? LATE_QUARTER : LATER_QUARTER;
            String row = targetRow(id, country, citizenship, period, random, names);
            Upload alone = new Upload(agency, period, String.join(",", TARGET_COLUMNS) + "\r\n" + row);
            targets.add(new KnownTarget(id, codesOf(ingestion.records(alone).getFirst())));
            boolean isPresent = random.nextBoolean();
            present.put(id, isPresent);
            if (isPresent) {
                StringBuilder csv = phase2.get(key(alone));
                csv.append(inColumnsOf(header(csv), row));
            }
        }
        List<Upload> phase2Uploads = phase2Keys.values().stream()
                .map(u -> new Upload(u.agency(), u.period(), phase2.get(key(u)).toString())).toList();

        List<CaseRecord> release1Records = new ArrayList<>();
        phase1.forEach(u -> release1Records.addAll(ingestion.records(u)));
        List<CaseRecord> release2Records = new ArrayList<>(release1Records);
        phase2Uploads.forEach(u -> release2Records.addAll(ingestion.records(u)));
        Truth truth1 = Truth.of(release1Records);
        Truth truth2 = Truth.of(release2Records);

        Map<String, String> tokens = new HashMap<>();
        List<SampleAgency> all = new ArrayList<>(sampleAgencies);
        if (settings.bulkBaseRecords() > 0) {
            all.addAll(bulkAgencies);
        }
        all.addAll(lateAgencies);
        for (SampleAgency agency : all) {
            tokens.put(agency.id(), register(http, adminToken, agency));
        }
        phase1.forEach(u -> upload(http, tokens.get(u.agency().id()), u));
        String release1 = release(http, adminToken);
        log.printf(Locale.ROOT, "world: release 1 %d victims, %d registrations from %d extracts%n",
                truth1.victims(), truth1.registrations(), phase1.size());
        phase2Uploads.forEach(u -> upload(http, tokens.get(u.agency().id()), u));
        String release2 = release(http, adminToken);
        long presentCount = present.values().stream().filter(p -> p).count();
        log.printf(Locale.ROOT, "world: release 2 %d victims, %d registrations (+%d extracts; %d of %d targets present), seed %d%n",
                truth2.victims(), truth2.registrations(), phase2Uploads.size(), presentCount, targets.size(), settings.seed());
        return new AttackWorld(settings, countries, List.copyOf(targets), new Membership(present), truth1, truth2,
                release1, release2);
    }

    private static String key(Upload upload) {
        return upload.agency().id() + "|" + upload.period();
    }

    private static List<SampleAgency> agenciesPerCountry(String prefix, String name, List<String> countries) {
        List<SampleAgency> agencies = new ArrayList<>();
        for (int i = 0; i < countries.size(); i++) {
            String country = countries.get(i);
            agencies.add(new SampleAgency(prefix + "-" + country.toLowerCase(Locale.ROOT), name + " (" + country + ")",
                    country, AGENCY_TYPES.get(i % AGENCY_TYPES.size())));
        }
        return List.copyOf(agencies);
    }

    /** A streamed synthetic extract; its record ids get the period, so that no two extracts of an agency share one. */
    private static Upload bulk(SampleAgency agency, Period period, long rows, long seed, Path workDir) {
        try {
            Path file = Files.createTempFile(workDir, "extract", ".csv");
            SyntheticExtracts.writeLargeExtract(file, rows, seed, period, false, agency);
            String csv = Files.readString(file, StandardCharsets.UTF_8)
                    .replaceAll("(?m)^L(\\d{10}),", "L" + period.year() + "Q" + period.quarter() + "-$1,");
            Files.delete(file);
            return new Upload(agency, period, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a bulk extract", e);
        }
    }

    /** One planted person's row, in {@link #TARGET_COLUMNS}. */
    private static String targetRow(int id, String country, String citizenship, Period period, SplittableRandom random,
                                    Set<String> names) {
        long days = ChronoUnit.DAYS.between(period.firstDay(), period.lastDay()) + 1;
        LocalDate registered = period.firstDay().plusDays(random.nextLong(days));
        int wantedAge = 15 + random.nextInt(41);
        LocalDate born = registered.minusYears(wantedAge).minusDays(random.nextInt(365));
        int age = (int) ChronoUnit.YEARS.between(born, registered);
        String given;
        String family;
        do {
            given = name(random, 2);
            family = name(random, 3);
        } while (!names.add(given + " " + family));
        String sex = random.nextDouble() < 0.65 ? "female" : "male";
        String exploitedIn = random.nextDouble() < 0.6 ? country : List.of("DE", "PL", "NL", "CZ").get(random.nextInt(4));
        Map<String, String> v = new LinkedHashMap<>();
        v.put("record_id", String.format(Locale.ROOT, "T%05d", id));
        v.put("registration_date", registered.toString());
        v.put("status", random.nextBoolean() ? "confirmed" : "presumed");
        v.put("identified_by", IDENTIFIED_BY.get(random.nextInt(IDENTIFIED_BY.size())));
        v.put("given_name", given);
        v.put("family_name", family);
        v.put("birth_date", born.toString());
        v.put("sex", sex);
        v.put("age", Integer.toString(age));
        v.put("minor_at_exploitation", age < 18 ? "yes" : "no");
        v.put("citizenship", citizenship);
        v.put("country_of_identification", country);
        v.put("country_of_exploitation", exploitedIn);
        v.put("exploitation", FORMS.get(random.nextInt(FORMS.size())));
        v.put("assistance", ASSISTANCE.get(random.nextInt(ASSISTANCE.size())));
        List<String> cells = TARGET_COLUMNS.stream().map(v::get).toList();
        return String.join(",", cells) + "\r\n";
    }

    private static String name(SplittableRandom random, int syllables) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            name.append(SYLLABLES.get(random.nextInt(SYLLABLES.size())));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static List<String> header(CharSequence csv) {
        String text = csv.toString();
        return List.of(text.substring(0, text.indexOf('\r')).split(",", -1));
    }

    /** A row written in {@link #TARGET_COLUMNS} moved into the columns of another extract's header. */
    private static String inColumnsOf(List<String> header, String row) {
        String[] values = row.strip().split(",", -1);
        Map<String, String> byColumn = new HashMap<>();
        for (int i = 0; i < TARGET_COLUMNS.size(); i++) {
            byColumn.put(TARGET_COLUMNS.get(i), values[i]);
        }
        if (!header.containsAll(TARGET_COLUMNS)) {
            throw new IllegalStateException("the base extract lacks a column of the targets");
        }
        return String.join(",", header.stream().map(c -> byColumn.getOrDefault(c, "")).toList()) + "\r\n";
    }

    private static Map<String, String> codesOf(CaseRecord record) {
        Map<String, String> codes = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            codes.put(d.id(), d.codes(record).getFirst());
        }
        // Not a dimension of the tables, but a column of the microdata, and known to whoever knows the person.
        record.age().ifPresent(age -> codes.put(KnownTarget.AGE, Integer.toString(age)));
        return codes;
    }

    private static void requireFresh(TipxHttp http) {
        TipxHttp.Reply releases = http.get("/v1/releases", Optional.empty());
        if (releases.ok() && !releases.body().replaceAll("\\s", "").equals("{\"items\":[]}")) {
            throw new IllegalStateException("the server already has releases: the attack world needs a fresh one");
        }
    }

    private static String register(TipxHttp http, String adminToken, SampleAgency agency) {
        String body = Json.createObjectBuilder().add("id", agency.id()).add("name", agency.name())
                .add("country", agency.country()).add("type", agency.type()).build().toString();
        TipxHttp.Reply reply = http.post("/v1/agencies", Optional.of(adminToken), "application/json", body);
        if (reply.status() != 201) {
            throw new IllegalStateException("registering agency " + agency.id() + " answered " + reply.status());
        }
        return json(reply.body()).getString("token");
    }

    private static void upload(TipxHttp http, String token, Upload upload) {
        TipxHttp.Reply reply = http.post("/v1/extracts?period=" + upload.period(), Optional.of(token), "text/csv",
                upload.csv());
        if (reply.status() != 201 && reply.status() != 200) {
            throw new IllegalStateException("upload of " + upload.agency().id() + " " + upload.period() + " answered "
                    + reply.status() + ": " + reply.body());
        }
    }

    /** Builds a release through a release job (or, from a server that builds at once, its answer) and returns its id. */
    static String release(TipxHttp http, String adminToken) {
        TipxHttp.Reply accepted = http.post("/v1/releases", Optional.of(adminToken), "application/json", "");
        if (accepted.status() == 200 || accepted.status() == 201) {
            return json(accepted.body()).getString("id");
        }
        if (accepted.status() != 202 || accepted.location().isEmpty()) {
            throw new IllegalStateException("POST /v1/releases answered " + accepted.status() + ": " + accepted.body());
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject job = json(http.get(accepted.location().get(), Optional.of(adminToken)).body());
            switch (job.getString("state", "")) {
                case "succeeded" -> {
                    return job.getString("releaseId");
                }
                case "failed", "abandoned" -> throw new IllegalStateException("release job ended " + job);
                default -> {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", e);
                    }
                }
            }
        }
        throw new IllegalStateException("release job did not end in 30 minutes");
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    /**
     * Reads extracts as the server's ingestion does: its validator, its linkage rule (under the suite's own
     * secret: other pseudonyms, the same persons), the agency's country as the default country of identification.
     */
    private static final class Ingestion {
        private final ExtractIngestor ingestor = new ExtractIngestor(
                new ExtractValidator(CodeLists.load(), ExtractValidator.jdkCountries(), Clock.systemUTC()), Long.MAX_VALUE);
        private final HmacPseudonymiser pseudonymiser;

        Ingestion() {
            byte[] secret = new byte[PseudonymSecret.MIN_BYTES];
            new java.security.SecureRandom().nextBytes(secret);
            this.pseudonymiser = new HmacPseudonymiser(PseudonymSecret.ofBytes(secret));
        }

        List<CaseRecord> records(Upload upload) {
            List<CaseRecord> records = new ArrayList<>();
            IngestOutcome outcome = ingestor.ingest(new ByteArrayInputStream(upload.csv().getBytes(StandardCharsets.UTF_8)),
                    ExtractFormat.CSV, new ExtractContext(upload.agency().id(), upload.agency().country(), upload.period()),
                    pseudonymiser, records::add);
            if (!outcome.valid()) {
                throw new IllegalStateException("generated extract " + upload.agency().id() + " " + upload.period()
                        + " is invalid: " + outcome.problems());
            }
            return records;
        }
    }
}
