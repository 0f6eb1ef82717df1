package org.tipx.api.statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BoundedMemoTest {

    @Test
    void concurrentCallersOfOneMissingKey_computeItOnce() throws Exception {
        BoundedMemo<String, String> memo = new BoundedMemo<>(10, 100, v -> 1);
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return memo.get("k", k -> {
                        computations.incrementAndGet();
                        sleep(100);
                        return "value of " + k;
                    });
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertEquals("value of k", answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, computations.get());
    }

    @Test
    void weightBeyondTheBudget_evictsUntilTheBudgetHolds() {
        BoundedMemo<String, Integer> memo = new BoundedMemo<>(10, 10, v -> v);
        memo.get("a", k -> 4);
        memo.get("b", k -> 4);
        memo.get("c", k -> 4); // 12 > 10: one of them goes
        assertEquals(8, memo.weight());
        assertEquals(2, memo.size());
    }

    @Test
    void entriesBeyondTheCount_evictUntilTheCountHolds_evenWhenTheyWeighLittle() {
        BoundedMemo<String, Integer> memo = new BoundedMemo<>(3, 300, v -> v);
        for (int i = 0; i < 10; i++) {
            memo.get("k" + i, k -> 1);
        }
        assertEquals(3, memo.size());
        assertEquals(3, memo.weight(), "the weight counts the values' own weights");
        assertEquals(3, memo.values().size());
    }

    @Test
    void aStoredValue_isNotComputedAgain() {
        BoundedMemo<String, Integer> memo = new BoundedMemo<>(10, 10, v -> 1);
        memo.get("a", k -> 1);
        assertEquals(1, memo.get("a", k -> {
            throw new AssertionError("computed again");
        }));
    }

    @Test
    void aValueHeavierThanTheBudget_isReturnedButNotKept() {
        BoundedMemo<String, Integer> memo = new BoundedMemo<>(10, 10, v -> v);
        assertEquals(11, memo.get("big", k -> 11));
        assertEquals(0, memo.size());
        assertEquals(0, memo.weight());
    }

    @Test
    void aFailedComputation_isNotKept() {
        BoundedMemo<String, String> memo = new BoundedMemo<>(10, 10, v -> 1);
        assertThrows(IllegalStateException.class, () -> memo.get("k", k -> {
            throw new IllegalStateException("failed");
        }));
        assertEquals(0, memo.size());
        assertEquals("second try", memo.get("k", k -> "second try"));
    }

    @Test
    void bounds_mustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new BoundedMemo<String, String>(0, 1, v -> 1));
        assertThrows(IllegalArgumentException.class, () -> new BoundedMemo<String, String>(1, 0, v -> 1));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
