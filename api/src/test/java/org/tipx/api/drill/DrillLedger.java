package org.tipx.api.drill;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.tipx.api.domain.Period;

/**
 * What the drill's clients were told, and what the store was later found to hold on top of it: the
 * reference every check compares the store with. Entries are added, never removed. Not thread-safe.
 */
final class DrillLedger {

    private final Map<String, Extract> extracts = new LinkedHashMap<>();
    private final List<Release> releases = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();
    private final List<UploadAttempt> unacknowledgedUploads = new ArrayList<>();

    void acknowledged(Extract extract) {
        extracts.put(extract.id(), extract);
    }

    /** A release; a lost release's id can name a later one too, so both are kept. */
    void acknowledged(Release release) {
        releases.add(release);
    }

    /** An upload that got no 201: the store may hold it whole, or not at all. */
    void unacknowledged(UploadAttempt attempt) {
        unacknowledgedUploads.add(attempt);
    }

    Collection<Extract> extracts() {
        return extracts.values();
    }

    Optional<Extract> extract(String id) {
        return Optional.ofNullable(extracts.get(id));
    }

    List<Release> releases() {
        return List.copyOf(releases);
    }

    /** The latest release known under {@code id}. */
    Optional<Release> release(String id) {
        return releases.reversed().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * Notes that a fault of {@code key} (an id, or a release's trial and id) was counted; true the first time
     * only, so that a loss found once is not counted again by every later check.
     */
    boolean firstReport(String key) {
        return reported.add(key);
    }

    /** True when a fault of {@code key} was counted already. */
    boolean reported(String key) {
        return reported.contains(key);
    }

    /** The unacknowledged upload of {@code trial} for (agency, period) that no stored extract claimed yet. */
    Optional<UploadAttempt> unclaimedAttempt(int trial, String agency, Period period) {
        return unacknowledgedUploads.stream()
                .filter(a -> a.trial() == trial && a.agency().equals(agency) && a.period().equals(period))
                .findFirst();
    }

    /** Records that the store committed an upload whose 201 never arrived; it now counts like any other. */
    void claim(UploadAttempt attempt, String extractId) {
        unacknowledgedUploads.remove(attempt);
        extracts.put(extractId, new Extract(extractId, attempt.agency(), attempt.period(), attempt.rows(),
                attempt.trial(), false));
    }

    /**
     * The extract that must be current for (agency, period): the one uploaded last of those the store kept
     * (a torn one stays a candidate: it is there, and it replaced the one before).
     */
    Optional<Extract> expectedCurrent(String agency, Period period) {
        return extracts.values().stream()
                .filter(e -> e.agency().equals(agency) && e.period().equals(period)
                        && !reported(StoreCheck.LOST + e.id()))
                .reduce((earlier, later) -> later.trial() >= earlier.trial() ? later : earlier);
    }

    /**
     * An extract that was sent.
     *
     * @param acknowledged false when the store kept it although its 201 was lost in a kill
     */
    record Extract(String id, String agency, Period period, long rows, int trial, boolean acknowledged) {
        Extract {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(period, "period");
        }
    }

    /**
     * A release and what was served of it before the kill.
     *
     * @param microdataSha256 the SHA-256 of the microdata as served, when a whole answer arrived before the kill
     * @param acknowledged    false when the store kept a release whose acknowledgement was lost in a kill
     */
    record Release(String id, String manifest, Optional<String> microdataSha256, int trial, boolean acknowledged) {
        Release {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(manifest, "manifest");
            Objects.requireNonNull(microdataSha256, "microdataSha256");
        }
    }

    /** An upload sent in {@code trial} that got no 201. */
    record UploadAttempt(String agency, Period period, long rows, int trial) {
        UploadAttempt {
            Objects.requireNonNull(agency, "agency");
            Objects.requireNonNull(period, "period");
        }
    }
}
