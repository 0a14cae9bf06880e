package app.funnel.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 30, Duration.ofMinutes(15),
            Duration.ofMinutes(15));

    @Test
    void five_failures_within_fifteen_minutes_lock_the_username_for_fifteen_minutes() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("ana", "10.0.0.1");
            clock.advance(Duration.ofMinutes(2));
        }
        assertThat(throttle.lockFor("ana", "10.0.0.1")).isEmpty();
        throttle.recordFailure("ana", "10.0.0.2");

        assertThat(throttle.lockFor("ana", "10.0.0.3")).hasValueSatisfying(lock -> {
            assertThat(lock.kind()).isEqualTo(LoginThrottle.Lock.Kind.USERNAME);
            assertThat(lock.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        });
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.lockFor("ANA", "10.0.0.3")).as("usernames are matched ignoring case").isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockFor("ana", "10.0.0.3")).isEmpty();
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("bob", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.recordFailure("bob", "10.0.0.1");
        assertThat(throttle.lockFor("bob", "10.0.0.1")).isEmpty();
    }

    @Test
    void a_successful_login_clears_the_usernames_failures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("carla", "10.0.0.1");
        }
        throttle.recordSuccess("carla");
        throttle.recordFailure("carla", "10.0.0.1");
        assertThat(throttle.lockFor("carla", "10.0.0.1")).isEmpty();
    }

    @Test
    void many_failures_from_one_address_lock_that_address_for_every_username() {
        for (int i = 0; i < 30; i++) {
            throttle.recordFailure("user" + i, "192.0.2.7");
        }
        assertThat(throttle.lockFor("someone-else", "192.0.2.7")).hasValueSatisfying(
                lock -> assertThat(lock.kind()).isEqualTo(LoginThrottle.Lock.Kind.ADDRESS));
        assertThat(throttle.lockFor("someone-else", "192.0.2.8")).isEmpty();
    }

    @Test
    void idle_entries_are_evicted() {
        throttle.recordFailure("dora", "10.0.0.1");
        clock.advance(Duration.ofMinutes(20));
        throttle.evictExpired();
        throttle.recordFailure("dora", "10.0.0.1");
        assertThat(throttle.lockFor("dora", "10.0.0.1")).isEmpty();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
