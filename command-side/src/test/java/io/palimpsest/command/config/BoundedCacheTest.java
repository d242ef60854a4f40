package io.palimpsest.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedCacheTest {

    @Test
    void keepsEntriesUntilRemoved() {
        BoundedCache cache = new BoundedCache(10);
        cache.put("a", "first");

        System.gc();

        assertThat(cache.<String, String>get("a")).isEqualTo("first");
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.<String, String>get("a")).isNull();
        assertThat(cache.remove("a")).isFalse();
    }

    @Test
    void holdsNoMoreThanItsBound() {
        BoundedCache cache = new BoundedCache(100);
        for (int i = 0; i < 1_000; i++) {
            cache.put(i, "value " + i);
        }
        long held = 0;
        for (int i = 0; i < 1_000; i++) {
            held += cache.containsKey(i) ? 1 : 0;
        }

        assertThat(held).isBetween(1L, 100L);
    }

    @Test
    void putIfAbsentAndComputeKeepTheFirstValue() {
        BoundedCache cache = new BoundedCache(10);

        assertThat(cache.putIfAbsent("a", "first")).isTrue();
        assertThat(cache.putIfAbsent("a", "second")).isFalse();
        assertThat(cache.<String>computeIfAbsent("a", () -> "third")).isEqualTo("first");
        cache.<String>computeIfPresent("a", value -> value + "!");

        assertThat(cache.<String, String>get("a")).isEqualTo("first!");
    }

    @Test
    void tellsItsListenersWhatHappened() {
        BoundedCache cache = new BoundedCache(10);
        List<String> seen = new ArrayList<>();
        Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                seen.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                seen.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                seen.add("removed " + key);
            }
        });

        cache.put("a", 1);
        cache.put("a", 2);
        cache.remove("a");
        registration.cancel();
        cache.put("b", 3);

        assertThat(seen).containsExactly("created a", "updated a", "removed a");
    }
}
