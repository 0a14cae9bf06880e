package app.funnel.opportunity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deal settings ({@code funnel.opportunities.*}).
 *
 * @param staleDays a deal with no change for longer is marked stale ({@code FUNNEL_STALE_DAYS})
 */
@ConfigurationProperties("funnel.opportunities")
public record OpportunityProperties(@DefaultValue("14") int staleDays) {
}
