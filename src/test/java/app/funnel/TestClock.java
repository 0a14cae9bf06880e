package app.funnel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the system's UTC clock, unless a test sets it to a fixed
 * instant (and moves it on) to build a history with known durations. Tests that set it reset it.
 */
public final class TestClock extends Clock {

    private static volatile Instant fixed;

    private final ZoneId zone;

    TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** A clock in UTC, for tests without a Spring context. */
    public static TestClock systemUTC() {
        return new TestClock(ZoneOffset.UTC);
    }

    /** Fixes the clock at the instant. */
    public static void set(Instant at) {
        fixed = at;
    }

    /** Moves a fixed clock on. */
    public static void advance(Duration by) {
        fixed = fixed.plus(by);
    }

    /** Back to the system's clock. */
    public static void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    /** Imported by {@link FunnelAppTest}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        Clock testClock(app.funnel.base.CompanyZone zone) {
            return new TestClock(zone.id());
        }
    }
}
