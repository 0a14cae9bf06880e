package app.funnel.dashboard;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The handoff from marketing to sales.
 *
 * @param overdueNow  SQLs not yet touched whose first-touch deadline has passed, now (not limited
 *                    to the period)
 * @param handedOver  handoffs in the period (a lead handed over twice counts twice)
 * @param touched     of the leads handed over in the period, how many were touched since (their
 *                    last handoff)
 * @param medianHoursToTouch median hours from handoff to first touch of those, null when none
 * @param returned    SQLs returned to marketing in the period
 * @param latestReturns the latest returns in the period, with the reason sales gave
 */
public record Handoff(long overdueNow, long handedOver, long touched, @Nullable Double medianHoursToTouch, long returned,
                      List<Return> latestReturns) {

    /** Returned as a share of handed over, in percent. */
    public double returnedPercent() {
        return handedOver == 0 ? 0 : 100.0 * returned / handedOver;
    }

    public record Return(long leadId, String lead, String by, Instant at, String reason) {
    }
}
