package org.tipx.api.release;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tipx.anonymizer.AnonymizationConfig;
import org.tipx.anonymizer.AnonymizationException;
import org.tipx.anonymizer.AnonymizationResult;
import org.tipx.anonymizer.Anonymizer;
import org.tipx.anonymizer.Dataset;
import org.tipx.anonymizer.PrivacyModel;
import org.tipx.anonymizer.QualityMetric;
import org.tipx.anonymizer.UnsafeOutputException;
import org.tipx.anonymizer.VerificationResult;
import org.tipx.anonymizer.Verifier;
import org.tipx.anonymizer.cellkey.CellKeyProtector;
import org.tipx.anonymizer.cellkey.PTableParameters;
import org.tipx.api.anonymize.CaseRecordHierarchies;
import org.tipx.api.anonymize.CaseRecordTable;
import org.tipx.api.domain.CaseRecord;
import org.tipx.api.domain.Dimension;
import org.tipx.api.domain.Measure;
import org.tipx.api.format.ManifestJson;
import org.tipx.api.format.MicrodataCsv;
import org.tipx.api.release.ReleaseManifest.CellKey;
import org.tipx.api.release.ReleaseManifest.CellKeyEffect;
import org.tipx.api.release.ReleaseManifest.Counts;
import org.tipx.api.release.ReleaseManifest.InputExtract;
import org.tipx.api.release.ReleaseManifest.Microdata;
import org.tipx.api.release.ReleaseManifest.ProtectedCounts;
import org.tipx.api.release.ReleaseManifest.QuasiIdentifier;
import org.tipx.api.statistics.TableEffect;
import org.tipx.api.statistics.TablePublisher;
import org.tipx.api.store.Agency;
import org.tipx.api.store.NewRelease;
import org.tipx.api.store.StoredExtract;
import org.tipx.api.store.TipxStore;

/**
 * Freezes the current extracts into a release: counts, k-anonymised microdata checked by the
 * independent verifier, the measured effect of the cell key method, and a manifest of it all.
 *
 * <h2>Steps</h2>
 * <ol>
 *   <li>Read the current extract of every (agency, period), ordered by agency id, then period: the
 *       manifest order, which fixes every later step.</li>
 *   <li>Count {@code registrations} (records) and {@code victims} (distinct pseudonyms: a person
 *       reported by two agencies, or in two periods, counts once).</li>
 *   <li>Protect both totals with the cell key method, as the public statistics publish them: the
 *       manifest's public view shows these, never the exact counts.</li>
 *   <li>Microdata: one row per person, so that k-anonymity counts persons, not records (a person
 *       reported three times would otherwise fill a class of 11 with 3 copies of themself). The
 *       person's representative record is {@value #REPRESENTATIVE_RULE_TEXT}</li>
 *   <li>Anonymise with the {@link CaseRecordTable} quasi-identifiers and {@link CaseRecordHierarchies},
 *       k and suppression limit from {@link ReleaseSettings}, then run {@link Verifier#requireSafe} on
 *       the output as published, with every column counted as a quasi-identifier: a failing check throws
 *       {@link ReleaseException} before anything is written.</li>
 *   <li>Measure the cell key method on {@link #MEASURED_DIMENSIONS tables} of the release, published
 *       as the statistics API publishes them ({@link TablePublisher#releaseFigures}); true counts serve only
 *       the aggregate figures of the manifest.</li>
 *   <li>Store release, extract list and microdata in one transaction.</li>
 * </ol>
 *
 * <p>Builds are serialised (one at a time per builder). Thread-safe.
 */
public final class ReleaseBuilder {

    /** The share of records that CTDC's published k-anonymised microdata loses to suppression. */
    public static final double CTDC_SUPPRESSED_SHARE = 0.41;

    static final String REPRESENTATIVE_RULE_TEXT = "the person's record with the earliest registration year; "
            + "among several, the first in manifest order (agency id, period, upload order).";

    /** Each is crossed with year × country_of_identification in a table of victims to measure the method. */
    static final List<Dimension> MEASURED_DIMENSIONS = List.of(Dimension.SEX, Dimension.AGE_BAND,
            Dimension.MINOR_AT_EXPLOITATION, Dimension.CITIZENSHIP, Dimension.COUNTRY_OF_EXPLOITATION,
            Dimension.EXPLOITATION, Dimension.IDENTIFIED_BY, Dimension.STATUS, Dimension.ASSISTANCE);

    private static final System.Logger LOG = System.getLogger(ReleaseBuilder.class.getName());

    /** Tries for a free id of the day before giving up (another process creating releases at once). */
    private static final int ID_ATTEMPTS = 5;

    /** The anonymisation proper; a seam so that a test can hand the verifier a tampered output. */
    @FunctionalInterface
    interface AnonymizationStep {
        AnonymizationResult apply(Dataset table, AnonymizationConfig config);
    }

    private final TipxStore store;
    private final ReleaseSettings settings;
    private final Clock clock;
    private final AnonymizationStep anonymization;
    private final CaseRecordHierarchies hierarchies = CaseRecordHierarchies.load();
    private final CellKeyProtector protector;

    public ReleaseBuilder(TipxStore store, ReleaseSettings settings, Clock clock) {
        this(store, settings, clock, Anonymizer::anonymize);
    }

    ReleaseBuilder(TipxStore store, ReleaseSettings settings, Clock clock, AnonymizationStep anonymization) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.anonymization = Objects.requireNonNull(anonymization, "anonymization");
        this.protector = new CellKeyProtector(settings.protection());
    }

    public ReleaseSettings settings() {
        return settings;
    }

    /**
     * Builds and stores a release of the current extracts.
     *
     * @return the stored release's manifest
     * @throws ReleaseException if there is nothing to release or the microdata fails verification;
     *                          nothing is stored then
     */
    public synchronized ReleaseManifest build() {
        List<StoredExtract> extracts = store.currentExtracts();
        if (extracts.isEmpty()) {
            throw new ReleaseException(ReleaseException.Reason.NO_CURRENT_EXTRACTS,
                    "there are no current extracts to release: agencies must upload first", null);
        }
        Map<String, String> countryOfAgency = new HashMap<>();
        for (Agency agency : store.agencies()) {
            countryOfAgency.put(agency.id(), agency.country());
        }
        long start = System.nanoTime();
        // Extracts are read side by side (each on its own pooled connection), then joined in manifest order.
        List<List<CaseRecord>> perExtract = extracts.parallelStream().map(extract -> {
            List<CaseRecord> read = new ArrayList<>((int) Math.min(extract.rows(), Integer.MAX_VALUE - 8));
            store.records(extract.id(), read::add);
            return read;
        }).toList();
        List<CaseRecord> records = new ArrayList<>(perExtract.stream().mapToInt(List::size).sum());
        perExtract.forEach(records::addAll);
        Persons persons = Persons.of(records);
        long read = System.nanoTime();

        AnonymizationConfig config = config();
        AnonymizationResult result;
        try {
            result = anonymization.apply(CaseRecordTable.of(persons.representatives(records)), config);
        } catch (AnonymizationException e) {
            // With fewer than k persons even full generalisation leaves a class below k.
            throw new ReleaseException(ReleaseException.Reason.CANNOT_ANONYMISE, String.format(Locale.ROOT,
                    "no generalisation makes the microdata of %d persons %d-anonymous within the %s suppression "
                            + "limit, nothing was released", persons.count(), settings.k(),
                    settings.suppressionLimit()), e);
        }
        // The verifier checks the table exactly as it will be published, counting classes over every column of
        // it rather than over the configuration's quasi-identifiers: an attacker may know any published column,
        // so a column left out of the configuration by mistake fails the release instead of going out unchecked.
        Dataset published = MicrodataCsv.published(result.output());
        VerificationResult verified;
        try {
            verified = Verifier.requireSafe(published, published.columns(), config.models(),
                    config.suppressionLimit());
        } catch (UnsafeOutputException e) {
            throw new ReleaseException(ReleaseException.Reason.UNSAFE_OUTPUT,
                    "the anonymised microdata failed the independent verification, nothing was released: "
                            + String.join("; ", e.problems()), e);
        }
        String microdata = MicrodataCsv.write(published);
        long anonymised = System.nanoTime();

        // No table limit: the measurement reads whole tables, which the public API might refuse.
        TablePublisher.ReleaseFigures figures = new TablePublisher(Integer.MAX_VALUE, 1.0).releaseFigures(records,
                MEASURED_DIMENSIONS.stream().map(ReleaseBuilder::measuredTable).toList(), protector);
        CellKeyEffect effect = cellKeyEffect(figures.effect());
        long measured = System.nanoTime();
        List<InputExtract> inputs = extracts.stream().map(e -> new InputExtract(e.id(), e.agency(),
                countryOfAgency.getOrDefault(e.agency(), "XX"), e.period().toString(), e.sha256(), e.rows())).toList();
        long rows = published.size();
        List<QuasiIdentifier> qis = new ArrayList<>();
        config.quasiIdentifiers().forEach((column, hierarchy) -> qis.add(new QuasiIdentifier(column,
                result.report().levels().get(column), hierarchy.height() - 1)));
        Microdata md = new Microdata(REPRESENTATIVE_RULE_TEXT, settings.k(), qis, settings.suppressionLimit(),
                verified.suppressed(), rows == 0 ? 0 : (double) verified.suppressed() / rows, CTDC_SUPPRESSED_SHARE,
                verified.classes(), verified.smallestClass(), result.report().loss(), result.report().optimal());
        PTableParameters p = settings.protection().ptable();
        CellKey cellKey = new CellKey(p.maxPerturbation(), p.variance(), p.smallestPublishedNonZero(), p.pStay(),
                settings.protection().threshold(), effect);
        Counts counts = new Counts(records.size(), persons.count(), rows);
        ProtectedCounts protectedCounts = new ProtectedCounts(figures.victims(), figures.registrations());

        Instant created = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate day = LocalDate.ofInstant(created, ZoneOffset.UTC);
        List<String> extractIds = extracts.stream().map(StoredExtract::id).toList();
        for (int attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
            String id = day + "." + (store.releasesOn(day) + 1 + attempt);
            ReleaseManifest manifest = new ReleaseManifest(id, created, inputs, counts, Optional.of(protectedCounts), md,
                    cellKey);
            if (store.createRelease(new NewRelease(id, created, ManifestJson.write(manifest), extractIds, microdata))) {
                // Timings and sizes only: nothing of the records.
                LOG.log(System.Logger.Level.INFO, () -> String.format(Locale.ROOT, "release %s: %d extracts, "
                                + "%d records read and grouped in %.1f s, anonymised and verified in %.1f s, cell key "
                                + "effect measured in %.1f s, stored in %.1f s", id, extracts.size(), records.size(),
                        seconds(start, read), seconds(read, anonymised), seconds(anonymised, measured),
                        seconds(measured, System.nanoTime())));
                return manifest;
            }
        }
        throw new ReleaseException(ReleaseException.Reason.ID_CONFLICT,
                "other releases took every id tried for " + day + "; try again", null);
    }

    private static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }

    private AnonymizationConfig config() {
        AnonymizationConfig.Builder builder = AnonymizationConfig.builder();
        hierarchies.byColumn().forEach(builder::quasiIdentifier);
        return builder.model(new PrivacyModel.KAnonymity(settings.k()))
                .suppressionLimit(settings.suppressionLimit())
                .metric(QualityMetric.LOSS)
                .build();
    }

    /**
     * The year × country_of_identification × d tables of victims for each measured dimension d, as
     * the manifest states their protection's effect.
     */
    private static CellKeyEffect cellKeyEffect(TableEffect effect) {
        long published = effect.cells() - effect.withheld();
        List<String> tables = MEASURED_DIMENSIONS.stream()
                .map(d -> String.join(" × ", measuredTable(d).stream().map(Dimension::id).toList()))
                .toList();
        return new CellKeyEffect(Measure.VICTIMS.name().toLowerCase(Locale.ROOT), tables, effect.cells(),
                effect.withheld(), published == 0 ? 0 : (double) effect.changed() / published,
                published == 0 ? 0 : (double) effect.absoluteChange() / published);
    }

    /** The dimensions of the measured table for {@code d}. */
    static List<Dimension> measuredTable(Dimension d) {
        return List.of(Dimension.YEAR, Dimension.COUNTRY_OF_IDENTIFICATION, d);
    }

    /**
     * The persons of a release: each person's representative record, as an index, persons numbered in
     * order of their first record.
     */
    record Persons(int[] representative) {

        static Persons of(List<CaseRecord> records) {
            Map<String, Integer> index = new HashMap<>(Math.max(16, records.size() * 4 / 3));
            int[] representative = new int[records.size()];
            int persons = 0;
            for (int r = 0; r < records.size(); r++) {
                CaseRecord record = records.get(r);
                Integer known = index.putIfAbsent(record.pseudonym(), persons);
                if (known == null) {
                    representative[persons++] = r;
                } else {
                    // Strictly earlier only: on a tie the first record in manifest order stays.
                    if (record.registrationYear() < records.get(representative[known]).registrationYear()) {
                        representative[known] = r;
                    }
                }
            }
            return new Persons(Arrays.copyOf(representative, persons));
        }

        int count() {
            return representative.length;
        }

        List<CaseRecord> representatives(List<CaseRecord> records) {
            List<CaseRecord> reps = new ArrayList<>(representative.length);
            for (int r : representative) {
                reps.add(records.get(r));
            }
            return reps;
        }
    }
}
