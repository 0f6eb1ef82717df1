package org.tipx.api.ingest;

import org.tipx.api.domain.CaseRecord;

/** Receives validated, pseudonymised records as an extract streams in. */
@FunctionalInterface
public interface RecordSink {
    void accept(CaseRecord record);
}
