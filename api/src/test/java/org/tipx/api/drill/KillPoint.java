package org.tipx.api.drill;

/** Where in tipx's work a drill kills the server. */
enum KillPoint {
    /** While a large extract uploads: a random moment up to a little longer than an upload takes. */
    UPLOAD_DURING("upload-during", 2),
    /** A random 1 ms to 2 s after the upload's 201 arrived. */
    UPLOAD_AFTER_ACK("upload-after-ack", 2),
    /** While a release is built: a random moment up to a little longer than a release takes. */
    RELEASE_DURING("release-during", 2),
    /** A random 1 ms to 2 s after the release was acknowledged, while its microdata is being read. */
    RELEASE_AFTER_ACK("release-after-ack", 2),
    /** A random 0 to 3 s after launch on the drill's store, which holds every earlier trial's data. */
    STARTUP_EXISTING("startup-existing", 1),
    /** A random 0 to 3 s after launch on a new, empty store: creating the schema. */
    STARTUP_FRESH("startup-fresh", 1),
    /** A random 0 to 3 s after launch on a store at the first migration: migrating it. */
    STARTUP_MIGRATING("startup-migrating", 1);

    private final String label;
    private final int weight;

    KillPoint(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }

    String label() {
        return label;
    }

    /** Relative frequency in a random drill. */
    int weight() {
        return weight;
    }

    /** True for the kill points that act on the drill's own store rather than on a scratch store. */
    boolean onDrillStore() {
        return this != STARTUP_FRESH && this != STARTUP_MIGRATING;
    }
}
