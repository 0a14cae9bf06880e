package app.funnel.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per username and per client address. After {@code maxPerUsername} failures
 * for one username within the window, that username is refused for the lock time, even with the
 * right password; the same for an address after {@code maxPerAddress} failures (any usernames).
 * Kept in memory: a restart forgets the counts (see docs/decisions).
 */
@Component
public class LoginThrottle {

    private final Clock clock;
    private final int maxPerUsername;
    private final int maxPerAddress;
    private final Duration window;
    private final Duration lockTime;
    private final Map<String, Track> usernames = new ConcurrentHashMap<>();
    private final Map<String, Track> addresses = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock,
                  @Value("${funnel.login.max-failures-per-username:5}") int maxPerUsername,
                  @Value("${funnel.login.max-failures-per-address:30}") int maxPerAddress,
                  @Value("${funnel.login.window:15m}") Duration window,
                  @Value("${funnel.login.lock-time:15m}") Duration lockTime) {
        this.clock = clock;
        this.maxPerUsername = maxPerUsername;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.lockTime = lockTime;
    }

    /** When the username or the address is locked out, the instant the lock ends. */
    public Optional<Lock> lockFor(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> user = track(usernames, key(username)).lockedUntil(now);
        if (user.isPresent()) {
            return Optional.of(new Lock(Lock.Kind.USERNAME, user.get()));
        }
        return track(addresses, address).lockedUntil(now).map(until -> new Lock(Lock.Kind.ADDRESS, until));
    }

    public void recordFailure(String username, String address) {
        Instant now = clock.instant();
        track(usernames, key(username)).fail(now, maxPerUsername);
        track(addresses, address).fail(now, maxPerAddress);
    }

    /** A successful login clears the username's failures (not the address's). */
    public void recordSuccess(String username) {
        usernames.remove(key(username));
    }

    /** Forgets entries with nothing left to count, so the maps do not grow without end. */
    @Scheduled(fixedDelayString = "PT5M")
    void evictExpired() {
        Instant now = clock.instant();
        usernames.values().removeIf(track -> track.isIdle(now));
        addresses.values().removeIf(track -> track.isIdle(now));
    }

    private Track track(Map<String, Track> tracks, String key) {
        return tracks.computeIfAbsent(key, k -> new Track());
    }

    private static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    /** A lock-out: whether it is the username or the address, and until when. */
    public record Lock(Kind kind, Instant until) {
        public enum Kind { USERNAME, ADDRESS }
    }

    private final class Track {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized void fail(Instant now, int max) {
            prune(now);
            failures.addLast(now);
            if (failures.size() >= max) {
                lockedUntil = now.plus(lockTime);
                failures.clear();
            }
        }

        synchronized Optional<Instant> lockedUntil(Instant now) {
            return now.isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
        }

        synchronized boolean isIdle(Instant now) {
            prune(now);
            return failures.isEmpty() && !now.isBefore(lockedUntil);
        }

        private void prune(Instant now) {
            Instant oldest = now.minus(window);
            while (!failures.isEmpty() && failures.peekFirst().isBefore(oldest)) {
                failures.removeFirst();
            }
        }
    }
}
