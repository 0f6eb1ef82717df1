package org.tipx.api.bench;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tipx.api.domain.Period;
import org.tipx.api.ingest.CodeLists;
import org.tipx.api.ingest.ExtractFormat;
import org.tipx.api.ingest.ExtractIngestor;
import org.tipx.api.ingest.ExtractValidator;
import org.tipx.api.pseudonym.HmacPseudonymiser;
import org.tipx.api.pseudonym.PseudonymSecret;
import org.tipx.api.release.ReleaseBuilder;
import org.tipx.api.release.ReleaseManifest;
import org.tipx.api.release.ReleaseSettings;
import org.tipx.api.sample.SampleAgency;
import org.tipx.api.sample.SyntheticExtracts;
import org.tipx.api.store.Agency;
import org.tipx.api.store.TipxStore;
import org.tipx.api.store.TipxStores;
import org.tipx.api.upload.ExtractUploads;
import org.tipx.api.upload.UploadResult;

/**
 * Time to build a release of RECORDS synthetic records on the embedded H2 store: every sample agency
 * uploads one extract in each of four quarters spread over 2022-2025, through the real ingestion
 * (validation, HMAC pseudonyms). The generator draws every row as a new person, but about 7 % of its
 * random identities (name, birth date) coincide and link, as real duplicates would: 1,070,000 records
 * make about 1,000,000 persons. Then the release is built ROUNDS + WARM-UP times, each
 * round a new release of the same extracts. Loading is not timed. Prints each round, the median and the
 * last manifest's counts and SDC figures.
 *
 * <p>Usage: {@code ReleaseBenchmark [RECORDS] [ROUNDS] [WARM-UP ROUNDS]}; see docs/benchmarks.md.
 */
public final class ReleaseBenchmark {

    private static final List<Period> PERIODS = List.of(new Period(2022, 1), new Period(2023, 2),
            new Period(2024, 3), new Period(2025, 4));

    private ReleaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 1_070_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        Path dir = Files.createTempDirectory("tipx-release-bench");
        PseudonymSecret secret = PseudonymSecret.generateInto(dir.resolve("pseudonym.secret"));
        List<SampleAgency> agencies = SyntheticExtracts.agencies();
        int extracts = agencies.size() * PERIODS.size();
        try (TipxStore store = TipxStores.embedded(dir.resolve("data"))) {
            ExtractUploads uploads = new ExtractUploads(store, new ExtractIngestor(new ExtractValidator(CodeLists.load(),
                    ExtractValidator.jdkCountries(), Clock.systemUTC()), Long.MAX_VALUE),
                    new HmacPseudonymiser(secret), Clock.systemUTC());
            long loadStart = System.nanoTime();
            Path file = dir.resolve("extract.csv");
            int n = 0;
            for (SampleAgency sample : agencies) {
                Agency agency = new Agency(sample.id(), sample.name(), sample.country(), sample.type(), Instant.now(),
                        true);
                store.createAgency(agency, "bench-" + sample.id());
                for (Period period : PERIODS) {
                    long rows = records / extracts + (n < records % extracts ? 1 : 0);
                    SyntheticExtracts.writeLargeExtract(file, rows, 1000 + n++, period, false, sample);
                    UploadResult result;
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                        result = uploads.upload(agency, period, ExtractFormat.CSV, in);
                    }
                    if (!(result instanceof UploadResult.Created)) {
                        throw new IllegalStateException("a synthetic extract was refused");
                    }
                }
            }
            System.out.printf(Locale.ROOT, "loaded %,d records in %d extracts of %d agencies in %.1f s; max heap %d MB%n",
                    records, extracts, agencies.size(), (System.nanoTime() - loadStart) / 1e9,
                    Runtime.getRuntime().maxMemory() >> 20);

            ReleaseBuilder builder = new ReleaseBuilder(store, ReleaseSettings.DEFAULTS, Clock.systemUTC());
            List<Double> times = new ArrayList<>();
            ReleaseManifest manifest = null;
            for (int round = 1; round <= warmups + rounds; round++) {
                long start = System.nanoTime();
                manifest = builder.build();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "round %d%s: %.1f s (release %s)%n", round,
                        round <= warmups ? " (warm-up)" : "", seconds, manifest.id());
                if (round > warmups) {
                    times.add(seconds);
                }
            }
            times.sort(Double::compare);
            System.out.printf(Locale.ROOT, "median: %.1f s over %d rounds%n", times.get(times.size() / 2), times.size());
            System.out.printf(Locale.ROOT, "victims %,d, registrations %,d, suppressed %,d (%.2f %%), loss %.6f, "
                            + "levels %s, cell key: %,d cells, %,d withheld, %.1f %% of published cells changed, "
                            + "mean |change| %.2f%n",
                    manifest.counts().victims(), manifest.counts().registrations(),
                    manifest.microdata().suppressedRecords(), 100 * manifest.microdata().suppressedShare(),
                    manifest.microdata().loss(),
                    manifest.microdata().quasiIdentifiers().stream().map(q -> q.column() + "=" + q.level()).toList(),
                    manifest.cellKey().effect().cells(), manifest.cellKey().effect().withheldCells(),
                    100 * manifest.cellKey().effect().changedShare(), manifest.cellKey().effect().meanAbsoluteChange());
        }
    }
}
