package org.tipx.api.http;

import org.tipx.api.release.PublishedRelease;
import org.tipx.api.statistics.ProtectedTable;

/** Writes a protected table in one representation. Implementations are stateless and thread-safe. */
@FunctionalInterface
public interface TableWriter {

    /**
     * The representation's bytes (UTF-8): the same table, release and flag always give the same bytes.
     *
     * @param release the release the table was computed from, named in the body
     * @param labels  whether English labels go next to the codes
     */
    byte[] write(ProtectedTable table, PublishedRelease release, boolean labels);
}
