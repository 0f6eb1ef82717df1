package org.tipx.api.drill;

import java.util.List;

/**
 * What one check of the store found against the ledger.
 *
 * @param torn                     extracts whose records, {@code row_count} and rows sent disagree
 * @param lostExtracts             acknowledged extracts missing, altered or wrongly not current
 * @param lostReleases             acknowledged releases missing or not byte for byte as served
 * @param halfReleases             stored releases without their whole microdata, manifest or extract list
 * @param extractsKeptWithoutAck   whole extracts committed although the client got no 201 (acceptable)
 * @param releasesKeptWithoutAck   whole releases committed although the client got no acknowledgement (acceptable)
 * @param notes                    what was wrong, by id (no record content)
 */
record CheckFindings(int torn, int lostExtracts, int lostReleases, int halfReleases, int extractsKeptWithoutAck,
                     int releasesKeptWithoutAck, List<String> notes) {
    CheckFindings {
        notes = List.copyOf(notes);
    }

    int lostAfterAck() {
        return lostExtracts + lostReleases;
    }

    boolean clean() {
        return torn == 0 && lostAfterAck() == 0 && halfReleases == 0;
    }
}
