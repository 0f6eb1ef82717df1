package org.tipx.api.pseudonym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InstancePoolTest {

    @Test
    void apply_sequentially_reusesOneInstance() {
        AtomicInteger created = new AtomicInteger();
        InstancePool<Object> pool = new InstancePool<>(() -> {
            created.incrementAndGet();
            return new Object();
        }, 2);
        Object first = pool.apply(instance -> instance);
        Object second = pool.apply(instance -> instance);
        assertSame(first, second);
        assertEquals(1, created.get());
    }

    @Test
    void apply_nested_givesEachCallerItsOwnInstanceAndKeepsAtMostMaxIdle() {
        AtomicInteger created = new AtomicInteger();
        InstancePool<Integer> pool = new InstancePool<>(created::incrementAndGet, 2);
        List<Integer> seen = new ArrayList<>();
        pool.apply(a -> pool.apply(b -> pool.apply(c -> seen.addAll(List.of(a, b, c)))));
        assertEquals(List.of(1, 2, 3), seen);
        // Three were in use at once; only two are kept, so two more borrows at once create nothing new.
        pool.apply(a -> pool.apply(b -> b));
        assertEquals(3, created.get());
        pool.apply(a -> pool.apply(b -> pool.apply(c -> c)));
        assertEquals(4, created.get());
    }

    @Test
    void apply_workThrows_returnsTheInstanceAndPropagates() {
        AtomicInteger created = new AtomicInteger();
        InstancePool<Integer> pool = new InstancePool<>(created::incrementAndGet, 1);
        assertThrows(IllegalStateException.class, () -> pool.apply(i -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(Integer.valueOf(1), pool.<Integer>apply(i -> i));
        assertEquals(1, created.get());
    }

    @Test
    void constructor_noIdleInstances_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new InstancePool<>(Object::new, 0));
    }
}
