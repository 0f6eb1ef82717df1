package org.tipx.api.ingest;

/** Receives validated, pseudonymised records as an extract streams in. */
@FunctionalInterface
public interface RecordSink {
    void accept(CaseRecord record);
}
