package org.tipx.api.pseudonym;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A small pool of instances that are costly to create and must not be used by two threads at once (JCA
 * {@code Mac}s; ICU transliterators, to be safe). A pool rather than a {@code ThreadLocal} because Helidon
 * serves each request on its own virtual thread: a thread-local instance would be rebuilt for every request
 * and never reused.
 *
 * <p>Thread-safe. A caller that finds the pool empty creates a new instance; at most {@code maxIdle}
 * instances are kept once returned, the rest are dropped for the garbage collector.
 */
final class InstancePool<T> {

    private final Supplier<T> factory;
    private final int maxIdle;
    private final Queue<T> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    InstancePool(Supplier<T> factory, int maxIdle) {
        this.factory = Objects.requireNonNull(factory, "factory");
        if (maxIdle < 1) {
            throw new IllegalArgumentException("maxIdle must be at least 1, was " + maxIdle);
        }
        this.maxIdle = maxIdle;
    }

    /** Sized for the machine: two idle instances per core cover a request burst without hoarding. */
    static <T> InstancePool<T> forProcessors(Supplier<T> factory) {
        return new InstancePool<>(factory, Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** Runs {@code work} with an instance that no other thread uses meanwhile. */
    <R> R apply(Function<? super T, ? extends R> work) {
        T instance = idle.poll();
        if (instance == null) {
            instance = factory.get();
        } else {
            idleCount.decrementAndGet();
        }
        try {
            return work.apply(instance);
        } finally {
            // An instance whose work threw is still reusable: callers use only whole-input calls
            // (Mac.doFinal(byte[]), Transliterator.transliterate(String)) that leave no state behind.
            if (idleCount.incrementAndGet() <= maxIdle) {
                idle.offer(instance);
            } else {
                idleCount.decrementAndGet();
            }
        }
    }
}
