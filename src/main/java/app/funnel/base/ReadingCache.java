package app.funnel.base;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Readings of a summary table (a tally), reused while the table has not changed in this process
 * (its version is the same) and for two seconds at most, for changes made by another process.
 * At most 500 readings are kept, the least recently used go first.
 */
public final class ReadingCache<T> {

    private static final long TTL_NANOS = 2_000_000_000L;
    private static final int MAX = 500;

    private record Reading<T>(long version, long readAt, T value) {
    }

    private final Map<String, Reading<T>> readings = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Reading<T>> eldest) {
                    return size() > MAX;
                }
            });

    /** The reading under the key, loaded again when the version moved or it is too old. */
    public T get(String key, long version, Supplier<T> load) {
        long now = System.nanoTime();
        Reading<T> cached = readings.get(key);
        if (cached != null && cached.version() == version && now - cached.readAt() < TTL_NANOS) {
            return cached.value();
        }
        T value = load.get();
        readings.put(key, new Reading<>(version, now, value));
        return value;
    }
}
