package app.funnel.lead;

import app.funnel.statistics.FunnelStep;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The lead grid's filters; every one is optional.
 *
 * @param text    matches the start of the name, last name, e-mail or company, ignoring case and accents
 * @param reached the leads that reached this funnel step or a later one (the dashboard's drill-down)
 */
public record LeadQuery(@Nullable LeadStatus status, @Nullable Long ownerId, @Nullable LeadSource source,
                        @Nullable LocalDate createdFrom, @Nullable LocalDate createdTo, @Nullable String text,
                        @Nullable FunnelStep reached) {

    public LeadQuery(@Nullable LeadStatus status, @Nullable Long ownerId, @Nullable LeadSource source,
                     @Nullable LocalDate createdFrom, @Nullable LocalDate createdTo, @Nullable String text) {
        this(status, ownerId, source, createdFrom, createdTo, text, null);
    }

    public static LeadQuery all() {
        return new LeadQuery(null, null, null, null, null, null);
    }

    public LeadQuery withStatus(@Nullable LeadStatus newStatus) {
        return new LeadQuery(newStatus, ownerId, source, createdFrom, createdTo, text, reached);
    }
}
