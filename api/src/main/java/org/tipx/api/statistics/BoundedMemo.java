package org.tipx.api.statistics;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A bounded memo that computes each key once, kept in a Caffeine cache: the first caller of a missing
 * key computes its value on its own thread, holding no lock of the cache, while concurrent callers of
 * the same key wait for that value instead of computing it again. A computation that fails is not kept:
 * every waiting caller gets its exception and the next caller tries again.
 *
 * <p>Bounded by a number of entries and by a total weight (each value weighed once, when it is computed).
 * Caffeine bounds one or the other, so each entry is counted as weighing at least
 * {@code maxWeight / maxEntries} (rounded up): the weight budget then also caps the entries at
 * {@code maxEntries} (one fewer when the division is not exact), and the real weights never exceed
 * {@code maxWeight}. Which entries go first is Caffeine's choice
 * (Window TinyLFU: rarely used entries before often used ones), not strictly the least recently used.
 * A value heavier than the whole budget is returned but not kept.
 *
 * <p>Thread-safe.
 */
final class BoundedMemo<K, V> {

    private final AsyncCache<K, V> cache;
    private final ToLongFunction<? super V> weigher;

    BoundedMemo(int maxEntries, long maxWeight, ToLongFunction<? super V> weigher) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        if (maxWeight < 1) {
            throw new IllegalArgumentException("maxWeight must be positive, was " + maxWeight);
        }
        this.weigher = Objects.requireNonNull(weigher, "weigher");
        long leastWeight = Math.ceilDiv(maxWeight, maxEntries);
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((K key, V value) -> (int) Math.min(Integer.MAX_VALUE,
                        Math.max(leastWeight, weigher.applyAsLong(value))))
                // Eviction on the caller's thread, not the common pool: bounds hold when get returns.
                .executor(Runnable::run)
                .buildAsync();
    }

    /** The value of {@code key}, computed with {@code compute} unless stored or being computed. */
    @SuppressWarnings("ReferenceEquality") // our own future or another caller's: only identity tells them apart
    V get(K key, Function<? super K, ? extends V> compute) {
        Objects.requireNonNull(key, "key");
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> found = cache.get(key, (k, executor) -> mine);
        if (found != mine) {
            return await(found);
        }
        // Computed here, outside Caffeine's map lock, so a computation may read this memo (ReleaseIndex does).
        V value;
        try {
            value = Objects.requireNonNull(compute.apply(key), "computed value");
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e); // Caffeine drops a failed future from the cache
            throw e;
        }
        mine.complete(value);
        return value;
    }

    /** The values stored and computed so far, in no particular order (reading them touches none). */
    List<V> values() {
        return List.copyOf(cache.synchronous().asMap().values());
    }

    /** The number of stored entries, those being computed included. */
    int size() {
        cache.synchronous().cleanUp();
        return Math.toIntExact(cache.synchronous().estimatedSize());
    }

    /** The total weight of the stored, computed values, as the weigher gives it. */
    long weight() {
        cache.synchronous().cleanUp();
        return cache.synchronous().asMap().values().stream().mapToLong(weigher).sum();
    }

    private static <V> V await(CompletableFuture<V> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
