package app.funnel.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed logins are slowed down ({@code funnel.login.*}; see {@link LoginThrottle}).
 *
 * @param freeFailures         failures of a username within the window before delays start
 * @param maxDelay             the longest delay one more failure adds
 * @param maxUnknownPerAddress tries at unknown usernames from one address within the window
 * @param attackThreshold      failures of one username within the window that admins are shown
 * @param window               how long failures are remembered
 * @param lockTime             how long an address that tried too many unknown names is refused
 */
@ConfigurationProperties("funnel.login")
record LoginProperties(@DefaultValue("3") int freeFailures, @DefaultValue("60s") Duration maxDelay,
                       @DefaultValue("30") int maxUnknownPerAddress, @DefaultValue("10") int attackThreshold,
                       @DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockTime) {
}
