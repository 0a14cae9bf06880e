package app.funnel.dashboard;

import app.funnel.statistics.FunnelStep;
import java.util.List;

/**
 * A cohort's funnel: the leads created in the period, counted at every step they reached.
 *
 * @param steps from Lead on, as far as the user may see
 */
public record Funnel(List<Step> steps) {

    /**
     * One step: how many of the cohort reached it, the share of the step before (step conversion)
     * and of the cohort (cumulative), in percent; 0 when there is nothing to divide by.
     */
    public record Step(FunnelStep step, long count, double stepPercent, double cumulativePercent) {
    }

    static Funnel of(long[] reachedAtLeast, int steps) {
        List<Step> list = new java.util.ArrayList<>();
        for (int k = 0; k < steps; k++) {
            long count = reachedAtLeast[k];
            double step = k == 0 ? (count == 0 ? 0 : 100) : percent(count, reachedAtLeast[k - 1]);
            list.add(new Step(FunnelStep.values()[k], count, step, percent(count, reachedAtLeast[0])));
        }
        return new Funnel(List.copyOf(list));
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }
}
