package app.funnel.base;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Readings of a summary table (a tally), reused while the table has not changed in this process
 * (its version is the same) and for two seconds at most, for changes made by another process.
 * At most 500 readings are kept (Caffeine's size bound).
 */
public final class ReadingCache<T> {

    private record Reading<T>(long version, T value) {
    }

    /** Caffeine: bounded (least recently used out first), each reading two seconds old at most. */
    private final Cache<String, Reading<T>> readings = Caffeine.newBuilder().maximumSize(500)
            .expireAfterWrite(Duration.ofSeconds(2)).build();

    /** The reading under the key, loaded again when the version moved or it is too old. */
    public T get(String key, long version, Supplier<T> load) {
        Reading<T> cached = readings.getIfPresent(key);
        if (cached != null && cached.version() == version) {
            return cached.value();
        }
        T value = load.get();
        readings.put(key, new Reading<>(version, value));
        return value;
    }
}
