package org.tipx.api.ingest;

import java.util.List;
import java.util.Objects;

/**
 * What reading one extract found.
 *
 * @param rows         data rows read (blank lines are not rows)
 * @param linkedRows   rows whose pseudonym came from direct identifiers; counted only for rows handed to the
 *                     pseudonymiser, that is while no problem had been found (always 0 for offline validation)
 * @param bytes        size of the body
 * @param sha256       hex SHA-256 of the body's bytes, exactly as received
 * @param problems     the first problems found, in the order found (at most {@link #MAX_REPORTED_PROBLEMS})
 * @param problemCount how many problems there are in total
 * @param truncated    true when {@code problems} holds fewer than {@code problemCount}
 */
public record IngestOutcome(long rows, long linkedRows, long bytes, String sha256, List<ValidationProblem> problems,
                            long problemCount, boolean truncated) {

    /** How many problems an outcome lists at most; the count goes on. */
    public static final int MAX_REPORTED_PROBLEMS = 1000;

    public IngestOutcome {
        Objects.requireNonNull(sha256, "sha256");
        problems = List.copyOf(problems);
        if (problemCount < problems.size()) {
            throw new IllegalArgumentException("problem count " + problemCount + " below the " + problems.size()
                    + " problems listed");
        }
    }

    /** True when the extract has no problem at all: the only case in which it may be stored. */
    public boolean valid() {
        return problemCount == 0;
    }
}
