package app.funnel.capture;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rate limits of the web-capture endpoint ({@code funnel.capture.*}; see {@link CaptureLimits}).
 *
 * @param perKeyPerMinute               posts per form key and minute
 * @param perAddressPerMinute           posts per visitor address and minute
 * @param preflightsPerAddressPerMinute CORS preflights per address and minute
 */
@ConfigurationProperties("funnel.capture")
record CaptureProperties(@DefaultValue("300") int perKeyPerMinute, @DefaultValue("30") int perAddressPerMinute,
                         @DefaultValue("60") int preflightsPerAddressPerMinute) {
}
