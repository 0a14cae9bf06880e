package app.funnel.capture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Rate limits of the capture endpoint with Bucket4j: so many posts a minute per form key and per
 * client address (in memory, per app instance, like the login throttle; decision 0002).
 */
@Component
class CaptureLimits {

    private final int perKey;
    private final int perAddress;
    private final int preflightsPerAddress;
    /**
     * Bounded, and idle buckets expire: a flood of new addresses or made-up keys pushes out the
     * oldest buckets one by one, never everyone's at once (a full clear would reset every limit).
     */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
            .expireAfterAccess(Duration.ofMinutes(2)).build();

    CaptureLimits(CaptureProperties properties) {
        this.perKey = properties.perKeyPerMinute();
        this.perAddress = properties.perAddressPerMinute();
        this.preflightsPerAddress = properties.preflightsPerAddressPerMinute();
    }

    /** Seconds to wait before the next CORS preflight from this address is answered, or 0 (and it is counted). */
    long preflightWaitSeconds(String address) {
        ConsumptionProbe probe = bucket("preflight:" + address, preflightsPerAddress).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : seconds(probe);
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
        buckets.invalidateAll();
    }

    private Bucket bucket(String name, int perMinute) {
        return buckets.get(name, n -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
    }

    private static long seconds(ConsumptionProbe probe) {
        return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
    }
}
