package org.tipx.api.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Token buckets per client key under one {@link RateLimitPolicy}.
 *
 * <p>Memory stays bounded: a bucket that has been idle long enough to refill completely behaves
 * exactly like a new one, so sweeps (at most once per window, and whenever the map outgrows
 * {@code maxClients}) drop it without changing any decision. Only if more than {@code maxClients}
 * clients are active within one window are the longest-idle partly spent buckets dropped too (down to
 * 90 % of the capacity, so the cost of a flood stays amortised), which forgets their spending: memory
 * wins over precision under such a flood.
 *
 * <p>Thread-safe: each decision runs atomically on its key ({@link ConcurrentHashMap#compute}),
 * so concurrent requests from one client never spend the same token twice.
 */
public final class RateLimiter {

    /** Default most clients remembered at once (a bucket is about 100 bytes). */
    public static final int DEFAULT_MAX_CLIENTS = 100_000;

    /** Rounding slack: 6 s at 10 tokens per 60 s must make a whole token, though 6e9 * (10 / 6e10) < 1 in doubles. */
    private static final double EPSILON = 1e-9;

    private final RateLimitPolicy policy;
    private final LongSupplier nanoTime;
    private final int maxClients;
    private final double tokensPerNano;
    private final long fullAfterNanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong lastSweep;
    private final AtomicBoolean sweeping = new AtomicBoolean();

    /**
     * The outcome for one request.
     *
     * @param allowed           whether to serve it
     * @param remaining         whole requests left in the bucket after this one
     * @param resetSeconds      seconds until the bucket is full again (the {@code t} of the RateLimit field)
     * @param retryAfterSeconds when refused, seconds until one request will be served; else 0
     */
    public record Decision(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    /**
     * @param nanoTime   a monotonic clock in nanoseconds ({@link System#nanoTime} in production; a fake in tests)
     * @param maxClients most buckets kept
     */
    public RateLimiter(RateLimitPolicy policy, LongSupplier nanoTime, int maxClients) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, was " + maxClients);
        }
        this.maxClients = maxClients;
        this.fullAfterNanos = policy.window().toNanos();
        this.tokensPerNano = (double) policy.quota() / fullAfterNanos;
        this.lastSweep = new AtomicLong(nanoTime.getAsLong());
    }

    /** A limiter on the system's monotonic clock with {@link #DEFAULT_MAX_CLIENTS}. */
    public static RateLimiter of(RateLimitPolicy policy) {
        return new RateLimiter(policy, System::nanoTime, DEFAULT_MAX_CLIENTS);
    }

    public RateLimitPolicy policy() {
        return policy;
    }

    /** Takes one token from the client's bucket if there is one. */
    public Decision acquire(String client) {
        long now = nanoTime.getAsLong();
        Decision[] decision = new Decision[1];
        buckets.compute(client, (key, bucket) -> {
            Bucket current = bucket == null ? new Bucket(policy.quota(), now) : bucket;
            decision[0] = current.take(now);
            return current;
        });
        if (buckets.size() > maxClients || now - lastSweep.get() >= fullAfterNanos) {
            sweep(now);
        }
        return decision[0];
    }

    /** Buckets currently held (for tests and metrics). */
    public int clients() {
        return buckets.size();
    }

    private void sweep(long now) {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        try {
            lastSweep.set(now);
            for (String key : buckets.keySet()) {
                buckets.computeIfPresent(key, (k, bucket) -> bucket.fullAt(now) ? null : bucket);
            }
            if (buckets.size() > maxClients) {
                // A snapshot of the idle times: sorting on live values could see them change mid-sort.
                List<Idle> byIdle = new ArrayList<>();
                buckets.forEach((key, bucket) -> byIdle.add(new Idle(key, bucket, bucket.lastSeen())));
                byIdle.sort(Comparator.comparingLong(Idle::lastSeen));
                // Down to 90 %, so a flood of new addresses pays for one sort per tenth of the capacity,
                // not one per request.
                int excess = buckets.size() - maxClients + Math.max(1, maxClients / 10);
                for (int i = 0; i < excess && i < byIdle.size(); i++) {
                    buckets.remove(byIdle.get(i).key(), byIdle.get(i).bucket());
                }
            }
        } finally {
            sweeping.set(false);
        }
    }

    private record Idle(String key, Bucket bucket, long lastSeen) {
    }

    /** One client's bucket; only touched inside {@code compute} on its key. */
    private final class Bucket {
        private double tokens;
        private volatile long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        Decision take(long now) {
            refill(now);
            if (tokens >= 1 - EPSILON) {
                tokens = Math.max(0, tokens - 1);
                return new Decision(true, (long) Math.floor(tokens), secondsUntil(policy.quota() - tokens), 0);
            }
            long retry = Math.max(1, secondsUntil(1 - tokens - EPSILON));
            return new Decision(false, 0, secondsUntil(policy.quota() - tokens), retry);
        }

        boolean fullAt(long now) {
            return now - updated >= fullAfterNanos || tokens + (now - updated) * tokensPerNano >= policy.quota() - EPSILON;
        }

        long lastSeen() {
            return updated;
        }

        private void refill(long now) {
            long elapsed = Math.max(0, now - updated);
            tokens = Math.min(policy.quota(), tokens + elapsed * tokensPerNano);
            updated = now;
        }

        private long secondsUntil(double missingTokens) {
            return (long) Math.ceil(Math.max(0, missingTokens - EPSILON) / tokensPerNano / 1e9);
        }
    }
}
