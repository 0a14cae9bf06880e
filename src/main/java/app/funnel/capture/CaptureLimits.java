package app.funnel.capture;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the capture endpoint with Bucket4j: so many posts a minute per form key and per
 * client address (in memory, per app instance, like the login throttle; decision 0002).
 */
@Component
class CaptureLimits {

    private final int perKey;
    private final int perAddress;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    CaptureLimits(@Value("${funnel.capture.per-key-per-minute:300}") int perKey,
                  @Value("${funnel.capture.per-address-per-minute:30}") int perAddress) {
        this.perKey = perKey;
        this.perAddress = perAddress;
    }

    /** Seconds to wait before the next post is taken, or 0 when this one may go on (and is counted). */
    long waitSeconds(String key, String address) {
        ConsumptionProbe byAddress = bucket("address:" + address, perAddress).tryConsumeAndReturnRemaining(1);
        if (!byAddress.isConsumed()) {
            return seconds(byAddress);
        }
        ConsumptionProbe byKey = bucket("key:" + key, perKey).tryConsumeAndReturnRemaining(1);
        return byKey.isConsumed() ? 0 : seconds(byKey);
    }

    /** Forgets every count (tests). */
    void reset() {
        buckets.clear();
    }

    private Bucket bucket(String name, int perMinute) {
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(name, n -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    private static long seconds(ConsumptionProbe probe) {
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
