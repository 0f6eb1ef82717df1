package org.tipx.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token buckets on a fake clock. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final RateLimitPolicy policy = new RateLimitPolicy("anonymous", 10, Duration.ofSeconds(60));

    private RateLimiter limiter(int maxClients) {
        return new RateLimiter(policy, now::get, maxClients);
    }

    @Test
    void burstUpToTheQuota_thenRefused_withRetryAfterTheTimeOfOneToken() {
        RateLimiter limiter = limiter(100);
        for (int i = 0; i < 10; i++) {
            RateLimiter.Decision decision = limiter.acquire("198.51.100.7");
            assertTrue(decision.allowed());
            assertEquals(9 - i, decision.remaining());
        }
        RateLimiter.Decision refused = limiter.acquire("198.51.100.7");
        assertFalse(refused.allowed());
        assertEquals(0, refused.remaining());
        assertEquals(6, refused.retryAfterSeconds(), "10 per 60 s: one token every 6 s");
        assertEquals(60, refused.resetSeconds(), "an empty bucket is full again after the window");
        assertTrue(limiter.acquire("203.0.113.9").allowed(), "another address has its own bucket");
    }

    @Test
    void tokensRefillEvenly_andNeverBeyondTheQuota() {
        RateLimiter limiter = limiter(100);
        for (int i = 0; i < 10; i++) {
            limiter.acquire("client");
        }
        now.addAndGet(5 * SECOND);
        assertFalse(limiter.acquire("client").allowed(), "5 s is less than one token");
        now.addAndGet(1 * SECOND);
        assertTrue(limiter.acquire("client").allowed(), "6 s refill one token");
        assertFalse(limiter.acquire("client").allowed());
        now.addAndGet(3600 * SECOND);
        RateLimiter.Decision afterIdle = limiter.acquire("client");
        assertTrue(afterIdle.allowed());
        assertEquals(9, afterIdle.remaining(), "an idle bucket holds at most the quota");
    }

    @Test
    void idleBuckets_areEvicted_soMemoryStaysBounded() {
        RateLimiter limiter = limiter(1_000);
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("10.0." + (i / 256) + "." + (i % 256));
        }
        assertEquals(1_000, limiter.clients());
        now.addAndGet(61 * SECOND);
        limiter.acquire("192.0.2.1");
        assertEquals(1, limiter.clients(), "full buckets are dropped once a window has passed");
    }

    @Test
    void aFloodOfAddresses_withinOneWindow_neverHoldsMoreThanMaxClients() {
        RateLimiter limiter = limiter(500);
        for (int i = 0; i < 20_000; i++) {
            now.addAndGet(1_000);
            limiter.acquire("flood-" + i);
            assertTrue(limiter.clients() <= 500, "clients " + limiter.clients());
        }
        assertEquals(8, limiter.acquire("flood-19999").remaining(), "the most recent clients keep their spending");
    }

    @Test
    void concurrentRequestsFromOneClient_neverSpendATokenTwice() throws Exception {
        RateLimiter limiter = new RateLimiter(new RateLimitPolicy("anonymous", 1_000, Duration.ofDays(1)), now::get, 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            results.add(pool.submit(() -> {
                start.await();
                int allowed = 0;
                for (int i = 0; i < 500; i++) {
                    allowed += limiter.acquire("same") .allowed() ? 1 : 0;
                }
                return allowed;
            }));
        }
        start.countDown();
        int allowed = 0;
        for (Future<Integer> result : results) {
            allowed += result.get();
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(1_000, allowed, "exactly the quota of 4,000 concurrent requests is served");
    }

    @Test
    void policy_parsesQuotaPerSeconds_orOff_andRefusesTheRest() {
        assertEquals(Optional.of(new RateLimitPolicy("anonymous", 120, Duration.ofSeconds(60))), RateLimitPolicy.parse("120/60"));
        assertEquals(Optional.of(new RateLimitPolicy("anonymous", 5, Duration.ofSeconds(1))), RateLimitPolicy.parse(" 5/1s "));
        assertEquals(Optional.empty(), RateLimitPolicy.parse("off"));
        assertThrows(IllegalArgumentException.class, () -> RateLimitPolicy.parse("fast"));
        assertThrows(IllegalArgumentException.class, () -> RateLimitPolicy.parse("0/60"));
        assertThrows(IllegalArgumentException.class, () -> RateLimitPolicy.parse("10/0"));
        assertEquals("\"anonymous\";q=120;w=60", RateLimitPolicy.DEFAULT.headerValue());
    }
}
