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
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofSeconds(60), 30, 10,
            Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Test
    void failures_beyond_the_free_ones_make_the_next_try_wait_longer_each_time_never_more_than_a_minute() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("ana", "10.0.0.1", true);
            assertThat(throttle.lockFor("ana", "10.0.0.1", true)).as("free failure %d", i + 1).isEmpty();
        }
        long[] waits = {1, 2, 4, 8, 16, 32, 60, 60, 60};
        for (long wait : waits) {
            throttle.recordFailure("ana", "10.0.0.2", true);
            assertThat(throttle.lockFor("ANA", "10.0.0.3", true)).as("usernames match ignoring case")
                    .hasValueSatisfying(lock -> {
                        assertThat(lock.kind()).isEqualTo(LoginThrottle.Lock.Kind.USERNAME);
                        assertThat(lock.until()).isEqualTo(clock.instant().plusSeconds(wait));
                    });
            clock.advance(Duration.ofSeconds(wait));
            assertThat(throttle.lockFor("ana", "10.0.0.3", true)).as("after the wait the password is checked again")
                    .isEmpty();
        }
    }

    @Test
    void an_account_is_never_locked_out_after_the_wait_its_right_password_works() {
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("boss", "198.51.100." + (i % 7), true);
        }
        assertThat(throttle.lockFor("boss", "10.0.0.9", true)).hasValueSatisfying(lock ->
                assertThat(lock.until()).isBeforeOrEqualTo(clock.instant().plusSeconds(60)));
        clock.advance(Duration.ofSeconds(60));
        assertThat(throttle.lockFor("boss", "10.0.0.9", true)).isEmpty();
        throttle.recordSuccess("boss");
        throttle.recordFailure("boss", "10.0.0.9", true);
        assertThat(throttle.lockFor("boss", "10.0.0.9", true)).as("a success starts the count again").isEmpty();
    }

    @Test
    void failures_older_than_the_window_do_not_count() {
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("bob", "10.0.0.1", true);
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.recordFailure("bob", "10.0.0.1", true);
        assertThat(throttle.lockFor("bob", "10.0.0.1", true)).isEmpty();
    }

    @Test
    void many_failures_from_one_address_never_refuse_known_accounts_there() {
        for (int i = 0; i < 200; i++) {
            throttle.recordFailure("colleague" + (i % 20), "192.0.2.7", true);
        }
        assertThat(throttle.lockFor("someone-else", "192.0.2.7", true)).isEmpty();
    }

    @Test
    void many_tries_at_unknown_usernames_from_one_address_refuse_that_address_for_unknown_usernames_only() {
        for (int i = 0; i < 30; i++) {
            throttle.recordFailure("made-up" + i, "192.0.2.7", false);
        }
        assertThat(throttle.lockFor("another-made-up", "192.0.2.7", false)).hasValueSatisfying(lock -> {
            assertThat(lock.kind()).isEqualTo(LoginThrottle.Lock.Kind.ADDRESS);
            assertThat(lock.until()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        });
        assertThat(throttle.lockFor("real-user", "192.0.2.7", true)).as("known accounts from there still log in")
                .isEmpty();
        assertThat(throttle.lockFor("another-made-up", "192.0.2.8", false)).isEmpty();
    }

    @Test
    void an_account_with_many_failures_is_listed_as_under_attack_until_the_window_passes() {
        for (int i = 0; i < 12; i++) {
            throttle.recordFailure("target", "203.0.113." + (i % 3), true);
        }
        throttle.recordFailure("quiet", "10.0.0.1", true);
        assertThat(throttle.underAttack()).singleElement().satisfies(attack -> {
            assertThat(attack.username()).isEqualTo("target");
            assertThat(attack.failures()).isEqualTo(12);
            assertThat(attack.addresses()).isEqualTo(3);
        });
        clock.advance(Duration.ofMinutes(16));
        assertThat(throttle.underAttack()).isEmpty();
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
