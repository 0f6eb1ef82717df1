package org.tipx.api.store;

import java.nio.file.Path;

/** Test helper run as its own JVM by {@link EmbeddedStoreTest}: opens the embedded store, commits, waits. */
final class EmbeddedStoreOwner {

    static final String READY = "owner ready";

    private EmbeddedStoreOwner() {
    }

    public static void main(String[] args) throws InterruptedException {
        TipxStore store = TipxStores.embedded(Path.of(args[0]));
        EmbeddedStoreTest.commitOneExtract(store, args[1]);
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
