package app.funnel.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking anyone out.
 *
 * <p>Per username: the first {@code freeFailures} failures within the window cost nothing; after
 * that each failure makes the next try of that username wait, 1 s, 2 s, 4 s... up to
 * {@code maxDelay}. A try that comes too early is not checked at all (and does not count); once
 * the wait is over the right password logs in as always. A guesser gets about one try a minute per
 * account, the account's owner waits at most a minute. Unknown usernames are slowed the same way, so
 * the answers do not tell which accounts exist.
 *
 * <p>Per address: only tries at usernames that do not exist are counted; past
 * {@code maxUnknownPerAddress} of them within the window, that address's tries at unknown usernames
 * are refused for the lock time. Colleagues behind one office address are never refused for them.
 *
 * <p>An account with {@code attackThreshold} failures within the window is "under attack": logged
 * as a warning once per episode and listed to admins on the Users page.
 *
 * <p>Kept in memory, in bounded Caffeine caches (a restart forgets the counts; see docs/decisions).
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final Clock clock;
    private final int freeFailures;
    private final Duration maxDelay;
    private final int maxUnknownPerAddress;
    private final int attackThreshold;
    private final Duration window;
    private final Duration lockTime;
    private final Cache<String, Track> usernames;
    private final Cache<String, Track> addresses;

    @org.springframework.beans.factory.annotation.Autowired
    LoginThrottle(Clock clock, LoginProperties properties) {
        this(clock, properties.freeFailures(), properties.maxDelay(), properties.maxUnknownPerAddress(),
                properties.attackThreshold(), properties.window(), properties.lockTime());
    }

    LoginThrottle(Clock clock, int freeFailures, Duration maxDelay, int maxUnknownPerAddress, int attackThreshold,
                  Duration window, Duration lockTime) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.maxDelay = maxDelay;
        this.maxUnknownPerAddress = maxUnknownPerAddress;
        this.attackThreshold = attackThreshold;
        this.window = window;
        this.lockTime = lockTime;
        Duration keep = window.compareTo(lockTime) > 0 ? window : lockTime;
        // bounded: a flood of made-up names or rotating addresses evicts the oldest entries, never all at once
        this.usernames = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(keep.plus(maxDelay)).build();
        this.addresses = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(keep).build();
    }

    /** Whether a try may be checked now; if not, until when it must wait and why. */
    public Optional<Lock> lockFor(String username, String address, boolean knownAccount) {
        Instant now = clock.instant();
        Track user = usernames.getIfPresent(key(username));
        if (user != null) {
            Optional<Instant> wait = user.waitUntil(now);
            if (wait.isPresent()) {
                return Optional.of(new Lock(Lock.Kind.USERNAME, wait.get()));
            }
        }
        if (!knownAccount) {
            Track from = addresses.getIfPresent(address);
            if (from != null) {
                return from.waitUntil(now).map(until -> new Lock(Lock.Kind.ADDRESS, until));
            }
        }
        return Optional.empty();
    }

    public void recordFailure(String username, String address, boolean knownAccount) {
        Instant now = clock.instant();
        Track user = usernames.get(key(username), k -> new Track());
        int failures = user.fail(now, address);
        int over = failures - freeFailures;
        if (over > 0) {
            long seconds = over >= 20 ? maxDelay.toSeconds() : Math.min(maxDelay.toSeconds(), 1L << (over - 1));
            user.delayUntil(now.plusSeconds(seconds));
        }
        if (knownAccount && failures >= attackThreshold && user.markAttackReported()) {
            log.warn("Account {} is under attack: {} failed logins within {} from {} address(es); the tries are "
                    + "slowed down, the account stays usable with its password", key(username), failures, window,
                    user.addresses().size());
        }
        if (!knownAccount) {
            Track from = addresses.get(address, k -> new Track());
            if (from.fail(now, address) >= maxUnknownPerAddress) {
                from.delayUntil(now.plus(lockTime));
                from.clear();
            }
        }
    }

    /** A successful login clears the username's failures (not the address's). */
    public void recordSuccess(String username) {
        usernames.invalidate(key(username));
    }

    /** Accounts with many failed logins within the window now, most failures first: for admins. */
    public List<Attack> underAttack() {
        Instant now = clock.instant();
        return usernames.asMap().entrySet().stream()
                .map(e -> e.getValue().attack(e.getKey(), now))
                .flatMap(Optional::stream)
                .filter(a -> a.failures() >= attackThreshold)
                .sorted(Comparator.comparingInt(Attack::failures).reversed())
                .toList();
    }

    private static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    /** A try that must wait: whether for its username or its address, and until when. */
    public record Lock(Kind kind, Instant until) {
        public enum Kind { USERNAME, ADDRESS }
    }

    /** An account with many failed logins within the window. */
    public record Attack(String username, int failures, int addresses, Instant since, Instant last) {
    }

    private final class Track {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private final Set<String> from = new HashSet<>();
        private Instant waitUntil = Instant.MIN;
        private boolean attackReported;

        synchronized int fail(Instant now, String address) {
            prune(now);
            failures.addLast(now);
            if (from.size() < 1_000) {
                from.add(address);
            }
            return failures.size();
        }

        synchronized void delayUntil(Instant until) {
            if (until.isAfter(waitUntil)) {
                waitUntil = until;
            }
        }

        synchronized void clear() {
            failures.clear();
            from.clear();
        }

        synchronized Optional<Instant> waitUntil(Instant now) {
            return now.isBefore(waitUntil) ? Optional.of(waitUntil) : Optional.empty();
        }

        synchronized boolean markAttackReported() {
            boolean first = !attackReported;
            attackReported = true;
            return first;
        }

        synchronized Set<String> addresses() {
            return Set.copyOf(from);
        }

        synchronized Optional<Attack> attack(String username, Instant now) {
            prune(now);
            if (failures.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Attack(username, failures.size(), from.size(), failures.peekFirst(),
                    failures.peekLast()));
        }

        private void prune(Instant now) {
            Instant oldest = now.minus(window);
            while (!failures.isEmpty() && failures.peekFirst().isBefore(oldest)) {
                failures.removeFirst();
            }
            if (failures.isEmpty()) {
                attackReported = false;
                from.clear();
            }
        }
    }
}
