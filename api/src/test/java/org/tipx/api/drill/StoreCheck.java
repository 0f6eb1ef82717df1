package org.tipx.api.drill;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.tipx.api.format.ManifestJson;
import org.tipx.api.release.ReleaseManifest;
import org.tipx.api.store.StoreException;
import org.tipx.api.store.StoredExtract;
import org.tipx.api.store.StoredRelease;
import org.tipx.api.store.TipxStore;

/**
 * The invariants of a fault drill, checked with the store API on a store no server is using:
 * <ul>
 *   <li>every extract answered 201 is present, current unless a later kept upload replaced it, and whole:
 *       its records, its {@code row_count} and the rows sent agree;</li>
 *   <li>an extract that got no 201 is absent or whole, never torn;</li>
 *   <li>every acknowledged release is present, its manifest and (when the client read it) its microdata
 *       byte for byte as served; every other stored release is whole.</li>
 * </ul>
 * Counting records costs a read of them, so a check counts those of the extracts new since the last
 * check and of the current ones; older replaced extracts were counted when they were new, and are then
 * only checked to be still present with the same row count. Stateless.
 */
final class StoreCheck {

    /** Keys of faults already counted ({@link DrillLedger#firstReport}), by kind and id. */
    static final String LOST = "lost ";
    static final String TORN = "torn ";

    private StoreCheck() {
    }

    /** Checks {@code store} after {@code trial}; adds to {@code ledger} what the store kept without an acknowledgement. */
    static CheckFindings check(TipxStore store, DrillLedger ledger, int trial, Set<String> agencies) {
        Tally tally = new Tally();
        checkExtracts(store, ledger, trial, agencies, tally);
        checkReleases(store, ledger, trial, tally);
        return new CheckFindings(tally.torn, tally.lostExtracts, tally.lostReleases, tally.halfReleases,
                tally.extractsKept, tally.releasesKept, tally.notes);
    }

    private static void checkExtracts(TipxStore store, DrillLedger ledger, int trial, Set<String> agencies,
                                      Tally tally) {
        Set<String> toCount = new HashSet<>();
        for (String agency : agencies) {
            for (StoredExtract stored : store.extracts(agency)) {
                Optional<DrillLedger.Extract> known = ledger.extract(stored.id());
                if (known.isPresent()) {
                    continue;
                }
                Optional<DrillLedger.UploadAttempt> attempt = ledger.unclaimedAttempt(trial, agency, stored.period());
                if (attempt.isEmpty()) {
                    if (ledger.firstReport(TORN + stored.id())) {
                        tally.torn("extract " + stored.id() + " stored but never sent in trial " + trial);
                    }
                    continue;
                }
                ledger.claim(attempt.get(), stored.id());
                tally.extractsKept++;
                toCount.add(stored.id());
            }
        }
        for (DrillLedger.Extract expected : ledger.extracts()) {
            if (ledger.reported(LOST + expected.id()) || ledger.reported(TORN + expected.id())) {
                continue;
            }
            Optional<StoredExtract> stored = store.extract(expected.id());
            if (stored.isEmpty()) {
                ledger.firstReport(LOST + expected.id());
                tally.lostExtract("acknowledged extract " + expected.id() + " (trial " + expected.trial() + ") is gone");
                continue;
            }
            if (stored.get().rows() != expected.rows()) {
                ledger.firstReport(TORN + expected.id());
                tally.torn("extract " + expected.id() + " has row_count " + stored.get().rows() + ", "
                        + expected.rows() + " rows were sent");
            }
            if (expected.trial() == trial || stored.get().current()) {
                toCount.add(expected.id());
            }
        }
        for (DrillLedger.Extract expected : ledger.extracts()) {
            Optional<DrillLedger.Extract> current = ledger.expectedCurrent(expected.agency(), expected.period());
            if (current.isPresent() && current.get().id().equals(expected.id())) {
                Optional<String> actual = store.currentExtract(expected.agency(), expected.period()).map(StoredExtract::id);
                if (!actual.equals(Optional.of(expected.id())) && ledger.firstReport("current " + expected.id())) {
                    tally.lostExtract("current extract of " + expected.agency() + " " + expected.period() + " is "
                            + actual.orElse("none") + ", the last kept upload was " + expected.id());
                }
            }
        }
        for (String id : toCount) {
            if (ledger.reported(LOST + id) || ledger.reported(TORN + id)) {
                continue;
            }
            long expectedRows = ledger.extract(id).map(DrillLedger.Extract::rows).orElse(-1L);
            try {
                long records = countRecords(store, id);
                if (records != expectedRows) {
                    ledger.firstReport(TORN + id);
                    tally.torn("extract " + id + " holds " + records + " records, " + expectedRows + " rows were sent");
                }
            } catch (StoreException e) {
                // The message names what failed and the SQLState, never row values.
                ledger.firstReport(TORN + id);
                tally.torn("extract " + id + ": its records cannot be read (" + e.getMessage() + ")");
            }
        }
    }

    private static void checkReleases(TipxStore store, DrillLedger ledger, int trial, Tally tally) {
        List<StoredRelease> stored = store.releases();
        Set<String> storedIds = new HashSet<>();
        for (StoredRelease release : stored) {
            storedIds.add(release.id());
            Optional<DrillLedger.Release> known = ledger.release(release.id());
            if ((known.isPresent() && known.get().trial() != trial) || ledger.reported("half " + release.id())) {
                continue; // whole when it was new; its manifest is compared below
            }
            Optional<Microdata> microdata = wholeMicrodata(store, release, ledger, tally);
            if (microdata.isEmpty()) {
                continue;
            }
            if (known.isEmpty()) {
                ledger.acknowledged(new DrillLedger.Release(release.id(), release.manifest(),
                        Optional.of(microdata.get().sha256()), trial, false));
                tally.releasesKept++;
            } else if (known.get().microdataSha256().isPresent()
                    && !known.get().microdataSha256().get().equals(microdata.get().sha256())
                    && ledger.firstReport("release " + known.get().trial() + " " + release.id())) {
                tally.lostRelease("release " + release.id() + ": microdata differs from what was served");
            }
        }
        for (DrillLedger.Release expected : ledger.releases()) {
            String key = "release " + expected.trial() + " " + expected.id();
            if (ledger.reported(key)) {
                continue;
            }
            if (!storedIds.contains(expected.id())) {
                ledger.firstReport(key);
                tally.lostRelease("acknowledged release " + expected.id() + " (trial " + expected.trial() + ") is gone");
                continue;
            }
            String manifest = store.release(expected.id()).map(StoredRelease::manifest).orElse("");
            if (!manifest.equals(expected.manifest())) {
                ledger.firstReport(key);
                tally.lostRelease("release " + expected.id() + ": manifest differs from what was served");
            }
        }
    }

    /** The release's microdata when the release is whole: manifest, extract list and microdata agree. */
    private static Optional<Microdata> wholeMicrodata(TipxStore store, StoredRelease release, DrillLedger ledger,
                                                      Tally tally) {
        Optional<String> problem;
        Optional<Microdata> microdata = Optional.empty();
        try {
            problem = listProblem(store, release);
            if (problem.isEmpty()) {
                microdata = Optional.of(Microdata.of(store, release.id()));
                long rows = ManifestJson.read(release.manifest()).counts().microdataRows();
                // One header line, then one line per microdata row.
                if (!microdata.get().present() || microdata.get().lines() != rows + 1) {
                    problem = Optional.of("microdata has " + microdata.get().lines() + " lines, the manifest counts "
                            + rows + " rows");
                }
            }
        } catch (StoreException e) {
            // The message names what failed and the SQLState, never row values.
            problem = Optional.of("it cannot be read (" + e.getMessage() + ")");
        }
        if (problem.isPresent()) {
            ledger.firstReport("half " + release.id());
            tally.half("release " + release.id() + ": " + problem.get());
            return Optional.empty();
        }
        return microdata;
    }

    /** What makes a release's manifest and extract list less than whole, if anything. */
    private static Optional<String> listProblem(TipxStore store, StoredRelease release) {
        ReleaseManifest manifest;
        try {
            manifest = ManifestJson.read(release.manifest());
        } catch (IllegalArgumentException e) {
            return Optional.of("manifest unreadable");
        }
        List<String> listed = manifest.extracts().stream().map(ReleaseManifest.InputExtract::id).toList();
        if (!manifest.id().equals(release.id()) || !listed.equals(release.extractIds())) {
            return Optional.of("manifest and extract list disagree");
        }
        for (String extractId : listed) {
            if (store.extract(extractId).isEmpty()) {
                return Optional.of("extract " + extractId + " is missing");
            }
        }
        return Optional.empty();
    }

    private static long countRecords(TipxStore store, String extractId) {
        AtomicLong count = new AtomicLong();
        store.records(extractId, record -> count.incrementAndGet());
        return count.get();
    }

    /** SHA-256 of UTF-8 text, as a client reading the microdata would compute it. */
    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256", e);
        }
    }

    /** A release's stored microdata, digested and counted as it streams. */
    private record Microdata(boolean present, long lines, String sha256) {
        static Microdata of(TipxStore store, String releaseId) {
            MessageDigest digest = digest();
            LineCountingStream counter = new LineCountingStream();
            boolean present;
            try (Writer out = new OutputStreamWriter(new DigestOutputStream(counter, digest), StandardCharsets.UTF_8)) {
                present = store.writeMicrodata(releaseId, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new Microdata(present, counter.lines, HexFormat.of().formatHex(digest.digest()));
        }
    }

    /** Counts line feeds, and lines that do not end in one. */
    private static final class LineCountingStream extends java.io.OutputStream {
        private long lines;
        private boolean openLine;

        @Override
        public void write(int b) {
            if (b == '\n') {
                lines++;
                openLine = false;
            } else if (!openLine) {
                openLine = true;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(bytes[i]);
            }
        }

        @Override
        public void close() {
            if (openLine) {
                lines++;
                openLine = false;
            }
        }
    }

    private static final class Tally {
        int torn;
        int lostExtracts;
        int lostReleases;
        int halfReleases;
        int extractsKept;
        int releasesKept;
        final List<String> notes = new ArrayList<>();

        void torn(String note) {
            torn++;
            notes.add("TORN " + note);
        }

        void lostExtract(String note) {
            lostExtracts++;
            notes.add("LOST " + note);
        }

        void lostRelease(String note) {
            lostReleases++;
            notes.add("LOST " + note);
        }

        void half(String note) {
            halfReleases++;
            notes.add("HALF " + note);
        }
    }
}
