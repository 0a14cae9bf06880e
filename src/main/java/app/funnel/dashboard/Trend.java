package app.funnel.dashboard;

import app.funnel.definition.Term;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Per month of the period, how many leads first became MQLs and SQLs (or went straight past), how
 * many deals were opened and how many won (counted in the month of their last close), and the
 * definition versions published in the period.
 *
 * @param series the counts per step, one per month, in the order of {@code months}; marketing gets
 *               MQL and SQL only
 */
public record Trend(List<YearMonth> months, List<Series> series, List<Marker> markers) {

    /** One line of the trend: its name (MQL, SQL, OPPORTUNITY, WON) and a count per month. */
    public record Series(String step, List<Long> counts) {
    }

    /** A published definition version: when, which terms it changed, and its change note. */
    public record Marker(YearMonth month, int version, Instant publishedAt, List<Term> terms, String note) {
    }
}
