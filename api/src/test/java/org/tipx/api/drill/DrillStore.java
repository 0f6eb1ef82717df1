package org.tipx.api.drill;

import java.util.List;
import java.util.Map;
import org.tipx.api.store.TipxStore;

/**
 * The store a fault drill runs tipx against: how {@code serve} is told to use it, how the drill opens it
 * directly to check it once the server is stopped, and how big it is. Not thread-safe; one drill owns it.
 */
interface DrillStore extends AutoCloseable {

    /** {@code embedded} or {@code postgres}, for the report. */
    String name();

    /** The {@code serve} options that select this store. */
    List<String> serveArguments();

    /** Environment variables {@code serve} needs for this store (besides the admin token and the secret). */
    Map<String, String> serveEnvironment();

    /** Opens the store with the store API, as {@code serve} would; only while no server uses it. */
    TipxStore openForCheck();

    /** Bytes the store occupies on disk. */
    long sizeBytes();

    /**
     * A new store of the same kind for a start-up drill, in the {@code state} given, so that the next start
     * creates or migrates the schema. Closing it removes it.
     */
    DrillStore scratch(String label, SchemaState state);

    /** Removes a scratch store; releases what the drill started for it. */
    @Override
    void close();

    /** What a scratch store holds when the drill launches tipx on it. */
    enum SchemaState {
        /** Nothing: the first start creates the whole schema. */
        FRESH,
        /** The schema of the first migration only: the start runs the later ones. */
        FIRST_MIGRATION_ONLY
    }
}
