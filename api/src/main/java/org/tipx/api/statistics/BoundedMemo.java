package org.tipx.api.statistics;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A bounded least-recently-used memo that computes each key once: the first caller of a missing key
 * computes its value on its own thread, without holding the lock, while concurrent callers of the
 * same key wait for that value instead of computing it again. A computation that fails is not kept:
 * every waiting caller gets its exception and the next caller tries again.
 *
 * <p>Bounded by a number of entries and by a total weight (each value weighed once, when it is
 * stored): the least recently used entries go first. A value heavier than the whole budget is
 * returned but not kept.
 *
 * <p>Thread-safe.
 */
final class BoundedMemo<K, V> {

    private final int maxEntries;
    private final long maxWeight;
    private final ToLongFunction<? super V> weigher;
    private final ReentrantLock lock = new ReentrantLock();
    /** In access order: the eldest entry is the least recently used. Guarded by {@link #lock}. */
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>(16, 0.75f, true);
    /** Sum of the weights of the stored, computed entries. Guarded by {@link #lock}. */
    private long weight;

    BoundedMemo(int maxEntries, long maxWeight, ToLongFunction<? super V> weigher) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        if (maxWeight < 1) {
            throw new IllegalArgumentException("maxWeight must be positive, was " + maxWeight);
        }
        this.maxEntries = maxEntries;
        this.maxWeight = maxWeight;
        this.weigher = Objects.requireNonNull(weigher, "weigher");
    }

    /** The value of {@code key}, computed with {@code compute} unless stored or being computed. */
    V get(K key, Function<? super K, ? extends V> compute) {
        Objects.requireNonNull(key, "key");
        Entry<V> entry;
        boolean owner = false;
        lock.lock();
        try {
            entry = entries.get(key);
            if (entry == null) {
                entry = new Entry<>();
                entries.put(key, entry);
                owner = true;
            }
        } finally {
            lock.unlock();
        }
        if (!owner) {
            return await(entry.future);
        }
        V value;
        try {
            value = Objects.requireNonNull(compute.apply(key), "computed value");
        } catch (RuntimeException | Error e) {
            lock.lock();
            try {
                entries.remove(key, entry);
            } finally {
                lock.unlock();
            }
            entry.future.completeExceptionally(e);
            throw e;
        }
        long valueWeight = weigher.applyAsLong(value);
        lock.lock();
        try {
            // Evicted while being computed (the memo was full of newer keys): answer, but do not count it.
            if (entries.get(key) == entry) {
                entry.weight = valueWeight;
                weight += valueWeight;
                evictBeyondBounds();
            }
        } finally {
            lock.unlock();
        }
        entry.future.complete(value);
        return value;
    }

    /** The values stored and computed so far, least recently used first (reading them touches none). */
    List<V> values() {
        lock.lock();
        try {
            List<V> values = new ArrayList<>(entries.size());
            for (Entry<V> entry : entries.values()) {
                if (entry.future.isDone() && !entry.future.isCompletedExceptionally()) {
                    values.add(entry.future.join());
                }
            }
            return values;
        } finally {
            lock.unlock();
        }
    }

    /** The number of stored entries, those being computed included. */
    int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /** The total weight of the stored values. */
    long weight() {
        lock.lock();
        try {
            return weight;
        } finally {
            lock.unlock();
        }
    }

    private void evictBeyondBounds() {
        Iterator<Map.Entry<K, Entry<V>>> eldestFirst = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || weight > maxWeight) && eldestFirst.hasNext()) {
            Entry<V> eldest = eldestFirst.next().getValue();
            weight -= eldest.weight;
            eldestFirst.remove();
        }
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

    private static final class Entry<V> {
        final CompletableFuture<V> future = new CompletableFuture<>();
        /** 0 until the value is stored. Guarded by the memo's lock. */
        long weight;
    }
}
