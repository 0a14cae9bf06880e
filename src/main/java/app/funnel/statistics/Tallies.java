package app.funnel.statistics;

import org.jspecify.annotations.Nullable;

/**
 * How the tallies encode "none" and "every", in every tally table alike: a record without a
 * source is counted under {@link #NO_SOURCE}; the rows that count every source are under
 * {@link #EVERY_SOURCE}, and those that count every owner under {@link #EVERY_OWNER}. Only this
 * package reads or writes the tallies; other features ask its typed readers.
 */
final class Tallies {

    static final String NO_SOURCE = "-";
    static final String EVERY_SOURCE = "";
    static final long EVERY_OWNER = 0;

    private Tallies() {
    }

    /** The stored source of a record: its source's name, or {@link #NO_SOURCE}. */
    static String source(@Nullable String source) {
        return source == null || source.isEmpty() ? NO_SOURCE : source;
    }

    /** yyyymm of a year and month. */
    static int month(java.time.YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }
}
