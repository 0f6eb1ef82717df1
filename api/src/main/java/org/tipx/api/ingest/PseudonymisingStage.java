package org.tipx.api.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.tipx.api.pseudonym.Pseudonym;
import org.tipx.api.pseudonym.Pseudonymiser;

/**
 * The second stage of an ingest: pseudonymises valid rows and hands the records to the sink on a worker thread,
 * while the caller's thread goes on parsing and validating. HMAC and storing cost about as much as parsing, so on
 * two cores the two stages together nearly double the throughput of doing both in turn.
 *
 * <p>Rows travel in batches through a small bounded queue (memory stays constant whatever the extract's size),
 * and one worker keeps them in upload order, so the sink still sees one record at a time, in order, from one
 * thread. A failure of the pseudonymiser or the sink stops the reader at its next batch and is rethrown by
 * {@link #finish()} or {@link #offer}. Not thread-safe: one reader owns it.
 */
final class PseudonymisingStage implements AutoCloseable {

    private static final int BATCH = 512;
    private static final List<ValidRow> END = List.of();

    private final BlockingQueue<List<ValidRow>> queue = new ArrayBlockingQueue<>(8);
    private final Pseudonymiser pseudonymiser;
    private final ExtractContext context;
    private final RecordSink sink;
    private final Thread worker;
    private List<ValidRow> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;
    private long linkedRows;
    private boolean finished;

    PseudonymisingStage(Pseudonymiser pseudonymiser, ExtractContext context, RecordSink sink) {
        this.pseudonymiser = pseudonymiser;
        this.context = context;
        this.sink = sink;
        this.worker = Thread.ofVirtual().name("tipx-pseudonymise-" + context.agencyId()).start(this::work);
    }

    /** Queues a valid row; answers false because linkage is only known once the worker has pseudonymised it. */
    boolean offer(ValidRow row) {
        batch.add(row);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
        return false;
    }

    /** Waits until every queued row is in the sink; rethrows what failed there. */
    void finish() {
        if (!batch.isEmpty()) {
            hand(batch);
            batch = new ArrayList<>(0);
        }
        hand(END);
        finished = true;
        join();
        rethrowFailure();
    }

    /** Rows whose pseudonym came from direct identifiers; valid after {@link #finish()}. */
    long linkedRows() {
        return linkedRows;
    }

    /** Stops the worker when the read ended early (an exception); the sink's owner rolls back. */
    @Override
    public void close() {
        if (!finished) {
            worker.interrupt();
            join();
        }
    }

    private void hand(List<ValidRow> rows) {
        rethrowFailure();
        try {
            queue.put(rows);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ingesting an extract", e);
        }
    }

    @SuppressWarnings("ReferenceEquality") // END is a sentinel instance, never a batch of rows
    private void work() {
        try {
            for (List<ValidRow> rows = queue.take(); rows != END; rows = queue.take()) {
                for (ValidRow row : rows) {
                    Pseudonym pseudonym = pseudonymiser.pseudonymise(context.agencyId(), row.recordId(), row.identifiers());
                    sink.accept(row.toCaseRecord(pseudonym, context.agencyCountry()));
                    if (pseudonym.linked()) {
                        linkedRows++;
                    }
                }
            }
        } catch (InterruptedException e) {
            // close() after a failed read: nothing more to do.
        } catch (RuntimeException | Error e) {
            failure = e;
            queue.clear();
        }
    }

    private void join() {
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ingesting an extract", e);
        }
    }

    private void rethrowFailure() {
        Throwable e = failure;
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
    }
}
